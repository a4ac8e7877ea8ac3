//! Sending a run and what it works on: the request client, references and the mask as they
//! are sent, composites, task gateways.

crate::texts! {
    // sending (app::generate)
    SWITCHED_BACK: "Switched back to the profile \"{name}\" ({base_url}), where this request was sent.",
        "已切换回发送此请求时所用的配置“{name}”（{base_url}）。";
    NO_ABORT_CONTROLLER: "The browser refused to start a request (no AbortController).",
        "浏览器拒绝发起请求（没有 AbortController）。";
    ANSWERED_IN: "answered in {secs} s", "已应答，用时 {secs} 秒";
    // the request client (web::http)
    TASK_NOT_IMAGES: "The endpoint answered with a task ({id}) instead of images; it is an async task gateway.",
        "接口返回的是任务（{id}）而不是图片；它是异步任务网关。";
    BUILD_REQUEST_FAILED: "Could not build the request: {e}", "无法构建请求：{e}";
    BUILD_UPLOAD_FAILED: "Could not build the upload: {e}", "无法构建上传内容：{e}";
    REQUEST_REFUSED: "The browser refused to start a request.", "浏览器拒绝发起请求。";
    REQUEST_REFUSED_LOWER: "the browser refused to start a request", "浏览器拒绝发起请求";
    MIXED_CONTENT: "; this page is https and the base URL is http, which browsers block as mixed content",
        "；本页为 https，而 Base URL 为 http，浏览器会将其作为混合内容拦截";
    LINK_NO_ANSWER: "no answer within {secs} s", "{secs} 秒内没有应答";
    // task gateways (app::tasks)
    TASK_GATEWAY_NO_FILES: "This profile is a task gateway: it takes reference images only as public links, not as files from this device. Paste their links under \"Image URLs\" and remove the local references; nothing was sent.",
        "此配置是任务网关：它只接受以公开链接提供的参考图，不接受本设备上的文件。请把链接粘贴到“图片 URL”中，并移除本地参考图；未发送任何内容。";
    POLLING_GOES_ON: "{e} Polling goes on.", "{e} 轮询继续。";
    // references and the mask (app::references, app::painter)
    MASK_NEEDS_REFERENCE: "A mask applies to image 1: add a reference image, or remove the mask.",
        "蒙版作用于图片 1：请添加参考图，或移除蒙版。";
    MASK_NEEDS_IMAGE_1: "The mask applies to image 1: add a reference image first.",
        "蒙版作用于图片 1：请先添加参考图。";
    REFERENCES_PREPARING: "Reference images are still being prepared: send again in a moment.",
        "参考图仍在处理中：请稍后再发送。";
    NONE_PREPARED: "None of the reference images could be prepared: remove them or add others.",
        "所有参考图都无法处理：请移除它们或添加其他图片。";
    MASK_PREPARING: "The mask is still being prepared: send again in a moment.",
        "蒙版仍在处理中：请稍后再发送。";
    MASK_UNUSABLE: "The mask cannot be used: {message}", "无法使用该蒙版：{message}";
    MASK_SIZE_MISMATCH: "The mask is {mask_w}x{mask_h} but image 1 goes at {w}x{h}: remove the mask and add it again.",
        "蒙版为 {mask_w}x{mask_h}，但图片 1 以 {w}x{h} 发送：请移除蒙版后重新添加。";
    IMAGE_1_FAILED: "Image 1 cannot be prepared, so neither can its mask: {message}",
        "图片 1 无法处理，因此它的蒙版也无法处理：{message}";
    UNEXPECTED_ANSWER: "Unexpected answer from the prep worker.", "预处理线程返回了意外的结果。";
    UNEXPECTED_ANSWER_LOWER: "unexpected answer from the prep worker", "预处理线程返回了意外的结果";
    FILE_UNREADABLE: "{name} could not be read: {e}", "无法读取 {name}：{e}";
    PAINTED_MASK_FAILED: "The painted mask could not be made: {e}", "无法生成涂抹的蒙版：{e}";
    // composites (app::composites)
    KEPT_OUTSIDE_NOTE: "image 1 kept outside the mask (feather {feather_px} px)",
        "保留了图片 1 的蒙版外区域（羽化 {feather_px} px）";
    CUT_OUT_NOTE: "cut out in the browser from its flat {key} backdrop",
        "已在浏览器中从纯 {key} 背景抠出";
    LINK_ONLY_NO_PIXELS: "the endpoint returned only a link, so its pixels cannot be read here",
        "接口只返回了链接，因此无法在此读取其像素";
    CANNOT_HOLD_IMAGE: "The browser could not hold the image.", "浏览器无法在内存中保留这张图片。";
}
