//! Download file names: model, a slug of the prompt, a UTC timestamp, the index, and the
//! extension of the real format, so a folder of results sorts and reads well; and the names
//! prepared references and masks go by outside the app ("Copy as code").

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

/// (year, month, day, seconds into the day) of `secs` seconds since 1970-01-01 00:00 on a
/// clock (UTC, or local wall time), with Howard Hinnant's civil-from-days; no date crate needed.
pub fn civil(secs: i64) -> (i64, i64, i64, i64) {
    let days = secs.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day, secs.rem_euclid(86_400))
}

/// `YYYYMMDD-HHMMSS` in UTC from Unix seconds.
pub fn utc_stamp(unix_secs: i64) -> String {
    let (year, month, day, secs) = civil(unix_secs);
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

/// What browsers refuse in a download's file name on some system (and replace): path
/// separators, `"*:<>?|` and control characters. Each becomes `_`, so the name a file is
/// saved under is the name given.
fn portable(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | '"' | '*' | ':' | '<' | '>' | '?' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// The stem and extension of a file name; only a short run of ASCII letters and digits with
/// a letter in it counts as an extension (`Mr. Fox` and `v1.2` have none).
fn split_extension(name: &str) -> (&str, Option<&str>) {
    match name.rsplit_once('.') {
        Some((stem, ext))
            if (1..=5).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
                && ext.chars().any(|c| c.is_ascii_alphabetic()) =>
        {
            (stem, Some(ext))
        }
        _ => (name, None),
    }
}

/// The name a prepared file goes by outside the app: the user's own file name, with the
/// extension of the prepared format when prep changed the format (`photo.heic` prepared as
/// JPEG is `photo.jpg`; `photo.JPEG` stays as it is). A name with nothing usable left is
/// `{fallback_stem}.{ext}`.
pub fn prepared_file_name(original: &str, mime_type: &str, fallback_stem: &str) -> String {
    let name = portable(original);
    let (stem, ext) = split_extension(name.trim());
    let stem = stem.trim_matches(|c: char| c.is_whitespace() || c == '.');
    let stem = if stem.is_empty() { fallback_stem } else { stem };
    match ext {
        Some(ext) if mime::from_output_format(ext) == Some(mime_type) => format!("{stem}.{ext}"),
        _ => format!("{stem}.{}", mime::extension(mime_type)),
    }
}

/// The name of a file made here from a result (`derived` says what, e.g. `cutout`): the
/// result's stem, `-{derived}`, and the extension of what was made
/// (`..._1.jpeg` cut out as PNG is `..._1-cutout.png`).
pub fn derived_file_name(result_name: &str, derived: &str, mime_type: &str) -> String {
    let (stem, _) = split_extension(result_name);
    format!("{stem}-{derived}.{}", mime::extension(mime_type))
}

/// The names of an edit's files outside the app, for "Copy as code" and its downloads: each
/// reference (`(original name, prepared MIME type)`, in upload order) and the mask by
/// [`prepared_file_name`], all distinct in one folder (also where case does not count, as on
/// macOS and Windows): a repeated name gets `-2`, `-3`, ... before its extension.
pub fn edit_file_names(
    images: &[(&str, &str)],
    mask: Option<(&str, &str)>,
) -> (Vec<String>, Option<String>) {
    let wanted = images
        .iter()
        .enumerate()
        .map(|(i, (name, mime_type))| {
            prepared_file_name(name, mime_type, &format!("image-{}", i + 1))
        })
        .chain(mask.map(|(name, mime_type)| prepared_file_name(name, mime_type, "mask")));
    let mut taken = std::collections::HashSet::new();
    let mut names: Vec<String> = wanted
        .map(|name| {
            let (stem, ext) = split_extension(&name);
            let ext = ext.map_or(String::new(), |e| format!(".{e}"));
            let mut candidate = name.clone();
            let mut k = 2;
            while !taken.insert(candidate.to_lowercase()) {
                candidate = format!("{stem}-{k}{ext}");
                k += 1;
            }
            candidate
        })
        .collect();
    let mask = mask.and_then(|_| names.pop());
    (names, mask)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_names_keep_the_stem_and_take_the_new_format() {
        assert_eq!(
            derived_file_name(
                "gpt-image-2_fox_20261121-123456_1.jpeg",
                "cutout",
                "image/png"
            ),
            "gpt-image-2_fox_20261121-123456_1-cutout.png"
        );
        assert_eq!(
            derived_file_name("fox.png", "cutout", "image/webp"),
            "fox-cutout.webp"
        );
        // A dot that is no extension stays in the stem.
        assert_eq!(
            derived_file_name("Mr. Fox", "cutout", "image/png"),
            "Mr. Fox-cutout.png"
        );
    }

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

    #[test]
    fn prepared_files_keep_the_users_name_with_the_prepared_extension() {
        assert_eq!(
            prepared_file_name("fox.png", mime::PNG, "image-1"),
            "fox.png"
        );
        assert_eq!(
            prepared_file_name("photo.JPEG", mime::JPEG, "image-1"),
            "photo.JPEG"
        );
        assert_eq!(
            prepared_file_name("photo.jpeg", mime::WEBP, "image-1"),
            "photo.webp"
        );
        assert_eq!(
            prepared_file_name("scan.bmp", mime::WEBP, "image-1"),
            "scan.webp"
        );
        assert_eq!(
            prepared_file_name("IMG_0001.HEIC", mime::JPEG, "image-1"),
            "IMG_0001.jpg"
        );
        assert_eq!(
            prepared_file_name("no extension", mime::PNG, "image-1"),
            "no extension.png"
        );
        assert_eq!(
            prepared_file_name("Mr. Fox", mime::PNG, "image-1"),
            "Mr. Fox.png"
        );
        assert_eq!(prepared_file_name("v1.2", mime::PNG, "image-1"), "v1.2.png");
        assert_eq!(
            prepared_file_name("it's a \"fox\".png", mime::PNG, "x"),
            "it's a _fox_.png"
        );
        assert_eq!(
            prepared_file_name("a/b\\c:d.png", mime::PNG, "x"),
            "a_b_c_d.png"
        );
        assert_eq!(
            prepared_file_name("狐狸 照片.bmp", mime::WEBP, "x"),
            "狐狸 照片.webp"
        );
        assert_eq!(
            prepared_file_name("line\nbreak.png", mime::PNG, "x"),
            "line_break.png"
        );
        assert_eq!(
            prepared_file_name(" .hidden.png ", mime::PNG, "x"),
            "hidden.png"
        );
        assert_eq!(
            prepared_file_name(".png", mime::PNG, "image-3"),
            "image-3.png"
        );
        assert_eq!(prepared_file_name("", mime::JPEG, "image-2"), "image-2.jpg");
        assert_eq!(prepared_file_name("...", mime::PNG, "mask"), "mask.png");
    }

    #[test]
    fn an_edits_file_names_are_distinct() {
        let (images, mask) = edit_file_names(
            &[
                ("image.png", mime::PNG),
                ("image.png", mime::PNG),
                ("Image.jpg", mime::PNG),
                ("a.png", mime::JPEG),
                ("a.jpg", mime::JPEG),
                ("", mime::WEBP),
            ],
            Some(("image.png", mime::PNG)),
        );
        assert_eq!(
            images,
            [
                "image.png",
                "image-2.png",
                "Image-3.png",
                "a.jpg",
                "a-2.jpg",
                "image-6.webp"
            ]
        );
        assert_eq!(mask.as_deref(), Some("image-4.png"));
        let (images, mask) = edit_file_names(&[("fox.png", mime::PNG)], None);
        assert_eq!((images, mask), (vec!["fox.png".to_string()], None));
        // A numbered name skips the names already taken.
        let (images, _) = edit_file_names(
            &[
                ("b.png", mime::PNG),
                ("b-2.png", mime::PNG),
                ("b.png", mime::PNG),
            ],
            None,
        );
        assert_eq!(images, ["b.png", "b-2.png", "b-3.png"]);
    }
}
