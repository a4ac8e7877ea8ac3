//! viewer.

crate::texts! {
    ASKED: "Asked: {model} · {size} · {quality} quality · {format}", "请求：{model} · {size} · {quality} 质量 · {format}";
    REVISED_PROMPT: "Revised prompt: {p}", "修订后的提示词：{p}";
    ONLY_LINK_KEPT_LOWER: "only a link was kept for this image", "此图片只保留了链接";
    LINK_NOT_READABLE: "this image came as a link the page may not read", "此图片以链接形式返回，页面可能无法读取";
    ADDED_TO_REFERENCES: "Added to the references: the next request is an edit of it.",
        "已添加到参考图：下一次请求将基于它编辑。";
    SETTINGS_RESTORED: "The form now holds that result's settings.", "表单已载入该结果的设置。";
    IMAGE_VIEWER: "Image viewer", "图片查看器";
    POSITION: "{i} of {n}", "第 {i} 张，共 {n} 张";
    PREVIOUS: "Previous image", "上一张";
    NEXT: "Next image", "下一张";
    FIT: "Fit", "适应";
    DOWNLOAD: "Download", "下载";
    EDIT_THIS: "Edit this", "编辑此图";
    USE_SETTINGS: "Use these settings", "使用这些设置";
    CLOSE_VIEWER: "Close the viewer", "关闭查看器";
    NO_FILE: "the browser could not make a file of it", "浏览器无法将其生成文件";
    ONLY_LINK_KEPT: "Only a link was kept for this image.", "此图片只保留了链接。";
    COULD_NOT_READ: "Could not read the image: {e}.", "无法读取图片：{e}。";
    BEFORE_EDIT: "Image 1 before the edit", "编辑前的图片 1";
    BEFORE_AFTER: "Before / after ", "编辑前 / 后 ";
    COMPARE: "Show image 1 (left) against the result (right)", "对比图片 1（左）与结果（右）";
}
