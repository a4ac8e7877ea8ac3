//! Numbers and prices written as `Intl.NumberFormat` writes them for each language (the
//! wasm tests compare these with the browser's own `Intl` output). They are here rather than
//! in the browser glue because core messages contain them.

use super::Lang;

/// A price in US dollars: four decimals below a cent, three above. English "$0.053",
/// Chinese "US$0.053" (how `Intl` marks the dollar for zh-CN), thousands grouped.
pub fn usd(lang: Lang, usd: f64) -> String {
    let decimals = if usd.abs() < 0.01 { 4 } else { 3 };
    let sign = if usd < 0.0 { "-" } else { "" };
    let symbol = dollar(lang);
    format!(
        "{sign}{symbol}{}",
        grouped(&format!("{:.*}", decimals, usd.abs()))
    )
}

/// The US dollar's symbol as `Intl` writes it in `lang`: "$", or "US$" in Chinese.
pub const fn dollar(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "$",
        Lang::ZhCn => "US$",
    }
}

/// An integer with thousands grouped: "12,345" in both languages (`Intl` agrees).
pub fn count(_lang: Lang, n: u64) -> String {
    grouped(&n.to_string())
}

/// A plain decimal ("1234.5") with its integer digits grouped ("1,234.5").
fn grouped(plain: &str) -> String {
    let (int, frac) = plain
        .split_once('.')
        .map_or((plain, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(plain.len() + int.len() / 3);
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_follow_the_language() {
        assert_eq!(usd(Lang::En, 0.053), "$0.053");
        assert_eq!(usd(Lang::ZhCn, 0.053), "US$0.053");
        assert_eq!(usd(Lang::En, 0.0061), "$0.0061");
        assert_eq!(usd(Lang::En, 0.1754), "$0.175");
        assert_eq!(usd(Lang::En, 1234.5), "$1,234.500");
        assert_eq!(usd(Lang::ZhCn, -2.0), "-US$2.000");
        assert_eq!(count(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(count(Lang::ZhCn, 999), "999");
    }
}
