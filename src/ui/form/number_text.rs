use studio_core::i18n::text::form;
use studio_core::i18n::Text;

/// Reads a whole number in `range` from a number input, or explains what is expected.
pub fn number_in(
    text: &str,
    name: Text,
    range: std::ops::RangeInclusive<u8>,
) -> Result<u8, String> {
    text.trim()
        .parse::<u8>()
        .ok()
        .filter(|v| range.contains(v))
        .ok_or_else(|| {
            let lang = crate::app::lang::lang();
            studio_core::tr!(
                lang,
                form::WHOLE_NUMBER,
                name = name.get(lang),
                min = range.start(),
                max = range.end()
            )
        })
}
