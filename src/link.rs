//! Settings carried by a link's fragment (after `#`, so they never reach a server log).
//! For now the base URL, so a demo link can open the app pointed at a local backend.

/// Percent-decodes `%XX` sequences and `+`; returns None for malformed escapes or bad UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The `base=` value of a fragment such as `#base=http%3A%2F%2F127.0.0.1%3A8787%2Fv1`.
pub fn base_url_from_fragment(fragment: &str) -> Option<String> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix("base="))
        .and_then(percent_decode)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_base_url() {
        assert_eq!(
            base_url_from_fragment("#base=http%3A%2F%2F127.0.0.1%3A8787%2Fv1"),
            Some("http://127.0.0.1:8787/v1".into())
        );
        assert_eq!(
            base_url_from_fragment("x=1&base=https://gw.example/v1"),
            Some("https://gw.example/v1".into())
        );
    }

    #[test]
    fn ignores_absent_empty_and_malformed() {
        assert_eq!(base_url_from_fragment(""), None);
        assert_eq!(base_url_from_fragment("#base="), None);
        assert_eq!(base_url_from_fragment("#base=%zz"), None);
        assert_eq!(base_url_from_fragment("#base=%E2%28"), None);
        assert_eq!(base_url_from_fragment("#database=x"), None);
    }
}
