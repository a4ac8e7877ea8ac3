//! The painted mask: brush, eraser and rectangle operations, invert and clear, kept as an
//! undoable list in image-relative coordinates (so they survive a change of image 1's prepared
//! size) and rasterised into a painted/not-painted coverage at any size.
//!
//! A pixel is painted when its centre lies within the brush radius of the stroke's path (or
//! inside the rectangle): hard edges, so "painted" and "alpha 0" are the same set of pixels.

use serde::{Deserialize, Serialize};

/// A position as a fraction of image 1's width and height (0..1; outside is allowed).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Op {
    /// A brush (or, with `erase`, eraser) path. `radius` is a fraction of the long edge.
    Stroke {
        erase: bool,
        radius: f64,
        points: Vec<Point>,
    },
    /// A filled rectangle between two corners.
    Rect {
        erase: bool,
        from: Point,
        to: Point,
    },
    Invert,
    Clear,
}

/// A pixel rectangle `[x0, x1) x [y0, y1)` that an operation changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dirty {
    pub x0: u32,
    pub y0: u32,
    pub x1: u32,
    pub y1: u32,
}

impl Dirty {
    pub fn width(&self) -> u32 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> u32 {
        self.y1 - self.y0
    }
    pub fn union(self, other: Dirty) -> Dirty {
        Dirty {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }
}

/// Which pixels are painted (to be redrawn by the model).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub width: u32,
    pub height: u32,
    painted: Vec<bool>,
}

/// The smallest brush radius in pixels: a dab always covers the pixel it is in.
const MIN_RADIUS_PX: f64 = 0.75;

impl Coverage {
    pub fn new(width: u32, height: u32) -> Self {
        Coverage {
            width,
            height,
            painted: vec![false; width as usize * height as usize],
        }
    }

    pub fn is_painted(&self, x: u32, y: u32) -> bool {
        x < self.width && y < self.height && self.painted[(y * self.width + x) as usize]
    }

    pub fn painted(&self) -> &[bool] {
        &self.painted
    }

    pub fn painted_count(&self) -> usize {
        self.painted.iter().filter(|p| **p).count()
    }

    fn all(&self) -> Dirty {
        Dirty {
            x0: 0,
            y0: 0,
            x1: self.width,
            y1: self.height,
        }
    }

    /// Brush radius in pixels for a radius stored as a fraction of the long edge.
    pub fn radius_px(&self, radius: f64) -> f64 {
        (radius * f64::from(self.width.max(self.height))).max(MIN_RADIUS_PX)
    }

    fn to_px(&self, p: Point) -> (f64, f64) {
        (p.x * f64::from(self.width), p.y * f64::from(self.height))
    }

    /// Applies one operation; returns the pixels it may have changed.
    pub fn apply(&mut self, op: &Op) -> Option<Dirty> {
        match op {
            Op::Stroke {
                erase,
                radius,
                points,
            } => {
                let r = self.radius_px(*radius);
                let first = *points.first()?;
                // A single point is a dab: a segment of length zero.
                let segments: Vec<(Point, Point)> = if points.len() == 1 {
                    vec![(first, first)]
                } else {
                    points.windows(2).map(|w| (w[0], w[1])).collect()
                };
                segments
                    .into_iter()
                    .filter_map(|(a, b)| self.segment(a, b, r, !erase))
                    .reduce(Dirty::union)
            }
            Op::Rect { erase, from, to } => self.rect(*from, *to, !erase),
            Op::Invert => {
                self.painted.iter_mut().for_each(|p| *p = !*p);
                Some(self.all())
            }
            Op::Clear => {
                self.painted.iter_mut().for_each(|p| *p = false);
                Some(self.all())
            }
        }
    }

    /// Adds the segment `a`-`b` of a stroke already under way (live drawing).
    pub fn extend_stroke(&mut self, erase: bool, radius: f64, a: Point, b: Point) -> Option<Dirty> {
        let r = self.radius_px(radius);
        self.segment(a, b, r, !erase)
    }

    /// Sets every pixel whose centre is within `r` of the segment.
    fn segment(&mut self, a: Point, b: Point, r: f64, value: bool) -> Option<Dirty> {
        let (ax, ay) = self.to_px(a);
        let (bx, by) = self.to_px(b);
        let dirty = self.clip(
            ax.min(bx) - r,
            ay.min(by) - r,
            ax.max(bx) + r,
            ay.max(by) + r,
        )?;
        let (dx, dy) = (bx - ax, by - ay);
        let length2 = dx * dx + dy * dy;
        let r2 = r * r;
        for y in dirty.y0..dirty.y1 {
            let cy = f64::from(y) + 0.5;
            for x in dirty.x0..dirty.x1 {
                let cx = f64::from(x) + 0.5;
                let t = if length2 > 0.0 {
                    (((cx - ax) * dx + (cy - ay) * dy) / length2).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                let (px, py) = (ax + t * dx - cx, ay + t * dy - cy);
                if px * px + py * py <= r2 {
                    self.painted[(y * self.width + x) as usize] = value;
                }
            }
        }
        Some(dirty)
    }

    /// Sets every pixel whose centre is inside the rectangle (edges included).
    fn rect(&mut self, from: Point, to: Point, value: bool) -> Option<Dirty> {
        let (ax, ay) = self.to_px(from);
        let (bx, by) = self.to_px(to);
        let (x_lo, x_hi, y_lo, y_hi) = (ax.min(bx), ax.max(bx), ay.min(by), ay.max(by));
        let dirty = self.clip(x_lo, y_lo, x_hi, y_hi)?;
        for y in dirty.y0..dirty.y1 {
            let cy = f64::from(y) + 0.5;
            if cy < y_lo || cy > y_hi {
                continue;
            }
            for x in dirty.x0..dirty.x1 {
                let cx = f64::from(x) + 0.5;
                if cx >= x_lo && cx <= x_hi {
                    self.painted[(y * self.width + x) as usize] = value;
                }
            }
        }
        Some(dirty)
    }

    /// The pixel rectangle covering `[x0, x1] x [y0, y1]` (pixel units), clipped to the image.
    fn clip(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> Option<Dirty> {
        let clamp = |v: f64, max: u32| v.clamp(0.0, f64::from(max)) as u32;
        let d = Dirty {
            x0: clamp(x0.floor(), self.width),
            y0: clamp(y0.floor(), self.height),
            x1: clamp(x1.ceil() + 1.0, self.width),
            y1: clamp(y1.ceil() + 1.0, self.height),
        };
        (d.x0 < d.x1 && d.y0 < d.y1).then_some(d)
    }

    /// The mask as RGBA for a PNG: painted pixels transparent (alpha 0, "redraw"), the rest
    /// opaque white (keep).
    pub fn mask_rgba(&self) -> Vec<u8> {
        self.painted
            .iter()
            .flat_map(|&p| {
                if p {
                    [0, 0, 0, 0]
                } else {
                    [255, 255, 255, 255]
                }
            })
            .collect()
    }

    /// The on-screen overlay for `rect`: painted pixels tinted, the rest clear.
    pub fn overlay_rgba(&self, rect: Dirty) -> Vec<u8> {
        const TINT: [u8; 4] = [255, 45, 85, 150];
        let mut out = Vec::with_capacity(rect.width() as usize * rect.height() as usize * 4);
        for y in rect.y0..rect.y1 {
            let row = (y * self.width) as usize;
            for x in rect.x0..rect.x1 {
                out.extend_from_slice(if self.painted[row + x as usize] {
                    &TINT
                } else {
                    &[0, 0, 0, 0]
                });
            }
        }
        out
    }
}

/// Rasterises `ops` in order at `width` x `height`.
pub fn rasterise(ops: &[Op], width: u32, height: u32) -> Coverage {
    let mut coverage = Coverage::new(width, height);
    for op in ops {
        coverage.apply(op);
    }
    coverage
}

/// The operations with undo and redo. A new operation drops what could be redone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PaintHistory {
    done: Vec<Op>,
    undone: Vec<Op>,
}

impl PaintHistory {
    pub fn push(&mut self, op: Op) {
        self.done.push(op);
        self.undone.clear();
    }

    pub fn undo(&mut self) -> bool {
        match self.done.pop() {
            Some(op) => {
                self.undone.push(op);
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.undone.pop() {
            Some(op) => {
                self.done.push(op);
                true
            }
            None => false,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    pub fn ops(&self) -> &[Op] {
        &self.done
    }

    pub fn reset(&mut self) {
        self.done.clear();
        self.undone.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    #[test]
    fn a_dab_paints_a_disc_of_the_radius() {
        // 100x100, radius 10 px at the centre: pixel centres within 10 px.
        let cov = rasterise(
            &[Op::Stroke {
                erase: false,
                radius: 0.1,
                points: vec![p(0.5, 0.5)],
            }],
            100,
            100,
        );
        for y in 0..100 {
            for x in 0..100 {
                let (dx, dy) = (f64::from(x) + 0.5 - 50.0, f64::from(y) + 0.5 - 50.0);
                assert_eq!(
                    cov.is_painted(x, y),
                    dx * dx + dy * dy <= 100.0,
                    "({x},{y})"
                );
            }
        }
        let area = std::f64::consts::PI * 100.0;
        assert!((cov.painted_count() as f64 - area).abs() < area * 0.05);
    }

    #[test]
    fn a_horizontal_stroke_is_a_capsule() {
        let cov = rasterise(
            &[Op::Stroke {
                erase: false,
                radius: 0.05,
                points: vec![p(0.2, 0.5), p(0.5, 0.5), p(0.8, 0.5)],
            }],
            200,
            100,
        );
        // r = 10 px (5% of 200), from x=40 to x=160 at y=50.
        assert!(cov.is_painted(40, 50) && cov.is_painted(159, 50) && cov.is_painted(100, 41));
        assert!(!cov.is_painted(100, 39) && !cov.is_painted(100, 61) && !cov.is_painted(171, 50));
        let expected = 120.0 * 20.0 + std::f64::consts::PI * 100.0;
        let got = cov.painted_count() as f64;
        assert!(
            (got - expected).abs() < expected * 0.03,
            "{got} vs {expected}"
        );
    }

    #[test]
    fn eraser_rectangle_invert_and_clear() {
        let mut cov = Coverage::new(10, 10);
        cov.apply(&Op::Rect {
            erase: false,
            from: p(0.8, 0.8),
            to: p(0.2, 0.2),
        });
        // Centres 2.5..7.5 are inside [2, 8]: 6x6 pixels.
        assert_eq!(cov.painted_count(), 36);
        assert!(cov.is_painted(2, 2) && cov.is_painted(7, 7) && !cov.is_painted(8, 8));
        cov.apply(&Op::Stroke {
            erase: true,
            radius: 0.0,
            points: vec![p(0.25, 0.25)],
        });
        assert!(!cov.is_painted(2, 2));
        assert_eq!(cov.painted_count(), 35);
        cov.apply(&Op::Invert);
        assert_eq!(cov.painted_count(), 65);
        cov.apply(&Op::Clear);
        assert_eq!(cov.painted_count(), 0);
    }

    #[test]
    fn strokes_off_the_image_are_clipped() {
        let mut cov = Coverage::new(20, 10);
        assert_eq!(
            cov.apply(&Op::Stroke {
                erase: false,
                radius: 0.1,
                points: vec![p(-2.0, -2.0), p(-1.0, -3.0)],
            }),
            None
        );
        let dirty = cov
            .apply(&Op::Stroke {
                erase: false,
                radius: 0.1,
                points: vec![p(-0.5, 0.5), p(0.1, 0.5)],
            })
            .unwrap();
        assert_eq!(
            (dirty.x0, dirty.y0),
            (0, 3),
            "clipped on the left, radius 2 px around y = 5"
        );
        assert!(cov.is_painted(0, 5) && cov.is_painted(3, 5) && !cov.is_painted(10, 5));
    }

    #[test]
    fn mask_pixels_are_transparent_exactly_where_painted() {
        let cov = rasterise(
            &[Op::Rect {
                erase: false,
                from: p(0.0, 0.0),
                to: p(0.5, 1.0),
            }],
            4,
            2,
        );
        let rgba = cov.mask_rgba();
        let alpha: Vec<u8> = rgba.chunks(4).map(|px| px[3]).collect();
        assert_eq!(alpha, [0, 0, 255, 255, 0, 0, 255, 255]);
        let overlay = cov.overlay_rgba(Dirty {
            x0: 1,
            y0: 1,
            x1: 3,
            y1: 2,
        });
        assert_eq!(overlay.len(), 8);
        assert!(overlay[3] > 0 && overlay[7] == 0);
    }

    #[test]
    fn undo_redo_and_a_new_op_drops_the_redo() {
        let mut h = PaintHistory::default();
        assert!(!h.undo());
        h.push(Op::Invert);
        h.push(Op::Clear);
        assert!(h.undo());
        assert_eq!(h.ops(), &[Op::Invert]);
        assert!(h.redo());
        assert_eq!(h.ops().len(), 2);
        assert!(h.undo());
        h.push(Op::Invert);
        assert!(!h.can_redo());
        assert_eq!(h.ops(), &[Op::Invert, Op::Invert]);
    }

    #[test]
    fn live_segments_match_the_replayed_stroke() {
        let points = vec![p(0.1, 0.1), p(0.4, 0.7), p(0.9, 0.3)];
        let mut live = Coverage::new(64, 48);
        live.apply(&Op::Stroke {
            erase: false,
            radius: 0.04,
            points: points[..1].to_vec(),
        });
        for w in points.windows(2) {
            live.extend_stroke(false, 0.04, w[0], w[1]);
        }
        let replayed = rasterise(
            &[Op::Stroke {
                erase: false,
                radius: 0.04,
                points,
            }],
            64,
            48,
        );
        assert_eq!(live, replayed);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every pixel centre within the radius of the path is painted, none farther than
        /// the radius plus a rounding margin.
        #[test]
        fn strokes_paint_exactly_the_pixels_near_the_path(
            w in 1u32..80, h in 1u32..80,
            pts in prop::collection::vec((-0.2f64..1.2, -0.2f64..1.2), 1..5),
            radius in 0.0f64..0.3,
        ) {
            let points: Vec<Point> = pts.iter().map(|&(x, y)| Point { x, y }).collect();
            let op = Op::Stroke { erase: false, radius, points: points.clone() };
            let cov = rasterise(std::slice::from_ref(&op), w, h);
            let r = cov.radius_px(radius);
            let px: Vec<(f64, f64)> = points.iter().map(|p| (p.x * f64::from(w), p.y * f64::from(h))).collect();
            let segs: Vec<((f64, f64), (f64, f64))> = if px.len() == 1 { vec![(px[0], px[0])] } else { px.windows(2).map(|s| (s[0], s[1])).collect() };
            for y in 0..h {
                for x in 0..w {
                    let c = (f64::from(x) + 0.5, f64::from(y) + 0.5);
                    let d = segs.iter().map(|&(a, b)| distance(c, a, b)).fold(f64::INFINITY, f64::min);
                    if d < r - 1e-9 { prop_assert!(cov.is_painted(x, y)); }
                    if d > r + 1e-9 { prop_assert!(!cov.is_painted(x, y)); }
                }
            }
        }

        /// Invert twice is the identity; erasing the same stroke leaves nothing.
        #[test]
        fn invert_is_an_involution_and_erase_undoes_paint(
            w in 1u32..50, h in 1u32..50, x in 0.0f64..1.0, y in 0.0f64..1.0, radius in 0.0f64..0.5,
        ) {
            let stroke = |erase| Op::Stroke { erase, radius, points: vec![Point { x, y }] };
            let once = rasterise(&[stroke(false)], w, h);
            prop_assert_eq!(rasterise(&[stroke(false), Op::Invert, Op::Invert], w, h), once);
            prop_assert_eq!(rasterise(&[stroke(false), stroke(true)], w, h).painted_count(), 0);
        }
    }

    fn distance(c: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let l2 = dx * dx + dy * dy;
        let t = if l2 > 0.0 {
            (((c.0 - a.0) * dx + (c.1 - a.1) * dy) / l2).clamp(0.0, 1.0)
        } else {
            0.0
        };
        ((a.0 + t * dx - c.0).powi(2) + (a.1 + t * dy - c.1).powi(2)).sqrt()
    }
}
