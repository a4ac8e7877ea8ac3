//! The page's frame: header, language, landmarks, the leave warning.

crate::texts! {
    TAGLINE: "Generate images with your own key, against OpenAI or any compatible gateway.",
        "用你自己的密钥生成图片，可接 OpenAI 或任何兼容网关。";
    LANGUAGE: "Language", "语言";
    REQUEST_REGION: "Request", "请求";
    RESULTS_REGION: "Results", "结果";
    SETTINGS_REGION: "Settings", "设置";
    LINK_SELECTED_ENDPOINT: "The link selected the endpoint {base}.", "链接已选择接口 {base}。";
    FORM_FILLED_FROM_LINK: "The form was filled from the link.", "表单已按链接填好。";
    STORAGE_USAGE: "{used} used of {quota} available · {kept}", "已用 {used}，共 {quota} 可用 · {kept}";
    KEPT_PERSISTENTLY: "kept persistently", "持久保存";
    MAY_BE_CLEARED: "the browser may clear it under storage pressure", "存储空间紧张时浏览器可能会清除";
    LEAVE_WHILE_RUNNING: "A request is still running; leaving loses its result.",
        "还有请求正在进行，离开页面将丢失它的结果。";
}
