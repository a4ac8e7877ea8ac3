//! Gateway presets for a new profile (`gateway_presets`): their names where a word is needed,
//! and what is known about each.

crate::texts! {
    PRESET: "Gateway preset", "网关预设";
    CUSTOM: "Custom (this endpoint, default limits)", "自定义（当前端点，默认限制）";
    CUSTOM_NOTE: "Keeps the base URL already entered and starts from the default limits; change anything below.",
        "保留已填写的 Base URL，从默认限制开始；下方任何设置都可修改。";
    OPENAI_NOTE: "OpenAI's own API: up to 10 images per request, 16 references, image[] parts, streaming. Nothing to change.",
        "OpenAI 官方 API：每次请求最多 10 张图片、16 张参考图、image[] 字段、支持流式。无需更改。";
    LITELLM_NOTE: "LiteLLM's proxy (port 4000 by default; use yours). Its CORS is open by default. It cannot relay image streams (a stream ends in a 500 after its own retries, each of which may bill), so streaming starts off, and retries of 5xx answers start at 0 since it retries upstream itself. Generations pass only background, moderation, n, output_compression, output_format, quality, size and user; edits drop output_format, output_compression and moderation. Its answers may echo the size and format asked for: results are judged by their pixels. Caps on n and references are not documented: defaults kept.",
        "LiteLLM 代理（默认端口 4000，请用你自己的地址）。其 CORS 默认开放。它无法转发图片流（流式请求会在它自己的重试之后以 500 结束，每次重试都可能计费），因此流式默认关闭；它自己会向上游重试，所以 5xx 重试次数从 0 开始。生成请求只转发 background、moderation、n、output_compression、output_format、quality、size 和 user；编辑请求会丢弃 output_format、output_compression 和 moderation。它的响应可能只是照抄所请求的尺寸和格式：结果以实际像素为准。n 与参考图数量上限没有文档说明：保留默认值。";
    SUB2API_NOTE: "Self-hosted: put your server's address. Its docs ask image 1 to have the mask's format, so image 1 goes as PNG beside a mask. If your deployment answers with tasks, turn on the task gateway option and choose its sub2api dialect. Caps on n, references and parallel requests are not documented: defaults kept.",
        "自建服务：请填写你的服务器地址。其文档要求图片 1 与蒙版格式相同，因此使用蒙版时图片 1 以 PNG 发送。如果你的部署返回任务，请开启任务网关选项并选择 sub2api 方言。n、参考图和并行请求的上限没有文档说明：保留默认值。";
    NEW_API_NOTE: "Self-hosted relays: put your server's address. What they accept depends on the upstream channel behind them; no image limits are documented for them, so defaults are kept. If a channel takes only one image per request, or fewer references, set those limits below.",
        "自建中转：请填写你的服务器地址。它们接受什么取决于背后的上游渠道；它们没有图片相关限制的文档说明，因此保留默认值。如果某个渠道每次请求只接受一张图片或更少的参考图，请在下方设置这些限制。";
    APIYI_NOTE: "A hosted gateway. The facts this app is built on do not give its address: copy the base URL (ending in /v1) from your APIYI console. Its docs ask image 1 to have the mask's format, so image 1 goes as PNG beside a mask. Caps on n and references are not documented: defaults kept.",
        "托管网关。本应用所依据的资料没有给出它的地址：请从 APIYI 控制台复制 Base URL（以 /v1 结尾）。其文档要求图片 1 与蒙版格式相同，因此使用蒙版时图片 1 以 PNG 发送。n 与参考图数量上限没有文档说明：保留默认值。";
    EVOLINK_NOTE: "A hosted async task gateway: image requests answer with a task that is polled until done; the size goes as ratio + resolution, references only as public links, and result links expire in 24 hours. The facts this app is built on do not give its address: copy the base URL (ending in /v1) from your EvoLink console. Caps on n and parallel tasks are not documented: defaults kept.",
        "托管的异步任务网关：图片请求返回一个任务，轮询直到完成；尺寸以比例 + 分辨率发送，参考图仅以公开链接发送，结果链接 24 小时后失效。本应用所依据的资料没有给出它的地址：请从 EvoLink 控制台复制 Base URL（以 /v1 结尾）。n 与并行任务上限没有文档说明：保留默认值。";
    REPLACE_HOST: "Replace {host} in the base URL with your own.", "请把 Base URL 中的 {host} 换成你自己的地址。";
    // the quirk options of a profile
    EDIT_FIELD: "Field name of edit images", "编辑图片的字段名";
    EDIT_FIELD_HINT: "OpenAI and most gateways take image[] (one part per reference); some want image instead.",
        "OpenAI 和大多数网关接受 image[]（每张参考图一个字段）；有些网关要求用 image。";
    MAX_REFERENCES: "Max references per edit", "每次编辑最多参考图数";
    MAX_REFERENCES_PLACEHOLDER: "empty: the model's ({max})", "留空：按模型（{max}）";
    MAX_REFERENCES_HINT: "For gateways that take fewer references than the model: the first ones are sent.",
        "适用于接受的参考图少于模型上限的网关：只发送前面的几张。";
}
