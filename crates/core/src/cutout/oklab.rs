//! sRGB to OKLab (Björn Ottosson's perceptual colour space), where Euclidean distance follows
//! how different two colours look.

/// sRGB 8-bit channel to linear light, for every value.
fn linear_table() -> &'static [f32; 256] {
    use std::sync::OnceLock;
    static TABLE: OnceLock<[f32; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0.0f32; 256];
        for (i, v) in t.iter_mut().enumerate() {
            let c = i as f32 / 255.0;
            *v = if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            };
        }
        t
    })
}

/// An OKLab colour: lightness L (0..1) and the opponent axes a (green-red), b (blue-yellow).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lab {
    pub l: f32,
    pub a: f32,
    pub b: f32,
}

impl Lab {
    pub fn distance(self, other: Lab) -> f32 {
        let (dl, da, db) = (self.l - other.l, self.a - other.a, self.b - other.b);
        (dl * dl + da * da + db * db).sqrt()
    }
}

/// OKLab of an 8-bit sRGB colour.
pub fn oklab(rgb: [u8; 3]) -> Lab {
    let t = linear_table();
    let (r, g, b) = (t[rgb[0] as usize], t[rgb[1] as usize], t[rgb[2] as usize]);
    let l = 0.412_221_47 * r + 0.536_332_5 * g + 0.051_445_99 * b;
    let m = 0.211_903_5 * r + 0.680_699_5 * g + 0.107_396_96 * b;
    let s = 0.088_302_46 * r + 0.281_718_85 * g + 0.629_978_7 * b;
    let (l, m, s) = (l.cbrt(), m.cbrt(), s.cbrt());
    Lab {
        l: 0.210_454_26 * l + 0.793_617_8 * m - 0.004_072_047 * s,
        a: 1.977_998_5 * l - 2.428_592_2 * m + 0.450_593_7 * s,
        b: 0.025_904_037 * l + 0.782_771_77 * m - 0.808_675_77 * s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_values() {
        let white = oklab([255, 255, 255]);
        assert!((white.l - 1.0).abs() < 1e-3 && white.a.abs() < 1e-3 && white.b.abs() < 1e-3);
        let black = oklab([0, 0, 0]);
        assert!(black.l.abs() < 1e-6);
        // Ottosson's published values for sRGB green and magenta.
        let g = oklab([0, 255, 0]);
        assert!(
            (g.l - 0.866).abs() < 2e-3 && (g.a + 0.234).abs() < 2e-3 && (g.b - 0.179).abs() < 2e-3
        );
        let m = oklab([255, 0, 255]);
        assert!(
            (m.l - 0.702).abs() < 2e-3 && (m.a - 0.275).abs() < 2e-3 && (m.b + 0.169).abs() < 2e-3
        );
    }
}
