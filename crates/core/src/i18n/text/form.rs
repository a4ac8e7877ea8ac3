//! form.

crate::texts! {
    // background
    BACKGROUND: "Background", "背景";
    KEY_COLOUR: "Key colour", "抠图底色";
    BACKGROUND_TRANSPARENT_LOCAL: "transparent-local (cut out in the browser)", "transparent-local（在浏览器中抠图）";
    KEY_AUTO: "auto (farther from the prompt's colours)", "auto（避开提示词中的颜色）";
    KEY_GREEN: "green #00FF00", "绿色 #00FF00";
    KEY_MAGENTA: "magenta #FF00FF", "品红 #FF00FF";
    TRANSPARENT_NEEDS_ALPHA: "Transparent needs PNG or WebP output (JPEG has no alpha).",
        "透明背景需要 PNG 或 WebP 输出（JPEG 不支持透明通道）。";
    NO_NATIVE_TRANSPARENCY: "{model} has no native transparent background: choose transparent-local to cut the subject out in the browser, or switch to gpt-image-2.5-flare.",
        "{model} 不支持原生透明背景：可选择 transparent-local 在浏览器中抠出主体，或改用 gpt-image-2.5-flare。";
    UNKNOWN_TRANSPARENCY: "Nothing is known about {model}: transparent is offered, and the endpoint decides whether it takes it.",
        "对 {model} 一无所知：仍提供 transparent，是否接受由接口决定。";
    NATIVE_TRANSPARENCY: "Transparent is made by the model with this format.",
        "此格式下由模型直接生成透明背景。";
    CUTOUT_NOTE: "The prompt gets one sentence asking for the subject alone on flat {key} ({hex}); the result comes as PNG and is cut out here. The original is kept too.",
        "提示词会追加一句，要求主体单独置于纯{key}（{hex}）背景上；结果以 PNG 返回并在此处抠图，原图也会保留。";
    // more
    SUMMARY_COMPRESSION: "compression {value}", "压缩率 {value}";
    SUMMARY_MODERATION: "moderation {value}", "审核 {value}";
    MORE_DEFAULT: "More: compression, moderation", "更多：压缩率、审核";
    MORE_SET: "More: {set}", "更多：{set}";
    COMPRESSION_JPEG_WEBP_ONLY: "Compression applies to JPEG and WebP output.", "压缩率仅适用于 JPEG 和 WebP 输出。";
    COMPRESSION_RANGE: "Compression (0-100)", "压缩率（0-100）";
    COMPRESSION: "Compression", "压缩率";
    MODERATION: "Moderation", "审核";
    MODERATION_LOW: "low (less restrictive)", "low（限制较少）";
    MODERATION_EDITS: "Edits take no moderation setting; it applies to generations only.",
        "编辑不接受审核设置，它只适用于生成。";
    WHOLE_NUMBER: "{name} must be a whole number from {min} to {max}.", "{name}必须是 {min} 到 {max} 之间的整数。";
    // output
    QUALITY_AUTO: "auto (model decides, often slow)", "auto（由模型决定，通常较慢）";
    QUALITY_LOW: "low (fast, cheap)", "low（快速、便宜）";
    QUALITY_HIGH: "high (minutes)", "high（需数分钟）";
    QUALITY_XHIGH: "xhigh (finer detail, slower)", "xhigh（细节更丰富，更慢）";
    QUALITY_MAX: "max (slowest, most costly)", "max（最慢、最贵）";
    OUTPUT: "Output", "输出";
    QUALITY: "Quality", "质量";
    FORMAT: "Format", "格式";
    FORMAT_JPEG: "JPEG (smaller, faster)", "JPEG（更小、更快）";
    JPEG_OFF: "JPEG is off: a transparent background needs PNG or WebP (JPEG has no alpha).",
        "JPEG 不可用：透明背景需要 PNG 或 WebP（JPEG 不支持透明通道）。";
    IMAGES_N: "Images (n)", "图片数量（n）";
    NUMBER_OF_IMAGES: "The number of images", "图片数量";
    // model
    MODEL: "Model", "模型";
    GATEWAY_ALIAS: "this gateway's name for {model}", "此网关对 {model} 的叫法";
    // sheet
    PARAMETERS: "Parameters", "参数";
    DONE: "Done", "完成";
    // prompt
    PROMPT: "Prompt", "提示词";
    PROMPT_PLACEHOLDER: "A watercolour fox asleep under a paper lantern, soft morning light",
        "一只睡在纸灯笼下的水彩狐狸，柔和的晨光";
    PROMPT_COUNT: "{count} / {max} characters", "{count} / {max} 字符";
    PROMPT_SEND_HINT: " · Ctrl+Enter (⌘+Enter) sends", " · Ctrl+Enter（⌘+Enter）发送";
    RESOLUTION_WORDS: "{words} in the prompt change nothing: the output resolution is set by Size alone. ",
        "提示词中的 {words} 不起作用：输出分辨率只由尺寸决定。";
    REMOVE_THEM: "Remove them", "删除这些词";
    IMAGE_REQUEST: "Image request", "图片请求";
    // retired
    NOTHING_SENT: "{notice}. Nothing was sent.", "{notice}。尚未发送任何请求。";
    SEND_ANYWAY: "Send anyway", "仍然发送";
    USE_MODEL: "Use {model}", "改用 {model}";
    // size
    NOTHING_YET: "nothing yet", "暂无";
    EXACT_NOTE: "The API cannot make {w}x{h}: {rw}x{rh} is requested and the result cropped/resized to exactly {w}x{h}.",
        "API 无法生成 {w}x{h}：将请求 {rw}x{rh}，再把结果裁剪/缩放为正好 {w}x{h}。";
    USE_VALID_SIZE: "Use a valid size instead", "改用有效尺寸";
    VALID_INSTEAD: "Valid instead: ", "可改用：";
    DELIVER_EXACTLY: "Deliver exactly {w}x{h} (crop/resize after)", "正好输出 {w}x{h}（事后裁剪/缩放）";
    SENT_AS: "Sent as ", "发送为 ";
    SIZE: "Size", "尺寸";
    PRESET: "Preset", "预设";
    CUSTOM: "Custom", "自定义";
    RATIO: "Ratio", "比例";
    TIER: "Tier", "档位";
    WIDTH_HEIGHT: "Width × height", "宽 × 高";
    SIZE_PLACEHOLDER: "1536x1024 or auto", "1536x1024 或 auto";
    // stream
    STREAM: "Stream (show previews as they arrive)", "流式传输（收到预览即显示）";
    PARTIAL_IMAGES: "Partial images", "预览图数量";
    PREVIEW_COST: "Each preview costs about 100 extra output tokens; fewer may arrive.",
        "每张预览约多消耗 100 个输出 token；实际收到的可能更少。";
    PREVIEWS_NEED_STREAMING: "Previews need streaming.", "预览需要开启流式传输。";
    // task gateway
    TASK_REFERENCES: "References for the task gateway", "任务网关的参考图";
    IMAGE_URLS: "Image URLs (public links, one per line, up to {max})", "图片 URL（公开链接，每行一个，最多 {max} 个）";
    MASK_URL: "Mask URL (PNG with alpha; applies to the first image)", "遮罩 URL（带透明通道的 PNG；作用于第一张图）";
    TASK_LINKS_ONLY: "Files from this device cannot be sent to a task gateway: it takes references only as links it can fetch.",
        "无法把本设备上的文件发送给任务网关：它只接受可供其下载的链接作为参考图。";
    TASK_LOCAL_REFERENCES: "The references above are local files: a task gateway cannot receive them. Remove them and paste public links instead.",
        "上方的参考图是本地文件，任务网关无法接收。请移除它们，改为粘贴公开链接。";
    // actions
    FIX_SIZE_FOR_ESTIMATE: "Fix the size to see the expected wait and cost.",
        "请先修正尺寸，才能查看预计等待时间和费用。";
    FIX_N_FOR_ESTIMATE: "Fix the number of images to see the expected wait and cost.",
        "请先修正图片数量，才能查看预计等待时间和费用。";
    FOR_N_IMAGES: " for {n} images", "，共 {n} 张";
    EXPECTED: "Expected wait: {wait} · cost {cost}{images} ({quality} quality, {size}; ~ marks an estimate).",
        "预计等待：{wait} · 费用 {cost}{images}（{quality} 质量，{size}；~ 表示估算）。";
    QUALITY_WARNING: "{quality} quality takes minutes per image (typically {wait} at 1024x1024) and costs about {times}x medium.",
        "{quality} 质量每张图需要数分钟（1024x1024 通常为 {wait}），费用约为 medium 的 {times} 倍。";
    WAITING_FOR_MASK: "Waiting for the mask to be prepared: the request goes as soon as it is ready.",
        "正在等待遮罩准备完成：完成后立即发送请求。";
    WAITING_FOR_ONE_REFERENCE: "Waiting for 1 reference to be prepared: the request goes as soon as it is ready.",
        "正在等待 1 张参考图准备完成：完成后立即发送请求。";
    WAITING_FOR_REFERENCES: "Waiting for {k} references to be prepared: the request goes as soon as they are ready.",
        "正在等待 {k} 张参考图准备完成：全部完成后立即发送请求。";
    GENERATE: "Generate", "生成";
    GENERATE_RUNNING: "Generate ({n} running)", "生成（{n} 个进行中）";
    CANCEL: "Cancel", "取消";
    CANCEL_HINT: "Stops waiting; the server may still finish and bill.",
        "仅停止等待；服务器仍可能完成生成并计费。";
    DO_NOT_SEND: "Do not send", "不发送";
    STREAM_REFUSED: "This endpoint did not stream last time (it failed before the first image and worked without), so requests go without streaming.",
        "此接口上次不支持流式（在第一张图之前失败，不用流式则成功），因此请求不使用流式发送。";
    STREAM_TEST_AGAIN: "Try streaming again", "重新尝试流式";
}
