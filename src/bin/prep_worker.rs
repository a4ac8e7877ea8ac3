//! The reference-prep Web Worker (Trunk `data-type="worker"`): receives one file at a time,
//! runs `prep::pipeline` (or `prep::mask` for a mask) on it and posts the result back. WebP comes from the browser's
//! OffscreenCanvas encoder; JPEG and PNG from Rust. All logic lives in `studio_core::prep`,
//! except exact-size fitting of results, which the browser decodes and encodes around
//! `studio_core::fit` (`web::fit_job`), and the reading of results' pixels (alpha, mask drift:
//! `web::inspect_job`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    worker::start();
}

/// Only a browser runs this worker; natively there is nothing to do.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("prep_worker runs in a browser Web Worker (built by Trunk)");
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use gpt_image_studio::web::bitmap_decode::decode_resized;
    use gpt_image_studio::web::fit_job::fit_image_bytes;
    use gpt_image_studio::web::inspect_job::{inspect_image, DriftInputs};
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use studio_core::i18n::text::prep;
    use studio_core::i18n::Lang;
    use studio_core::mask::composite::keep_outside_mask;
    use studio_core::prep::encode::{Codec, Encoder, RustEncoder};
    use studio_core::prep::error::{Detail, PrepError};
    use studio_core::prep::mask::{prepare_mask, prepare_with_mask, PairError};
    use studio_core::prep::pipeline::prepare;
    use studio_core::prep::protocol::{
        JobKind, JobLang, JobRequest, WorkerMessage, BUFFERS_FIELD, JSON_FIELD,
    };
    use studio_core::prep::resize::Pixels;
    use studio_core::prep::sniff::SourceFormat;
    use studio_core::tr;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::{Clamped, JsCast};
    use wasm_bindgen_futures::{spawn_local, JsFuture};
    use web_sys::{
        Blob, DedicatedWorkerGlobalScope, ImageData, ImageEncodeOptions, MessageEvent,
        OffscreenCanvas, OffscreenCanvasRenderingContext2d,
    };

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn now() -> f64 {
        scope().performance().map_or(0.0, |p| p.now())
    }

    pub fn start() {
        spawn_local(async {
            // Safari answers a WebP request with a PNG without complaint: ask once, check the type.
            let webp = encode_webp(
                &Pixels {
                    rgba: vec![0, 0, 0, 255],
                    width: 1,
                    height: 1,
                },
                80,
            )
            .await
            .is_ok();
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                spawn_local(handle(event.data(), webp));
            });
            scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            on_message.forget();
            post(&WorkerMessage::Ready { webp }, Vec::new());
        });
    }

    fn post(message: &WorkerMessage, buffers: Vec<Vec<u8>>) {
        let object = Object::new();
        let json = serde_json::to_string(message).unwrap_or_default();
        let arrays = Array::new();
        let transfer = Array::new();
        for bytes in buffers {
            let array = Uint8Array::from(bytes.as_slice());
            transfer.push(&array.buffer());
            arrays.push(&array);
        }
        let _ = Reflect::set(&object, &JSON_FIELD.into(), &json.into());
        let _ = Reflect::set(&object, &BUFFERS_FIELD.into(), &arrays);
        if let Err(e) = scope().post_message_with_transfer(&object, &transfer) {
            // i18n: not shown (console only)
            web_sys::console::error_2(&"prep worker: could not post".into(), &e);
        }
    }

    async fn handle(data: JsValue, webp: bool) {
        let json = Reflect::get(&data, &JSON_FIELD.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let Ok(request) = serde_json::from_str::<JobRequest>(&json) else {
            // Answered all the same: the page waits for one answer per job before the next.
            // It knows which job is out, so the id does not matter. The language is read on its
            // own, so that even this refusal is in the page's.
            let lang = JobLang::of(&json);
            let message = prep::WORKER_UNREADABLE_JOB.get(lang).to_string();
            post(&WorkerMessage::Failed { id: 0, message }, Vec::new());
            return;
        };
        // Left in JS until a job needs them in wasm memory (a fit hands them to the decoder).
        let buffers: Vec<Uint8Array> = Reflect::get(&data, &BUFFERS_FIELD.into())
            .map(|b| {
                Array::from(&b)
                    .iter()
                    .map(|a| Uint8Array::new(&a))
                    .collect()
            })
            .unwrap_or_default();
        let (id, lang) = (request.id, request.lang);
        let failed = |message: String| WorkerMessage::Failed { id, message };
        match (request.kind, buffers.as_slice()) {
            (JobKind::Reference, [file]) => {
                let mut encoder = BrowserEncoder;
                let settings = request.settings;
                match prepare(&file.to_vec(), &settings, webp, &mut encoder, &now, lang).await {
                    Ok(p) => post(
                        &WorkerMessage::Prepared {
                            id,
                            report: p.report,
                        },
                        vec![p.bytes],
                    ),
                    Err(e) => post(&failed(e.message(lang)), Vec::new()),
                }
            }
            (JobKind::Mask { target }, [mask]) => {
                match prepare_mask(&mask.to_vec(), &target, &now, lang) {
                    Ok(m) => post(
                        &WorkerMessage::MaskPrepared { id, mask: m.report },
                        vec![m.bytes],
                    ),
                    Err(message) => post(&WorkerMessage::MaskRefused { id, message }, Vec::new()),
                }
            }
            (JobKind::PngImageWithMask, [image, mask]) => {
                let mut encoder = BrowserEncoder;
                let (image, mask) = (image.to_vec(), mask.to_vec());
                let settings = request.settings;
                match prepare_with_mask(
                    &image,
                    &mask,
                    &settings,
                    true,
                    webp,
                    &mut encoder,
                    &now,
                    lang,
                )
                .await
                {
                    Ok((i, m)) => post(
                        &WorkerMessage::PreparedWithMask {
                            id,
                            image: i.report,
                            mask: m.report,
                        },
                        vec![i.bytes, m.bytes],
                    ),
                    Err(PairError::Image(e)) => post(&failed(e.message(lang)), Vec::new()),
                    Err(PairError::Mask(message)) => {
                        post(&WorkerMessage::MaskRefused { id, message }, Vec::new())
                    }
                }
            }
            (JobKind::KeepOutsideMask { feather_px }, [result, image, mask]) => {
                let start = now();
                let (result, image, mask) = (result.to_vec(), image.to_vec(), mask.to_vec());
                match composite(&result, &image, &mask, feather_px, webp, lang).await {
                    Ok((bytes, mime, width, height, painted_share)) => post(
                        &WorkerMessage::Composited {
                            id,
                            mime,
                            width,
                            height,
                            painted_share,
                            ms: now() - start,
                        },
                        vec![bytes],
                    ),
                    Err(message) => post(&failed(message), Vec::new()),
                }
            }
            (
                JobKind::FitExact {
                    source_mime,
                    width,
                    height,
                    mime,
                },
                [image],
            ) => match fit_image_bytes(image, &source_mime, width, height, &mime, lang).await {
                Ok(fitted) => post(
                    &WorkerMessage::Fitted {
                        id,
                        mime: fitted.mime,
                        width: fitted.width,
                        height: fitted.height,
                        note: fitted.note,
                        unchanged: fitted.bytes.is_none(),
                    },
                    fitted.bytes.into_iter().collect(),
                ),
                Err(message) => post(&failed(message), Vec::new()),
            },
            (JobKind::CutOut { key, mime }, [image]) => {
                let start = now();
                match cut_out(&image.to_vec(), key, &mime, webp, lang).await {
                    Ok((bytes, mime, width, height, transparent_share)) => post(
                        &WorkerMessage::CutOut {
                            id,
                            mime,
                            width,
                            height,
                            transparent_share,
                            ms: now() - start,
                        },
                        vec![bytes],
                    ),
                    Err(message) => post(&failed(message), Vec::new()),
                }
            }
            (JobKind::Inspect { mime, alpha, drift }, buffers)
                if buffers.len() == 1 + 2 * usize::from(drift.is_some()) =>
            {
                let start = now();
                let inputs = drift.as_ref().map(|job| DriftInputs {
                    job,
                    image: &buffers[1],
                    mask: &buffers[2],
                });
                match inspect_image(&buffers[0], &mime, alpha, inputs, lang).await {
                    Ok(found) => {
                        let (heatmap, heatmap_mime) = match found.heatmap {
                            Some((bytes, mime)) => (vec![bytes], Some(mime)),
                            None => (Vec::new(), None),
                        };
                        post(
                            &WorkerMessage::Inspected {
                                id,
                                width: found.width,
                                height: found.height,
                                alpha: found.alpha,
                                drift: found.drift,
                                drift_refused: found.drift_refused,
                                heatmap_mime,
                                ms: now() - start,
                            },
                            heatmap,
                        )
                    }
                    Err(message) => post(&failed(message), Vec::new()),
                }
            }
            _ => post(
                &failed(prep::WORKER_MALFORMED_JOB.get(lang).into()),
                Vec::new(),
            ),
        }
    }

    /// Image 1 pasted back outside the mask, encoded in the result's own format (WebP where
    /// the browser cannot encode it becomes PNG).
    async fn composite(
        result: &[u8],
        image: &[u8],
        mask: &[u8],
        feather_px: u32,
        webp: bool,
        lang: Lang,
    ) -> Result<(Vec<u8>, String, u32, u32, f64), String> {
        let done = keep_outside_mask(result, image, mask, feather_px as f32, lang)?;
        let codec = match done.format {
            SourceFormat::Jpeg => Codec::Jpeg,
            SourceFormat::Webp if webp => Codec::Webp,
            _ => Codec::Png,
        };
        let bytes = BrowserEncoder
            .encode(&done.pixels, codec, COMPOSITE_QUALITY)
            .await
            .map_err(|e| tr!(lang, prep::COMPOSITE_NOT_ENCODED, e = e.message(lang)))?;
        Ok((
            bytes,
            codec.mime().to_string(),
            done.pixels.width,
            done.pixels.height,
            done.painted_share,
        ))
    }

    /// A result keyed out, encoded as WebP (lossless quality, alpha kept) when asked and the
    /// browser can, else PNG.
    async fn cut_out(
        image: &[u8],
        key: studio_core::cutout::KeyColour,
        mime: &str,
        webp: bool,
        lang: Lang,
    ) -> Result<(Vec<u8>, String, u32, u32, f64), String> {
        let done = studio_core::cutout::cut_out(image, key, lang)?;
        let codec = if mime == Codec::Webp.mime() && webp {
            Codec::Webp
        } else {
            Codec::Png
        };
        let bytes = BrowserEncoder
            .encode(&done.pixels, codec, CUTOUT_QUALITY)
            .await
            .map_err(|e| tr!(lang, prep::CUTOUT_NOT_ENCODED, e = e.message(lang)))?;
        Ok((
            bytes,
            codec.mime().to_string(),
            done.pixels.width,
            done.pixels.height,
            done.report.transparent_share,
        ))
    }

    /// WebP quality of a cut-out: high, since soft edges show compression first.
    const CUTOUT_QUALITY: u8 = 95;

    /// Quality for a lossy result encoded again: a second pass at this level is not visible.
    const COMPOSITE_QUALITY: u8 = 95;

    /// WebP from OffscreenCanvas.convertToBlob; JPEG and PNG from Rust.
    struct BrowserEncoder;

    impl Encoder for BrowserEncoder {
        async fn encode(
            &mut self,
            pixels: &Pixels,
            codec: Codec,
            quality: u8,
        ) -> Result<Vec<u8>, PrepError> {
            match codec {
                Codec::Webp => encode_webp(pixels, quality).await,
                other => RustEncoder.encode(pixels, other, quality).await,
            }
        }

        async fn decode_to(
            &mut self,
            bytes: &[u8],
            format: SourceFormat,
            width: u32,
            height: u32,
        ) -> Option<Pixels> {
            decode_resized(bytes, format.mime(), width, height)
                .await
                .ok()
        }
    }

    async fn encode_webp(pixels: &Pixels, quality: u8) -> Result<Vec<u8>, PrepError> {
        let js = |e: JsValue| PrepError::encode(format!("{e:?}"));
        let canvas = OffscreenCanvas::new(pixels.width, pixels.height).map_err(js)?;
        let context: OffscreenCanvasRenderingContext2d = canvas
            .get_context("2d")
            .map_err(js)?
            .ok_or_else(|| PrepError::encode_with(Detail::Text(prep::NO_WORKER_CANVAS)))?
            .unchecked_into();
        let data = ImageData::new_with_u8_clamped_array_and_sh(
            Clamped(&pixels.rgba),
            pixels.width,
            pixels.height,
        )
        .map_err(js)?;
        context.put_image_data(&data, 0.0, 0.0).map_err(js)?;
        let options = ImageEncodeOptions::new();
        options.set_type("image/webp");
        options.set_quality(f64::from(quality) / 100.0);
        let blob: Blob = JsFuture::from(canvas.convert_to_blob_with_options(&options).map_err(js)?)
            .await
            .map_err(js)?
            .unchecked_into();
        if blob.type_() != "image/webp" {
            return Err(PrepError::encode_with(Detail::Text(prep::NO_WEBP_ENCODER)));
        }
        let buffer = JsFuture::from(blob.array_buffer()).await.map_err(js)?;
        Ok(Uint8Array::new(&buffer).to_vec())
    }
}
