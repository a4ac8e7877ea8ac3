//! Share links: any preset survives preset → link → preset, and the decoder never panics on
//! anything a URL bar can hold.
#![cfg(not(target_arch = "wasm32"))]

use proptest::option;
use proptest::prelude::*;
use studio_core::api::request::{Background, Moderation, OutputFormat, Quality};
use studio_core::preset::{decode, encode, Preset};
use studio_core::sizes::{Tier, RATIOS};

fn any_preset() -> impl Strategy<Value = Preset> {
    let size = prop_oneof![
        Just("auto".to_string()),
        (1u32..5000, 1u32..5000).prop_map(|(w, h)| format!("{w}x{h}"))
    ];
    let text_fields = (
        option::of("\\PC{0,200}"),
        option::of("[a-z0-9][a-z0-9./_-]{0,40}"),
        option::of(size),
        option::of(0usize..RATIOS.len()),
        option::of(0usize..3),
        option::of("[a-z0-9-]{1,20}(\\.[a-z]{2,6})?(:[0-9]{2,5})?(/[a-z0-9]{1,8}){0,2}"),
    );
    let params = (
        option::of(0usize..4),
        option::of(0usize..3),
        option::of(0u8..=100),
        option::of(0usize..3),
        option::of(0usize..2),
        option::of(1u8..=10),
        option::of(proptest::bool::ANY),
        option::of(0u8..=3),
    );
    (text_fields, params).prop_map(
        |((prompt, model, size, ratio, tier, host), (q, f, c, b, m, n, stream, partial))| Preset {
            prompt,
            model,
            size,
            ratio: ratio.map(|i| RATIOS[i]),
            tier: tier.map(|i| Tier::ALL[i]),
            quality: q.map(|i| Quality::ALL[i]),
            output_format: f.map(|i| OutputFormat::ALL[i]),
            output_compression: c,
            background: b.map(|i| Background::ALL[i]),
            moderation: m.map(|i| Moderation::ALL[i]),
            n,
            stream,
            partial_images: partial,
            base_url: host.map(|h| format!("https://{h}")),
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_preset_survives_a_link(preset in any_preset()) {
        let link = encode(&preset);
        let back = decode(&link);
        prop_assert_eq!(&back.notices, &Vec::<String>::new(), "{}", link);
        prop_assert_eq!(back.preset, preset);
        // One line, no spaces, no raw '#' or '&' from the values: safe to paste anywhere.
        prop_assert!(!link.contains(' ') && !link.contains('#') && !link.contains('\n'));
    }

    #[test]
    fn the_decoder_never_panics_and_is_stable(fragment in "\\PC{0,300}") {
        let first = decode(&fragment);
        let again = decode(&encode(&first.preset));
        prop_assert_eq!(again.preset, first.preset);
    }

    #[test]
    fn the_decoder_survives_hostile_structure(parts in proptest::collection::vec(("[a-z%&=#+]{0,8}", "[%0-9A-Fa-fz+=&]{0,12}"), 0..20)) {
        let fragment: String = parts.iter().map(|(k, v)| format!("{k}={v}&")).collect();
        let _ = decode(&fragment);
        let _ = decode(&format!("#v1&{fragment}"));
    }
}
