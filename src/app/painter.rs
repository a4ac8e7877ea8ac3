//! The mask painter's state: the undoable operations, their coverage at image 1's prepared
//! size, the tool settings, and handing the painted mask to the references as a PNG file
//! (from there it goes through the same mask prep as an uploaded one).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::references::{MaskState, RefState, References};
use crate::web::mask_canvas::png_file;
use crate::web::storage::{use_stored_string, StorageKind};
use studio_core::mask::paint::{Coverage, Dirty, Op, PaintHistory, Point};
use studio_core::prep::geometry::fit_long_edge;

/// The file name a painted mask goes by (an uploaded mask has the user's own name).
pub const PAINTED_MASK_NAME: &str = "painted-mask.png";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Brush,
    Eraser,
    Rect,
}

/// Image 1 as the painter sees it: which reference, the size the mask must have, its picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub key: u64,
    pub width: u32,
    pub height: u32,
    pub thumb_url: String,
}

#[derive(Clone, Copy)]
pub struct Painter {
    pub open: RwSignal<bool>,
    pub tool: RwSignal<Tool>,
    /// Brush diameter in image-1 pixels.
    pub brush_px: RwSignal<u32>,
    pub show_overlay: RwSignal<bool>,
    /// `None` fits the view; `Some(percent)` shows image 1 at that scale.
    pub zoom: RwSignal<Option<u32>>,
    /// Bumped on every change of the coverage (the canvas redraws what is dirty).
    pub redraw: RwSignal<u64>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Share of image 1 painted, 0..1.
    pub painted_share: RwSignal<f64>,
    /// True from a change until the references have the new mask file.
    pub committing: RwSignal<bool>,
    /// "Keep outside the mask" ("1" or "") and its feather radius in pixels, as typed.
    pub keep_outside: RwSignal<String>,
    pub feather_px: RwSignal<String>,
    pub target: Memo<Option<Target>>,
    history: StoredValue<PaintHistory>,
    coverage: StoredValue<Option<Coverage>>,
    /// The stroke being drawn (not yet in the history).
    live: StoredValue<Option<Op>>,
    dirty: StoredValue<Option<Dirty>>,
    commit_generation: StoredValue<u64>,
    /// The reference the strokes were painted on.
    image_key: StoredValue<Option<u64>>,
    references: References,
}

impl Painter {
    pub fn new(references: References) -> Self {
        let target = Memo::new(move |_| {
            let max_edge = references.settings().max_edge;
            references.items.with(|items| {
                let first = items
                    .iter()
                    .find(|i| !matches!(i.state, RefState::Error(_)))?;
                let RefState::Ready {
                    upload,
                    report,
                    thumb_url,
                } = &first.state
                else {
                    return None;
                };
                // A size the mask prep accepts: image 1 upright, fitted to the long edge (the
                // prepared file may be smaller when the budget shrank it; the mask is then
                // resized to it).
                let (width, height) = report.as_ref().map_or((upload.width, upload.height), |r| {
                    fit_long_edge(r.source_width, r.source_height, max_edge)
                });
                Some(Target {
                    key: first.key,
                    width,
                    height,
                    thumb_url: thumb_url.clone(),
                })
            })
        });
        let painter = Painter {
            open: RwSignal::new(false),
            tool: RwSignal::new(Tool::Brush),
            brush_px: RwSignal::new(48),
            show_overlay: RwSignal::new(true),
            zoom: RwSignal::new(None),
            redraw: RwSignal::new(0),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            painted_share: RwSignal::new(0.0),
            committing: RwSignal::new(false),
            keep_outside: use_stored_string(StorageKind::Local, "gis.mask.keep_outside", ""),
            feather_px: use_stored_string(StorageKind::Local, "gis.mask.feather_px", "8"),
            target,
            history: StoredValue::new(PaintHistory::default()),
            coverage: StoredValue::new(None),
            live: StoredValue::new(None),
            dirty: StoredValue::new(None),
            commit_generation: StoredValue::new(0),
            image_key: StoredValue::new(None),
            references,
        };
        // A different image 1 starts a new mask; the same image coming back (re-prepared
        // after a settings change, when it is briefly not ready) or at a new size keeps its
        // strokes, re-rasterised (they are stored relative to the image).
        Effect::new(move |previous: Option<Option<(u64, u32, u32)>>| {
            let now = target.with(|t| t.as_ref().map(|t| (t.key, t.width, t.height)));
            let first_run = previous.is_none();
            if now != previous.flatten() {
                if let Some((key, _, _)) = now {
                    if painter.image_key.get_value() != Some(key) {
                        painter.image_key.set_value(Some(key));
                        painter.history.update_value(PaintHistory::reset);
                    }
                }
                painter.rebuild(now.map(|(_, w, h)| (w, h)));
                if !first_run {
                    painter.commit();
                }
            }
            now
        });
        painter
    }

    /// The feather radius setting in pixels (0..=256).
    pub fn feather(&self) -> u32 {
        self.feather_px
            .get_untracked()
            .trim()
            .parse::<f64>()
            .map_or(8, |v| v.clamp(0.0, 256.0).round() as u32)
    }

    /// Some(feather) when results of masked edits get image 1 pasted back outside the mask.
    pub fn keep_outside_feather(&self) -> Option<u32> {
        (!self.keep_outside.get_untracked().is_empty()).then(|| self.feather())
    }

    /// Reads the coverage (for drawing).
    pub fn with_coverage<R>(&self, f: impl FnOnce(&Coverage) -> R) -> Option<R> {
        self.coverage.with_value(|c| c.as_ref().map(f))
    }

    /// Takes the pixels changed since the last draw (`None`: nothing).
    pub fn take_dirty(&self) -> Option<Dirty> {
        self.dirty.try_update_value(Option::take).flatten()
    }

    fn mark(&self, dirty: Option<Dirty>) {
        if let Some(d) = dirty {
            self.dirty
                .update_value(|x| *x = Some(x.map_or(d, |old| old.union(d))));
            self.redraw.update(|v| *v += 1);
        }
    }

    /// Rasterises the history again at `size` (or drops the coverage).
    fn rebuild(&self, size: Option<(u32, u32)>) {
        let coverage = size.map(|(w, h)| {
            self.history
                .with_value(|h2| studio_core::mask::paint::rasterise(h2.ops(), w, h))
        });
        let all = coverage.as_ref().map(|c| Dirty {
            x0: 0,
            y0: 0,
            x1: c.width,
            y1: c.height,
        });
        self.coverage.set_value(coverage);
        self.dirty.set_value(None);
        self.mark(all);
        self.refresh_flags();
    }

    fn refresh_flags(&self) {
        self.can_undo
            .set(self.history.with_value(PaintHistory::can_undo));
        self.can_redo
            .set(self.history.with_value(PaintHistory::can_redo));
        let share = self
            .with_coverage(|c| c.painted_count() as f64 / c.painted().len().max(1) as f64)
            .unwrap_or(0.0);
        self.painted_share.set(share);
    }

    /// Starts a stroke or rectangle at `at` (relative to image 1).
    pub fn begin(&self, at: Point) {
        let op = match self.tool.get_untracked() {
            Tool::Rect => Op::Rect {
                erase: false,
                from: at,
                to: at,
            },
            tool => Op::Stroke {
                erase: tool == Tool::Eraser,
                radius: self.relative_radius(),
                points: vec![at],
            },
        };
        if matches!(op, Op::Stroke { .. }) {
            let dirty = self
                .coverage
                .try_update_value(|c| c.as_mut().and_then(|c| c.apply(&op)))
                .flatten();
            self.mark(dirty);
        }
        self.live.set_value(Some(op));
    }

    /// Extends the live stroke (or moves the rectangle's corner) to `at`.
    pub fn extend(&self, at: Point) {
        let segment = self
            .live
            .try_update_value(|live| match live {
                Some(Op::Stroke {
                    erase,
                    radius,
                    points,
                }) => {
                    let last = *points.last()?;
                    points.push(at);
                    Some((*erase, *radius, last))
                }
                Some(Op::Rect { to, .. }) => {
                    *to = at;
                    None
                }
                _ => None,
            })
            .flatten();
        if let Some((erase, radius, last)) = segment {
            let dirty = self
                .coverage
                .try_update_value(|c| {
                    c.as_mut()
                        .and_then(|c| c.extend_stroke(erase, radius, last, at))
                })
                .flatten();
            self.mark(dirty);
        }
    }

    /// The rectangle being dragged, for its on-screen outline.
    pub fn live_rect(&self) -> Option<(Point, Point)> {
        self.live.with_value(|live| match live {
            Some(Op::Rect { from, to, .. }) => Some((*from, *to)),
            _ => None,
        })
    }

    /// Ends the live operation: it joins the history and the mask is handed on.
    pub fn end(&self) {
        let Some(op) = self.live.try_update_value(Option::take).flatten() else {
            return;
        };
        if let Op::Rect { .. } = op {
            let dirty = self
                .coverage
                .try_update_value(|c| c.as_mut().and_then(|c| c.apply(&op)))
                .flatten();
            self.mark(dirty);
        }
        self.history.update_value(|h| h.push(op));
        self.changed();
    }

    /// Invert or clear (applied at once).
    pub fn apply(&self, op: Op) {
        let dirty = self
            .coverage
            .try_update_value(|c| c.as_mut().and_then(|c| c.apply(&op)))
            .flatten();
        self.mark(dirty);
        self.history.update_value(|h| h.push(op));
        self.changed();
    }

    pub fn undo(&self) {
        if self.history.try_update_value(PaintHistory::undo) == Some(true) {
            self.rebuild(self.size());
            self.commit();
        }
    }

    pub fn redo(&self) {
        if self.history.try_update_value(PaintHistory::redo) == Some(true) {
            self.rebuild(self.size());
            self.commit();
        }
    }

    /// Forgets every stroke (the mask was removed).
    pub fn reset(&self) {
        self.history.update_value(PaintHistory::reset);
        self.commit_generation.update_value(|g| *g += 1);
        self.committing.set(false);
        self.rebuild(self.size());
    }

    fn size(&self) -> Option<(u32, u32)> {
        self.with_coverage(|c| (c.width, c.height))
    }

    fn relative_radius(&self) -> f64 {
        let long = self.size().map_or(1, |(w, h)| w.max(h)).max(1);
        f64::from(self.brush_px.get_untracked()) / 2.0 / f64::from(long)
    }

    fn changed(&self) {
        self.refresh_flags();
        self.commit();
    }

    /// Hands the painted mask to the references as a PNG (or removes a painted mask when
    /// nothing is painted). Newer changes win over slower encodes of older ones.
    fn commit(&self) {
        self.refresh_flags();
        let generation = self.commit_generation.get_value() + 1;
        self.commit_generation.set_value(generation);
        let painted = self
            .with_coverage(|c| (c.painted_count() > 0).then(|| (c.mask_rgba(), c.width, c.height)));
        let refs = self.references;
        let ours = refs
            .mask
            .with_untracked(|m| mask_name(m) == Some(PAINTED_MASK_NAME));
        let Some(Some((rgba, w, h))) = painted else {
            if ours {
                refs.set_mask(None);
            }
            self.committing.set(false);
            return;
        };
        self.committing.set(true);
        let painter = *self;
        spawn_local(async move {
            let file = png_file(&rgba, w, h, PAINTED_MASK_NAME, crate::app::lang::lang()).await;
            if painter.commit_generation.get_value() != generation {
                return;
            }
            painter.committing.set(false);
            match file {
                Ok(file) => refs.set_mask(Some(file)),
                Err(e) => refs.notice.set(Some(studio_core::tr!(
                    crate::app::lang::lang(),
                    studio_core::i18n::text::work::PAINTED_MASK_FAILED,
                    e = e
                ))),
            }
        });
    }
}

/// The name of the mask file in use, if any.
pub fn mask_name(mask: &MaskState) -> Option<&str> {
    match mask {
        MaskState::None => None,
        MaskState::Working { name }
        | MaskState::Ready { name, .. }
        | MaskState::Refused { name, .. } => Some(name),
    }
}
