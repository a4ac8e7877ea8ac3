//! The SSE parser gives the same events however the bytes are split into chunks, whatever
//! line endings the server uses, with comments interleaved.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use studio_core::api::sse::{SseEvent, SseParser};

fn field_text() -> impl Strategy<Value = String> {
    // Any text without line breaks, including multibyte characters and colons.
    "[a-zA-Z0-9 :{}\"\\[\\],._\u{e9}\u{4e2d}\u{1F98A}-]{0,40}"
}

fn event() -> impl Strategy<Value = SseEvent> {
    (
        prop_oneof![Just(String::new()), "[a-z_.]{1,30}"],
        prop::collection::vec(field_text(), 1..4),
    )
        .prop_map(|(event, lines)| SseEvent {
            event,
            data: lines.join("\n"),
        })
}

fn serialise(events: &[SseEvent], endings: &[&str], comments: &[bool]) -> Vec<u8> {
    let mut out = String::new();
    for (i, e) in events.iter().enumerate() {
        let nl = endings[i % endings.len()];
        if comments[i % comments.len()] {
            out.push_str(&format!(": ping {i}{nl}"));
        }
        if !e.event.is_empty() {
            out.push_str(&format!("event: {}{nl}", e.event));
        }
        for line in e.data.split('\n') {
            // A value starting with a space keeps it only after the one optional space.
            out.push_str(&format!("data: {line}{nl}"));
        }
        out.push_str(nl);
    }
    out.into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_chunking_gives_the_same_events(
        events in prop::collection::vec(event(), 0..6),
        endings in prop::collection::vec(prop_oneof![Just("\n"), Just("\r\n"), Just("\r")], 1..4),
        comments in prop::collection::vec(any::<bool>(), 1..4),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..12),
    ) {
        let bytes = serialise(&events, &endings, &comments);
        let mut points: Vec<usize> = cuts.iter().map(|c| c.index(bytes.len() + 1)).collect();
        points.sort_unstable();
        let mut parser = SseParser::new();
        let mut got = Vec::new();
        let mut start = 0;
        for p in points.into_iter().chain([bytes.len()]) {
            got.extend(parser.push(&bytes[start..p]));
            start = p;
        }
        got.extend(parser.finish());
        prop_assert_eq!(got, events);
    }
}
