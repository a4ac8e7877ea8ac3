//! One validated request turned into pictures: rendering, encoding, payload items, usage.

use base64::Engine;
use serde_json::{json, Map, Value};

use crate::draw::{self, Canvas};
use crate::faults::Variant;
use crate::state::{AppState, StoredFile};
use crate::validate::{family, Endpoint, Family, ImageRequest};

/// Everything needed to answer a request that passed validation.
#[derive(Debug, Clone)]
pub struct Job {
    pub req: ImageRequest,
    pub variant: Option<Variant>,
    /// `http://host:port` as the client reached us (for `url_only` links).
    pub base_url: String,
    pub created: u64,
    /// Output size (the requested one unless `downgrade_size`).
    pub width: u32,
    pub height: u32,
}

/// The size a downgrading gateway delivers for `width` x `height`: scaled (same aspect) to at
/// most 1.57 MP and at most half the pixels.
pub fn downgraded(width: u32, height: u32) -> (u32, u32) {
    const CAP: f64 = 1_572_864.0;
    let area = f64::from(width) * f64::from(height);
    let scale = (CAP / area).sqrt().min(std::f64::consts::FRAC_1_SQRT_2);
    let side = |v: u32| ((f64::from(v) * scale).round() as u32).max(1);
    (side(width), side(height))
}

pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl Job {
    pub fn new(req: ImageRequest, variant: Option<Variant>, base_url: String) -> Self {
        let (width, height) = match variant {
            Some(Variant::DowngradeSize) => (1024, 1024),
            Some(Variant::DowngradeEchoSize) => downgraded(req.width, req.height),
            _ => (req.width, req.height),
        };
        Job {
            req,
            variant,
            base_url,
            created: unix_now(),
            width,
            height,
        }
    }

    pub fn size_label(&self) -> String {
        if self.variant == Some(Variant::DowngradeEchoSize) {
            return self.req.size_label();
        }
        format!("{}x{}", self.width, self.height)
    }

    /// Average colour of the first reference (edits only).
    pub fn tint(&self) -> Option<[u8; 3]> {
        self.req.images.first().map(|i| i.avg_rgb)
    }

    /// Draws image `index` (CPU heavy: call from a blocking thread). A prompt asking for a
    /// flat green or magenta background (and no transparency) gets exactly that. A masked edit
    /// redraws inside the mask and keeps image 1 (drifting a little) outside it.
    pub fn render(&self, index: u32) -> Canvas {
        let opaque = self.variant == Some(Variant::OpaqueBackground);
        let transparent = self.req.transparent && !opaque;
        if !transparent {
            if let Some(key) = draw::key_background(&self.req.prompt) {
                return draw::draw_keyed(&self.req.prompt, index, self.width, self.height, key);
            }
        }
        let mut canvas = draw::draw(
            &self.req.prompt,
            index,
            self.width,
            self.height,
            transparent,
            self.tint(),
        );
        if let (Some(image1), Some(mask)) = (self.req.images.first(), &self.req.mask) {
            if self.variant != Some(Variant::IgnoreMask) {
                draw::keep_to_mask(&mut canvas, &image1.pixels.0, &mask.pixels.0);
            }
        }
        if opaque && self.req.transparent {
            canvas = draw::opaque_rgba(&canvas);
        }
        canvas
    }

    /// Encodes a canvas in the requested format (CPU heavy).
    pub fn encode(&self, canvas: &Canvas) -> Result<Vec<u8>, String> {
        draw::encode(canvas, self.req.format, self.req.compression)
    }

    /// The `b64_json` string, prefixed for the `prefixed_b64` variant.
    pub fn b64(&self, bytes: &[u8]) -> String {
        let raw = base64::engine::general_purpose::STANDARD.encode(bytes);
        if self.variant == Some(Variant::PrefixedB64) {
            format!("data:{};base64,{raw}", self.req.format.mime())
        } else {
            raw
        }
    }

    /// `{"b64_json": ..}`, or `{"url": ..}` for the url variants (storing the file).
    pub fn payload(&self, state: &AppState, bytes: Vec<u8>) -> Map<String, Value> {
        let mut m = Map::new();
        match self.variant {
            Some(v @ (Variant::UrlOnly | Variant::UrlOnlyNoCors)) => {
                let name = state.store_file(
                    self.req.format.ext(),
                    StoredFile {
                        bytes: bytes.into(),
                        content_type: self.req.format.mime(),
                        cors: v == Variant::UrlOnly,
                    },
                );
                m.insert(
                    "url".into(),
                    Value::String(format!("{}/v1/__files/{name}", self.base_url)),
                );
            }
            _ => {
                m.insert("b64_json".into(), Value::String(self.b64(&bytes)));
            }
        }
        m
    }

    /// The prompt lightly rewritten, as gpt-image models report it.
    pub fn revised_prompt(&self) -> String {
        let p = self.req.prompt.trim();
        let mut chars = p.chars();
        let lowered = match (chars.next(), chars.next()) {
            (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
                a.to_lowercase().collect::<String>() + &p[a.len_utf8()..]
            }
            _ => p.to_string(),
        };
        match self.req.endpoint {
            Endpoint::Generations => format!("A picture of {lowered}"),
            Endpoint::Edits => format!("An edited picture of {lowered}"),
        }
    }

    /// Token usage for `images` outputs and `partials` partial images.
    pub fn usage(&self, images: u32, partials: u32) -> Value {
        // Output tokens per 1024x1024 image: the 2.5 models' reported figures (Flare), and
        // gpt-image-1's published ones for the rest.
        let per_mp = if family(&self.req.model) == Family::Gpt25 {
            match self.req.quality {
                "low" => 196.0,
                "high" => 1756.0,
                "xhigh" => 3122.0,
                "max" => 7024.0,
                _ => 439.0,
            }
        } else {
            match self.req.quality {
                "low" => 272.0,
                "high" => 4160.0,
                _ => 1056.0,
            }
        };
        let px = f64::from(self.width) * f64::from(self.height);
        let per_image = (px / 1_048_576.0 * per_mp).round() as u64;
        let output = per_image * u64::from(images) + 100 * u64::from(partials);
        let text = (self.req.prompt.chars().count() as u64).div_ceil(4).max(1);
        let image_tokens: u64 = self
            .req
            .images
            .iter()
            .map(|i| (u64::from(i.width) * u64::from(i.height)).div_ceil(1000))
            .sum();
        let input = text + image_tokens;
        json!({
            "input_tokens": input,
            "output_tokens": output,
            "total_tokens": input + output,
            "input_tokens_details": {"text_tokens": text, "image_tokens": image_tokens},
        })
    }
}
