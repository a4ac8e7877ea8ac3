//! What the request checks and the answer readers say: `api::request` (the form and the base
//! URL), `api::multipart` (edits), `api::response` and `api::sse` (answers), and the task
//! reports `api::error::TaskAnswerError` cannot read.

crate::texts! {
    // api::request: the form.
    EMPTY_PROMPT: "Write a prompt first.", "请先填写提示词。";
    PROMPT_TOO_LONG: "The prompt has {chars} characters; the limit is {max}. Shorten it by {over}.",
        "提示词有 {chars} 个字符，上限为 {max}。请删减 {over} 个字符。";
    EMPTY_MODEL: "Enter a model name, e.g. {model}.", "请输入模型名称，例如 {model}。";
    BAD_N: "n must be between 1 and {max}, not {n}.", "n 必须在 1 到 {max} 之间，当前为 {n}。";
    BAD_COMPRESSION: "Output compression must be between 0 and 100, not {c}.",
        "输出压缩率必须在 0 到 100 之间，当前为 {c}。";
    BAD_PARTIAL_IMAGES: "Partial images must be between 0 and {max}, not {k}.",
        "预览图数量必须在 0 到 {max} 之间，当前为 {k}。";
    TRANSPARENT_NEEDS_ALPHA: "A transparent background needs PNG or WebP output: JPEG has no alpha channel.",
        "透明背景需要输出 PNG 或 WebP：JPEG 没有 Alpha 通道。";
    TRANSPARENT_UNSUPPORTED: "{model} has no native transparent background (the API answers 400); use auto or opaque, switch to gpt-image-2.5-flare or gpt-image-2.5-sunburst, or cut the subject out in the browser.",
        "{model} 不支持原生透明背景（API 会返回 400）；请改用 auto 或 opaque，换用 gpt-image-2.5-flare 或 gpt-image-2.5-sunburst，或在浏览器中抠出主体。";
    QUALITY_UNSUPPORTED: "{model} does not take quality {quality} (the API answers 400); it takes {offered}.",
        "{model} 不支持 quality {quality}（API 会返回 400）；它支持 {offered}。";
    /// Between the qualities a model takes.
    LIST_SEPARATOR: ", ", "、";
    QUALITY_NEEDS_NEWER: " xhigh and max need gpt-image-2.5-flare or gpt-image-2.5-sunburst.",
        "xhigh 和 max 需要 gpt-image-2.5-flare 或 gpt-image-2.5-sunburst。";
    TOO_MANY_FOR_MODEL_ONE: "{model} makes at most {max} image per request; set n to {max} or less.",
        "{model} 每次请求最多生成 {max} 张图片；请把 n 设为 {max} 或更小。";
    TOO_MANY_FOR_MODEL_MANY: "{model} makes at most {max} images per request; set n to {max} or less.",
        "{model} 每次请求最多生成 {max} 张图片；请把 n 设为 {max} 或更小。";
    STREAM_UNSUPPORTED: "{model} does not stream; turn streaming off.",
        "{model} 不支持流式传输；请关闭流式传输。";

    // api::request: the base URL.
    BASE_URL_EMPTY: "Enter a base URL, e.g. {example}.", "请输入 Base URL，例如 {example}。";
    BASE_URL_SCHEME: "The base URL must start with https:// or http://, e.g. {example}.",
        "Base URL 必须以 https:// 或 http:// 开头，例如 {example}。";
    BASE_URL_UNUSABLE: "\"{url}\" is not a usable base URL, e.g. {example}.",
        "“{url}”不是可用的 Base URL，应类似 {example}。";
    BASE_URL_CREDENTIALS: "The base URL must not carry a user name or password (user:pass@): they would be kept in the history, links and exported code. Give the key in the API key field instead.",
        "Base URL 不能包含用户名或密码（user:pass@）：它们会被保存在历史记录、链接和导出的代码中。请改在“API 密钥”一栏中填写密钥。";
    BASE_URL_QUERY: "The base URL must not contain ? or #: give only the API root, e.g. https://api.openai.com/v1.",
        "Base URL 不能包含 ? 或 #：只填写 API 根地址，例如 https://api.openai.com/v1。";

    // api::multipart: edits.
    NO_REFERENCES: "An edit needs at least one reference image.", "编辑至少需要一张参考图。";
    TOO_MANY_REFERENCES: "{n} references: an edit takes at most {max}. Remove {over}.",
        "共 {n} 张参考图：编辑最多接受 {max} 张。请移除 {over} 张。";
    MODEL_TAKES_NO_REFERENCES: "{model} takes no reference images; remove them or choose another model.",
        "{model} 不接受参考图；请移除参考图或换用其他模型。";
    TOO_MANY_REFERENCES_FOR_MODEL: "{count} references: {model} takes at most {max}. Remove {over}.",
        "共 {count} 张参考图：{model} 最多接受 {max} 张。请移除 {over} 张。";
    MASK_NOT_PNG: "The mask must be a PNG with an alpha channel.", "蒙版必须是带 Alpha 通道的 PNG。";
    MASK_SIZE: "The mask is {mask_w}x{mask_h} but image 1 is {image_w}x{image_h}: they must be the same size.",
        "蒙版为 {mask_w}x{mask_h}，而图片 1 为 {image_w}x{image_h}：两者尺寸必须相同。";

    // api::response and api::sse: answers.
    NOT_JSON: "The endpoint answered, but not with JSON (it starts \"{snippet}\"). Check that the base URL is the API root, e.g. https://api.openai.com/v1.",
        "接口有回应，但不是 JSON（开头为“{snippet}”）。请检查 Base URL 是否为 API 根地址，例如 https://api.openai.com/v1。";
    ERROR_IN_BODY: "The endpoint reported an error: {message}", "接口报告了错误：{message}";
    NO_DATA: "The answer has no \"data\" list, so it holds no images. The endpoint may not be OpenAI-compatible.",
        "回应中没有“data”列表，因此不含图片。该接口可能与 OpenAI 不兼容。";
    EMPTY_DATA: "The endpoint answered with no images (empty \"data\"). Nothing was produced; try again or change the prompt.",
        "接口的回应中没有图片（“data”为空）。没有生成任何内容；请重试或修改提示词。";
    ITEM_WITHOUT_IMAGE: "Image {index} in the answer has neither b64_json nor url.",
        "回应中的第 {index} 张图片既没有 b64_json 也没有 url。";
    /// Stands in for the endpoint's words when an error object has no message.
    NO_MESSAGE: "no message", "无说明";
    /// Stands in for the endpoint's words when an error answer has an empty body.
    NO_DETAILS: "no details given.", "未提供详情。";
    STREAM_NO_DETAILS: "the stream reported an error without details", "流报告了错误，但未提供详情";
    SAID_OTHER_SIZE: "The endpoint says it made {w}x{h}, not the {width}x{height} that was asked for (a silent downgrade).",
        "接口称生成的是 {w}x{h}，而不是所要求的 {width}x{height}（被悄悄降级）。";
    DOWNGRADED: "Asked {width}x{height}, got {w}x{h}: the gateway downgraded it.",
        "要求 {width}x{height}，实际得到 {w}x{h}：网关降低了尺寸。";
    DOWNGRADED_ECHOED: "Asked {width}x{height}, got {w}x{h}: the gateway downgraded it (its answer still says {width}x{height}).",
        "要求 {width}x{height}，实际得到 {w}x{h}：网关降低了尺寸（其回应仍声称是 {width}x{height}）。";
    RESIZED: "Asked {width}x{height}, got {w}x{h}: the gateway changed the size.",
        "要求 {width}x{height}，实际得到 {w}x{h}：网关改变了尺寸。";
    NOT_TRANSPARENT: "A transparent background was asked for, but no pixel is transparent: the gateway delivered an opaque image.",
        "要求透明背景，但没有任何像素是透明的：网关交付的是不透明图片。";
    NO_ALPHA_FORMAT: "A transparent background was asked for, but the image is {format}, which cannot carry transparency.",
        "要求透明背景，但图片为 {format} 格式，无法包含透明度。";
    MASK_MAY_BE_IGNORED: "{inside}% of the pixels inside the mask changed and {outside}% outside it: the gateway may have ignored the mask.",
        "蒙版内 {inside}% 的像素发生了变化，蒙版外为 {outside}%：网关可能忽略了蒙版。";
    MASK_DRIFT_FIGURES: "Mask check: {inside}% of the pixels inside the mask changed, {outside}% outside (mean change {inside_mean}% inside, {outside_mean}% outside).",
        "蒙版检查：蒙版内 {inside}% 的像素发生了变化，蒙版外为 {outside}%（平均变化：内 {inside_mean}%，外 {outside_mean}%）。";
    MASK_DRIFT_UNMEASURED: "Mask check: the change inside and outside the mask could not be measured ({why}).",
        "蒙版检查：无法测量蒙版内外的变化（{why}）。";
    OTHER_FORMAT: "The image is {got}, not the {asked} that was asked for.",
        "图片为 {got} 格式，而不是所要求的 {asked}。";
    SHORTFALL: "{arrived} of {asked} images arrived: the endpoint sent {missing} fewer than asked (some gateways ignore n, or a stream ended early).",
        "要求 {asked} 张，收到 {arrived} 张：接口少发了 {missing} 张（有些网关会忽略 n，或流提前结束）。";

    // api::error::TaskAnswerError: task reports.
    TASK_NOT_JSON: "The task gateway answered a status check with something that is not JSON (it starts \"{snippet}\").",
        "任务网关对状态查询的回应不是 JSON（开头为“{snippet}”）。";
    TASK_NO_STATUS: "The task gateway's report has no \"status\", so it is not clear whether the task is done: {snippet}",
        "任务网关的报告中没有“status”，无法判断任务是否完成：{snippet}";
    TASK_NO_ID: "The gateway answered with a task but gave no task id, so it cannot be followed.",
        "网关返回了任务，但没有给出任务 id，因此无法跟踪。";
    TASK_NO_RESULTS: "The task gateway says the task completed, but its report lists no result links.",
        "任务网关称任务已完成，但报告中没有列出结果链接。";
}
