/// Reads a whole number in `range` from a number input, or explains what is expected.
pub fn number_in(
    text: &str,
    name: &str,
    range: std::ops::RangeInclusive<u8>,
) -> Result<u8, String> {
    text.trim()
        .parse::<u8>()
        .ok()
        .filter(|v| range.contains(v))
        .ok_or_else(|| {
            format!(
                "{name} must be a whole number from {} to {}.",
                range.start(),
                range.end()
            )
        })
}
