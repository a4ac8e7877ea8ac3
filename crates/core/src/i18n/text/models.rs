//! The model notes (`models::registry`), what switching models changed (`models::adapt`), the
//! retirement notices (`models::retired`) and the profile's model names (`models::aliases`).

crate::texts! {
    // registry: one line per model, the part after the name shown in the picker
    GPT_IMAGE_2: "gpt-image-2: any size up to 3840 px, quality up to high, no transparent background.",
        "gpt-image-2：任意尺寸（最大 3840 px），质量最高 high，不支持透明背景。";
    GPT_IMAGE_25_FLARE: "gpt-image-2.5-flare: fast, the everyday choice; quality up to max, native transparent background (PNG, WebP).",
        "gpt-image-2.5-flare：速度快，日常首选；质量最高 max，原生透明背景（PNG、WebP）。";
    GPT_IMAGE_25_SUNBURST: "gpt-image-2.5-sunburst: the most capable, precise edits, slower; quality up to max, native transparent background (PNG, WebP).",
        "gpt-image-2.5-sunburst：能力最强，编辑精准，速度较慢；质量最高 max，原生透明背景（PNG、WebP）。";
    GPT_IMAGE_15: "gpt-image-1.5 (retired): the three stable sizes, quality up to high, transparent background.",
        "gpt-image-1.5（已停用）：三种稳定尺寸，质量最高 high，支持透明背景。";
    GPT_IMAGE_1: "gpt-image-1 (retired): the three stable sizes, quality up to high, transparent background.",
        "gpt-image-1（已停用）：三种稳定尺寸，质量最高 high，支持透明背景。";
    GPT_IMAGE_1_MINI: "gpt-image-1-mini (retired): cheap; the three stable sizes, quality up to high.",
        "gpt-image-1-mini（已停用）：便宜；三种稳定尺寸，质量最高 high。";
    CHATGPT_IMAGE_LATEST: "chatgpt-image-latest (retired): ChatGPT's image model, gpt-image-1.5's rules.",
        "chatgpt-image-latest（已停用）：ChatGPT 的图像模型，规则同 gpt-image-1.5。";
    DALL_E_3: "dall-e-3 (retired): one image per request, no edits.",
        "dall-e-3（已停用）：每次请求一张图，不支持编辑。";
    DALL_E_2: "dall-e-2 (retired): edits of one square image.",
        "dall-e-2（已停用）：只能编辑一张正方形图片。";
    ALIAS_NOTE: "{name}: this profile's name for {model} (its rules{price}).",
        "{name}：此配置对 {model} 的叫法（沿用其规则{price}）。";
    ALIAS_PRICE: ", {price} per image", "，每张 {price}";
    UNKNOWN: "unknown model: nothing is checked", "未知模型：不做任何检查";
    NOTE_AND_NOTICE: "{note} {notice}.", "{note}{notice}。";
    SENTENCE: "{text}.", "{text}。";
    // retired
    RETIRED_ALIAS: "{name} (this profile's name for {model})", "{name}（此配置对 {model} 的叫法）";
    RETIRED: "{subject} was retired on {date}; requests to it fail at OpenAI. Try {replacement}",
        "{subject} 已于 {date} 停用，发给它的请求会被 OpenAI 拒绝。可改用 {replacement}";
    WILL_RETIRE: "{subject} will be retired on {date}; from then on requests to it fail at OpenAI. Try {replacement}",
        "{subject} 将于 {date} 停用，此后发给它的请求会被 OpenAI 拒绝。可改用 {replacement}";
    // adapt: what switching models changed
    NO_QUALITY: "{name} has no {quality} quality: set to {to}", "{name} 没有 {quality} 质量：已改为 {to}";
    NO_NATIVE_TRANSPARENCY: "{name} has no native transparent background: set to transparent-local (cut out in the browser from a flat key colour)",
        "{name} 不支持原生透明背景：已改为 transparent-local（在浏览器中从纯色底上抠图）";
    MAKES_TRANSPARENCY: "{name} makes a transparent background itself: set to transparent",
        "{name} 能直接生成透明背景：已改为 transparent";
    TRANSPARENCY_FORMATS: "{name} makes a transparent background only as PNG or WebP: output format set to {format}",
        "{name} 只能以 PNG 或 WebP 生成透明背景：输出格式已改为 {format}";
    CUTOUT_FORMAT: "A cut-out needs PNG or WebP (JPEG has no alpha): output format set to png",
        "抠图需要 PNG 或 WebP（JPEG 不支持透明通道）：输出格式已改为 png";
    SIZE_STABLE_ONLY: "{name} takes only 1024x1024, 1536x1024, 1024x1536 or auto: size {size} set to {w}x{h}",
        "{name} 只接受 1024x1024、1536x1024、1024x1536 或 auto：尺寸 {size} 已改为 {w}x{h}";
    SIZE_NOT_TAKEN: "{name} does not take that size: size {size} set to {w}x{h}",
        "{name} 不接受该尺寸：尺寸 {size} 已改为 {w}x{h}";
    MAX_N_ONE: "{name} makes at most {max} image per request: n set to {max}",
        "{name} 每次请求最多生成 {max} 张图：n 已改为 {max}";
    MAX_N_MANY: "{name} makes at most {max} images per request: n set to {max}",
        "{name} 每次请求最多生成 {max} 张图：n 已改为 {max}";
    NO_STREAMING: "{name} does not stream: streaming off", "{name} 不支持流式传输：已关闭流式传输";
    NO_REFERENCES: "{name} takes no reference images: the {held} references will not be sent",
        "{name} 不接受参考图：这 {held} 张参考图不会发送";
    REFERENCES_CAPPED: "{name} takes at most {cap} references here: the last {over} of {held} will not be sent",
        "{name} 在此最多接受 {cap} 张参考图：{held} 张中的最后 {over} 张不会发送";
    // aliases: the profile's own model names, one per line
    ALIAS_FORM: "Line {at}: write it as \"gateway-name = known-model\", e.g. gpt-image-2-all = gpt-image-2.",
        "第 {at} 行：请写成“网关名称 = 已知模型”，例如 gpt-image-2-all = gpt-image-2。";
    ALIAS_NO_NAME: "Line {at}: the gateway's model name is missing before \"=\".",
        "第 {at} 行：“=”前缺少网关的模型名称。";
    ALIAS_KNOWN: "Line {at}: {name} is a known model already; its own rules apply.",
        "第 {at} 行：{name} 本身就是已知模型，适用它自己的规则。";
    ALIAS_UNKNOWN_MODEL: "Line {at}: \"{like}\" is not a model the app knows (e.g. gpt-image-2, gpt-image-2.5-flare).",
        "第 {at} 行：“{like}”不是本应用已知的模型（例如 gpt-image-2、gpt-image-2.5-flare）。";
    ALIAS_BAD_PRICE: "Line {at}: \"{price}\" is not a price per image in US dollars, e.g. $0.02.",
        "第 {at} 行：“{price}”不是以美元计的单张价格，例如 $0.02。";
    ALIAS_TWICE: "Line {at}: {name} is named twice.", "第 {at} 行：{name} 出现了两次。";
}
