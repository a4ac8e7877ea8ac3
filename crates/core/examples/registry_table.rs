//! Prints the model registry as a Markdown table, the way the app reads it:
//! `cargo run -p studio-core --example registry_table`.

use studio_core::api::wire::WireValue;
use studio_core::estimate::picker_hint;
use studio_core::models::registry::{SizeRule, MODELS};

fn main() {
    println!("| model | snapshots | family | quality | native transparency | sizes | input_fidelity | refs | n | stream | $/M tokens (text in/cached, image in/cached, image out) | medium 1024x1024 | retired |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for m in MODELS {
        let list = |v: Vec<&str>| {
            if v.is_empty() {
                "—".to_string()
            } else {
                v.join(", ")
            }
        };
        let prices = m.prices.map_or("per image".to_string(), |p| {
            format!(
                "{}/{}, {}/{}, {}",
                p.text_in, p.text_in_cached, p.image_in, p.image_in_cached, p.image_out
            )
        });
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            m.id,
            list(m.snapshots.to_vec()),
            m.family.label(),
            list(m.qualities.iter().map(|q| q.as_str()).collect()),
            list(m.transparency.iter().map(|f| f.as_str()).collect()),
            match m.sizes {
                SizeRule::Free => "free WxH",
                SizeRule::Presets => "3 presets",
            },
            if m.input_fidelity { "yes" } else { "no" },
            m.max_references,
            m.max_n,
            if m.streaming { "yes" } else { "no" },
            prices,
            picker_hint(m)
                .trim_start_matches(|c: char| c != ':')
                .trim_start_matches(": "),
            m.retired.map_or("—".to_string(), |r| format!(
                "{} → {}",
                r.date, r.replacement
            )),
        );
    }
}
