//! The page's frame: header, language, landmarks, the leave warning.

crate::texts! {
    TAGLINE: "Generate images with your own key, against OpenAI or any compatible gateway.",
        "用你自己的密钥生成图片，可接 OpenAI 或任何兼容网关。";
    LANGUAGE: "Language", "语言";
    REQUEST_REGION: "Request", "请求";
    RESULTS_REGION: "Results", "结果";
    SETTINGS_REGION: "Settings", "设置";
    LEAVE_WHILE_RUNNING: "A request is still running; leaving loses its result.",
        "还有请求正在进行，离开页面将丢失它的结果。";
}
