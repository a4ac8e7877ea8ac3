//! The body of `POST {base}/responses` for one conversation turn: a text model that calls one
//! `image_generation` tool, the turn's prompt and references as input, and the chain to the
//! previous turn.
//!
//! The tool's parameters are the Images API's (`ImageParams`), checked by the same builder
//! (`generation_body_for`: model registry, size rules, quality tiers, transparency), so a
//! value the Images API would refuse never leaves here either. Defaults are omitted like in
//! the Images body, except the tool's `model`: the spec's tool default is gpt-image-1, which is
//! retired.

use serde::{Deserialize, Serialize};

use crate::api::mime;
use crate::api::request::{
    endpoint_url, generation_body_for, Background, ImageParams, Moderation, OutputFormat,
    ParamError, Quality,
};
use crate::i18n::{text::conversation, Lang};
use crate::models::registry::{self, ModelInfo};
use crate::tr;

/// The text model that reads the turn and calls the image tool (a setting; any name goes).
pub const DEFAULT_TEXT_MODEL: &str = "gpt-5.4";

/// `{base}/responses`, tolerating a trailing slash on the base URL.
pub fn responses_url(base_url: &str) -> String {
    endpoint_url(base_url, "responses")
}

/// What the image tool is asked to do (`ImageGenActionEnum`); `auto` is the API's default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    #[default]
    Auto,
    Generate,
    Edit,
}

/// How a next turn points at the previous one: a setting, since gateways differ in which they
/// keep (a stateless proxy may forget response ids but pass item references through).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChainBy {
    /// `previous_response_id`: the whole previous turn (prompt, image) is context.
    #[default]
    ResponseId,
    /// The previous `image_generation_call` by id: only its image is context.
    ImageCall,
}

/// The previous turn a request continues.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Chain {
    /// Sent as `previous_response_id`.
    PreviousResponse(String),
    /// Sent as an input item naming the previous `image_generation_call` by its id. On the wire
    /// it is `{"type":"item_reference","id":…}`: the spec's `ImageGenToolCall` input item also
    /// requires `status` and `result` (the bare `{"type":"image_generation_call","id"}` of
    /// OpenAI's guide fails spec validation), while `ItemReference` takes any stored item's id.
    ImageCall(String),
}

impl Chain {
    pub fn id(&self) -> &str {
        match self {
            Chain::PreviousResponse(id) | Chain::ImageCall(id) => id,
        }
    }
}

/// One turn as the form describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct TurnRequest {
    pub text_model: String,
    /// The image tool's settings and the turn's prompt; `n` must be 1 (one call, one image).
    pub params: ImageParams,
    /// Reference images as `data:image/…;base64,` URLs, in order ("image 1" first).
    pub references: Vec<String>,
    /// A painted mask as a `data:image/png;base64,` URL (alpha 0 = redraw).
    pub mask: Option<String>,
    pub action: Action,
    pub chain: Option<Chain>,
    /// Send `tool_choice: {"type":"image_generation"}` so the text model must call the tool
    /// rather than answer in words.
    pub force_tool: bool,
}

impl TurnRequest {
    /// A first turn with the default text model, forced to draw.
    pub fn new(params: ImageParams) -> Self {
        TurnRequest {
            text_model: DEFAULT_TEXT_MODEL.to_string(),
            params,
            references: Vec::new(),
            mask: None,
            action: Action::Auto,
            chain: None,
            force_tool: true,
        }
    }
}

/// `ImageDetail` of an `input_image` part. The spec requires `detail`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageDetail {
    #[default]
    Auto,
}

/// One part of the turn's user message (`InputTextContent`, `InputImageContent`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ContentPart {
    InputText {
        text: String,
    },
    InputImage {
        image_url: String,
        detail: ImageDetail,
    },
}

/// The message role; a turn only ever speaks as the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    User,
}

/// One `input` item: the user's message (`EasyInputMessage`) or a reference to a stored item
/// (`ItemReferenceParam`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InputItem {
    Message {
        role: Role,
        content: Vec<ContentPart>,
    },
    ItemReference {
        id: String,
    },
}

/// `input_image_mask` of the tool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MaskRef {
    pub image_url: String,
}

/// The `image_generation` tool (`ImageGenTool`), exactly as sent.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImageGenTool {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub model: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality: Option<Quality>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_format: Option<OutputFormat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_compression: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background: Option<Background>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moderation: Option<Moderation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial_images: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_image_mask: Option<MaskRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
}

pub const IMAGE_GENERATION: &str = "image_generation";

/// `tool_choice` naming a hosted tool (`ToolChoiceTypes`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ToolChoice {
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// The JSON body of `POST /responses` (`CreateResponse`), exactly as sent.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResponsesBody {
    pub model: String,
    pub input: Vec<InputItem>,
    pub tools: Vec<ImageGenTool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<ToolChoice>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_response_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
}

impl ResponsesBody {
    pub fn streams(&self) -> bool {
        self.stream == Some(true)
    }

    /// The same turn answered in one piece (for an endpoint that does not stream).
    pub fn without_stream(&self) -> Self {
        let mut body = self.clone();
        body.stream = None;
        for tool in &mut body.tools {
            tool.partial_images = None;
        }
        body
    }

    /// The image tool's settings (there is exactly one tool).
    pub fn tool(&self) -> &ImageGenTool {
        &self.tools[0]
    }
}

/// Why a turn cannot be sent yet; each says what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TurnError {
    /// A tool parameter the Images API rules refuse.
    Param(ParamError),
    EmptyTextModel,
    /// The tool makes one image per call.
    OneImagePerTurn {
        n: u8,
    },
    /// Reference `index` (from 0) is not a base64 `data:image/…` URL.
    ReferenceNotDataUrl {
        index: usize,
    },
    MaskNotPng,
    /// A mask, but no image to apply it to (no reference, no previous turn).
    MaskWithoutImage,
    /// A mask with `action: generate`, which ignores images.
    MaskWithGenerate,
    EditWithoutImage,
    TooManyReferences {
        model: String,
        max: u8,
        count: usize,
    },
    EmptyChainId,
}

impl From<ParamError> for TurnError {
    fn from(e: ParamError) -> Self {
        TurnError::Param(e)
    }
}

impl std::fmt::Display for TurnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for TurnError {}

impl TurnError {
    /// What to change, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TurnError::Param(e) => e.message(lang),
            TurnError::EmptyTextModel => tr!(
                lang,
                conversation::EMPTY_TEXT_MODEL,
                model = DEFAULT_TEXT_MODEL
            ),
            TurnError::OneImagePerTurn { n } => tr!(lang, conversation::ONE_IMAGE_PER_TURN, n = n),
            TurnError::ReferenceNotDataUrl { index } => tr!(
                lang,
                conversation::REFERENCE_NOT_DATA_URL,
                index = index + 1
            ),
            TurnError::MaskNotPng => tr!(lang, conversation::MASK_NOT_PNG).to_string(),
            TurnError::MaskWithoutImage => tr!(lang, conversation::MASK_WITHOUT_IMAGE).to_string(),
            TurnError::MaskWithGenerate => tr!(lang, conversation::MASK_WITH_GENERATE).to_string(),
            TurnError::EditWithoutImage => tr!(lang, conversation::EDIT_WITHOUT_IMAGE).to_string(),
            TurnError::TooManyReferences { model, max, count } => tr!(
                lang,
                conversation::TOO_MANY_REFERENCES,
                model = model,
                max = max,
                count = count
            ),
            TurnError::EmptyChainId => tr!(lang, conversation::EMPTY_CHAIN_ID).to_string(),
        }
    }
}

/// Whether `url` is a base64 `data:` URL of an image (`data:image/png;base64,…`).
fn is_image_data_url(url: &str) -> bool {
    mime::from_data_url(url).is_some_and(|m| m.starts_with("image/"))
        && url
            .split_once(',')
            .is_some_and(|(head, data)| head.ends_with(";base64") && !data.is_empty())
}

/// Builds the body for a turn, the image model looked up without a profile's aliases; see
/// [`responses_body_for`].
pub fn responses_body(turn: &TurnRequest) -> Result<ResponsesBody, TurnError> {
    responses_body_for(turn, &registry::resolve(&turn.params.model, &[]))
}

/// Builds the body for a turn whose image model resolved to `info`, or says what must change.
pub fn responses_body_for(
    turn: &TurnRequest,
    info: &ModelInfo,
) -> Result<ResponsesBody, TurnError> {
    let text_model = turn.text_model.trim();
    if text_model.is_empty() {
        return Err(TurnError::EmptyTextModel);
    }
    if turn.params.n != 1 {
        return Err(TurnError::OneImagePerTurn { n: turn.params.n });
    }
    // The Images API's checks, in its order; its body gives the normalised values.
    let images = generation_body_for(&turn.params, info)?;
    let max = info.max_references();
    if turn.references.len() > usize::from(max) {
        return Err(TurnError::TooManyReferences {
            model: images.model.clone(),
            max,
            count: turn.references.len(),
        });
    }
    if let Some(index) = turn.references.iter().position(|r| !is_image_data_url(r)) {
        return Err(TurnError::ReferenceNotDataUrl { index });
    }
    let chain = match &turn.chain {
        Some(c) if c.id().trim().is_empty() => return Err(TurnError::EmptyChainId),
        Some(c) => Some(c),
        None => None,
    };
    let has_image = !turn.references.is_empty() || chain.is_some();
    if let Some(mask) = &turn.mask {
        if !(is_image_data_url(mask) && mime::from_data_url(mask) == Some(mime::PNG)) {
            return Err(TurnError::MaskNotPng);
        }
        if turn.action == Action::Generate {
            return Err(TurnError::MaskWithGenerate);
        }
        if !has_image {
            return Err(TurnError::MaskWithoutImage);
        }
    }
    if turn.action == Action::Edit && !has_image {
        return Err(TurnError::EditWithoutImage);
    }

    let mut content = vec![ContentPart::InputText {
        text: images.prompt.clone(),
    }];
    content.extend(turn.references.iter().map(|url| ContentPart::InputImage {
        image_url: url.clone(),
        detail: ImageDetail::Auto,
    }));
    let mut input = vec![InputItem::Message {
        role: Role::User,
        content,
    }];
    // After the message, as in OpenAI's guide: the instruction, then the image it is about.
    if let Some(Chain::ImageCall(id)) = chain {
        input.push(InputItem::ItemReference {
            id: id.trim().to_string(),
        });
    }
    let tool = ImageGenTool {
        kind: IMAGE_GENERATION,
        model: images.model.clone(),
        size: images.size.clone(),
        quality: images.quality,
        output_format: images.output_format,
        output_compression: images.output_compression,
        background: images.background,
        moderation: images.moderation,
        partial_images: images.partial_images,
        input_image_mask: turn.mask.as_ref().map(|url| MaskRef {
            image_url: url.clone(),
        }),
        action: (turn.action != Action::Auto).then_some(turn.action),
    };
    Ok(ResponsesBody {
        model: text_model.to_string(),
        input,
        tools: vec![tool],
        tool_choice: turn.force_tool.then_some(ToolChoice {
            kind: IMAGE_GENERATION,
        }),
        previous_response_id: match chain {
            Some(Chain::PreviousResponse(id)) => Some(id.trim().to_string()),
            _ => None,
        },
        stream: images.stream,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const PNG_URL: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ";
    const JPEG_URL: &str = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD";

    fn turn(prompt: &str) -> TurnRequest {
        TurnRequest::new(ImageParams {
            prompt: prompt.into(),
            ..ImageParams::default()
        })
    }

    fn body(t: &TurnRequest) -> serde_json::Value {
        serde_json::to_value(responses_body(t).unwrap()).unwrap()
    }

    #[test]
    fn a_first_turn_sends_the_prompt_the_tool_and_the_forced_choice() {
        assert_eq!(
            body(&turn("a red fox")),
            json!({
                "model": "gpt-5.4",
                "input": [{"type": "message", "role": "user",
                           "content": [{"type": "input_text", "text": "a red fox"}]}],
                "tools": [{"type": "image_generation", "model": "gpt-image-2"}],
                "tool_choice": {"type": "image_generation"},
            })
        );
        let t = TurnRequest {
            force_tool: false,
            text_model: "  my-text-model ".into(),
            ..turn("a red fox")
        };
        let b = body(&t);
        assert_eq!(b["model"], "my-text-model");
        assert!(b.get("tool_choice").is_none());
    }

    #[test]
    fn every_tool_setting_is_sent_as_the_images_api_would() {
        let t = TurnRequest {
            params: ImageParams {
                model: "gpt-image-2.5-flare".into(),
                prompt: "a logo".into(),
                size: "1536 × 864".into(),
                quality: Quality::Xhigh,
                output_format: OutputFormat::Webp,
                output_compression: 80,
                background: Background::Transparent,
                moderation: Moderation::Low,
                stream: true,
                partial_images: 2,
                ..ImageParams::default()
            },
            references: vec![PNG_URL.into(), JPEG_URL.into()],
            mask: Some(PNG_URL.into()),
            action: Action::Edit,
            ..turn("")
        };
        assert_eq!(
            body(&t),
            json!({
                "model": "gpt-5.4",
                "input": [{"type": "message", "role": "user", "content": [
                    {"type": "input_text", "text": "a logo"},
                    {"type": "input_image", "image_url": PNG_URL, "detail": "auto"},
                    {"type": "input_image", "image_url": JPEG_URL, "detail": "auto"},
                ]}],
                "tools": [{"type": "image_generation", "model": "gpt-image-2.5-flare",
                           "size": "1536x864", "quality": "xhigh", "output_format": "webp",
                           "output_compression": 80, "background": "transparent",
                           "moderation": "low", "partial_images": 2,
                           "input_image_mask": {"image_url": PNG_URL}, "action": "edit"}],
                "tool_choice": {"type": "image_generation"},
                "stream": true,
            })
        );
        let plain = responses_body(&t).unwrap().without_stream();
        assert!(!plain.streams());
        assert_eq!(plain.tool().partial_images, None);
        assert_eq!(plain.tool().quality, Some(Quality::Xhigh));
    }

    #[test]
    fn both_chains() {
        let t = TurnRequest {
            chain: Some(Chain::PreviousResponse(" resp_1 ".into())),
            ..turn("make it blue")
        };
        let b = body(&t);
        assert_eq!(b["previous_response_id"], "resp_1");
        assert_eq!(b["input"].as_array().unwrap().len(), 1);
        let t = TurnRequest {
            chain: Some(Chain::ImageCall("ig_7".into())),
            ..turn("make it blue")
        };
        let b = body(&t);
        assert!(b.get("previous_response_id").is_none());
        assert_eq!(
            b["input"][1],
            json!({"type": "item_reference", "id": "ig_7"})
        );
        let t = TurnRequest {
            chain: Some(Chain::ImageCall("  ".into())),
            ..turn("x")
        };
        assert_eq!(responses_body(&t), Err(TurnError::EmptyChainId));
    }

    #[test]
    fn a_refused_parameter_never_leaves() {
        let refused = [
            ImageParams {
                quality: Quality::Max,
                ..ImageParams::default()
            },
            ImageParams {
                background: Background::Transparent,
                ..ImageParams::default()
            },
            ImageParams {
                size: "1920x1080".into(),
                ..ImageParams::default()
            },
            ImageParams {
                partial_images: 4,
                stream: true,
                ..ImageParams::default()
            },
        ];
        for params in refused {
            let t = TurnRequest::new(ImageParams {
                prompt: "x".into(),
                ..params
            });
            assert!(
                matches!(responses_body(&t), Err(TurnError::Param(_))),
                "{t:?}"
            );
        }
        let t = TurnRequest::new(ImageParams {
            prompt: "x".into(),
            size: "1920x1080".into(),
            ..ImageParams::default()
        });
        assert_eq!(
            responses_body(&t).unwrap_err().to_string(),
            "1080 is not a multiple of 16 (the height); use 1072 or 1088."
        );
        let t = TurnRequest {
            params: ImageParams {
                n: 2,
                ..turn("x").params
            },
            ..turn("x")
        };
        assert_eq!(responses_body(&t), Err(TurnError::OneImagePerTurn { n: 2 }));
        let t = TurnRequest {
            text_model: " ".into(),
            ..turn("x")
        };
        assert_eq!(responses_body(&t), Err(TurnError::EmptyTextModel));
    }

    #[test]
    fn references_and_masks_are_checked() {
        let t = TurnRequest {
            references: vec![PNG_URL.into(), "https://example.com/a.png".into()],
            ..turn("x")
        };
        assert_eq!(
            responses_body(&t),
            Err(TurnError::ReferenceNotDataUrl { index: 1 })
        );
        assert_eq!(
            responses_body(&t).unwrap_err().message(Lang::En),
            "Reference 2 is not an image in a data: URL; add it again from a file."
        );
        let t = TurnRequest {
            references: vec!["data:text/plain;base64,aGk=".into()],
            ..turn("x")
        };
        assert!(responses_body(&t).is_err());
        let t = TurnRequest {
            mask: Some(PNG_URL.into()),
            ..turn("x")
        };
        assert_eq!(responses_body(&t), Err(TurnError::MaskWithoutImage));
        let t = TurnRequest {
            mask: Some(JPEG_URL.into()),
            references: vec![PNG_URL.into()],
            ..turn("x")
        };
        assert_eq!(responses_body(&t), Err(TurnError::MaskNotPng));
        let t = TurnRequest {
            mask: Some(PNG_URL.into()),
            chain: Some(Chain::PreviousResponse("resp_1".into())),
            action: Action::Generate,
            ..turn("x")
        };
        assert_eq!(responses_body(&t), Err(TurnError::MaskWithGenerate));
        // A previous turn is an image to edit: the mask applies to it.
        let t = TurnRequest {
            action: Action::Auto,
            ..t
        };
        assert!(responses_body(&t).is_ok());
        let t = TurnRequest {
            action: Action::Edit,
            ..turn("x")
        };
        assert_eq!(responses_body(&t), Err(TurnError::EditWithoutImage));
        let t = TurnRequest {
            references: vec![PNG_URL.into(); 17],
            ..turn("x")
        };
        assert!(matches!(
            responses_body(&t),
            Err(TurnError::TooManyReferences {
                max: 16,
                count: 17,
                ..
            })
        ));
    }

    #[test]
    fn a_local_cut_out_asks_for_the_key_colour_as_png() {
        let t = TurnRequest::new(ImageParams {
            prompt: "A red fox sitting".into(),
            background: Background::TransparentLocal,
            output_format: OutputFormat::Jpeg,
            ..ImageParams::default()
        });
        let b = responses_body(&t).unwrap();
        assert_eq!(b.tool().output_format, None, "PNG, the default");
        assert_eq!(b.tool().background, None);
        let InputItem::Message { content, .. } = &b.input[0] else {
            panic!("{b:?}")
        };
        let ContentPart::InputText { text } = &content[0] else {
            panic!("{content:?}")
        };
        assert!(text.starts_with("A red fox sitting. "), "{text}");
    }

    #[test]
    fn messages_in_chinese() {
        assert_eq!(
            TurnError::OneImagePerTurn { n: 3 }.message(Lang::ZhCn),
            "每轮对话只生成 1 张图片（当前 n 为 3）；请把 n 设为 1。"
        );
        assert!(TurnError::EmptyTextModel
            .message(Lang::ZhCn)
            .contains("gpt-5.4"));
    }

    #[test]
    fn urls() {
        assert_eq!(
            responses_url("https://api.openai.com/v1/"),
            "https://api.openai.com/v1/responses"
        );
    }
}
