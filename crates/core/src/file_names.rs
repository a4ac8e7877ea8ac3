//! Download file names: model, a slug of the prompt, a UTC timestamp, the index, and the
//! extension of the real format, so a folder of results sorts and reads well.

use crate::api::mime;

/// Lowercase ASCII words of the prompt joined by `-`, at most `max` characters, cut at a word.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let extra = word.len() + usize::from(!out.is_empty());
        if out.len() + extra > max {
            if out.is_empty() {
                out.push_str(&word[..max].to_ascii_lowercase());
            }
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// `YYYYMMDD-HHMMSS` in UTC from Unix seconds (civil-from-days, no date crate needed).
pub fn utc_stamp(unix_secs: i64) -> String {
    let days = unix_secs.div_euclid(86_400);
    let secs = unix_secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}-{:02}{:02}{:02}",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// e.g. `gpt-image-2_a-red-fox-in-the-snow_20261121-123456_1.png`.
pub fn result_file_name(
    model: &str,
    prompt: &str,
    unix_secs: i64,
    index: usize,
    mime_type: &str,
) -> String {
    let model = slug(model.replace('.', "-").as_str(), 30);
    let mut parts = vec![if model.is_empty() {
        "image".to_string()
    } else {
        model
    }];
    let words = slug(prompt, 40);
    if !words.is_empty() {
        parts.push(words);
    }
    parts.push(utc_stamp(unix_secs));
    parts.push((index + 1).to_string());
    format!("{}.{}", parts.join("_"), mime::extension(mime_type))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_cut_at_words() {
        assert_eq!(slug("A red fox, in the SNOW!", 40), "a-red-fox-in-the-snow");
        assert_eq!(slug("alpha beta gamma", 10), "alpha-beta");
        assert_eq!(slug("Ünïcode 東京 only", 40), "n-code-only");
        assert_eq!(slug("supercalifragilistic", 5), "super");
        assert_eq!(slug("  ", 10), "");
    }

    #[test]
    fn utc_stamps() {
        assert_eq!(utc_stamp(0), "19700101-000000");
        assert_eq!(utc_stamp(1_795_264_496), "20261121-123456");
        assert_eq!(utc_stamp(951_782_400), "20000229-000000");
        assert_eq!(utc_stamp(-1), "19691231-235959");
    }

    #[test]
    fn file_names_carry_the_real_extension() {
        let name = result_file_name("gpt-image-1.5", "A red fox in the snow", 0, 1, "image/jpeg");
        assert_eq!(
            name,
            "gpt-image-1-5_a-red-fox-in-the-snow_19700101-000000_2.jpg"
        );
        assert_eq!(
            result_file_name("", "東京", 0, 0, "image/webp"),
            "image_19700101-000000_1.webp"
        );
    }
}
