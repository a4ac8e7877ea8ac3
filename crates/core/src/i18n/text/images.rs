//! Working on result images: fitting to an exact size (`fit`), pasting image 1 back outside the
//! mask (`mask::composite`), cutting out (`cutout`), the browser's canvases and Blobs (`web`),
//! and how a stored image or an interrupted request is summed up (`history`).

crate::texts! {
    // Fitting to an exact size (fit::describe).
    FIT_ALREADY: "Already {width}x{height}; nothing changed.", "已是 {width}x{height}，未作改动。";
    FIT_RESIZED: "Resized {src_width}x{src_height} to {width}x{height}.",
        "已将 {src_width}x{src_height} 缩放到 {width}x{height}。";
    FIT_CROPPED: "Cropped {src_width}x{src_height} to {crop_width}x{crop_height} ({margins}){resize}.",
        "已将 {src_width}x{src_height} 裁剪为 {crop_width}x{crop_height}（{margins}）{resize}。";
    FIT_AND_RESIZED: " and resized to {width}x{height}", "，并缩放到 {width}x{height}";
    FIT_SAVED_AS: " Saved as {encoded_mime}: this browser cannot encode {mime}.",
        "已保存为 {encoded_mime}：此浏览器无法编码 {mime}。";
    SIDE_LEFT: "left", "左侧";
    SIDE_RIGHT: "right", "右侧";
    SIDE_TOP: "top", "顶部";
    SIDE_BOTTOM: "bottom", "底部";
    MARGIN_SEPARATOR: "; ", "；";
    MARGIN_BOTH_EQUAL: "{px} px off {before} and {after}", "{before}和{after}各裁去 {px} px";
    MARGIN_BEFORE: "{px} px off the {before}", "{before}裁去 {px} px";
    MARGIN_AFTER: "{px} px off the {after}", "{after}裁去 {px} px";
    MARGIN_BOTH: "{before_px} px off the {before} and {after_px} px off the {after}",
        "{before}裁去 {before_px} px，{after}裁去 {after_px} px";

    // Why a fit failed (fit::FitError).
    FIT_TOO_LARGE: "a {width}x{height} image is too large to process",
        "{width}x{height} 的图片太大，无法处理";
    FIT_WRONG_LENGTH: "{len} bytes of pixels do not make a {width}x{height} RGBA image ({needed} bytes)",
        "{len} 字节的像素数据构不成 {width}x{height} 的 RGBA 图片（需要 {needed} 字节）";
    FIT_ZERO_SIZE: "cannot fit a {src_width}x{src_height} image to {width}x{height}: a size is zero",
        "无法把 {src_width}x{src_height} 的图片调整为 {width}x{height}：有一个尺寸为零";
    FIT_CROP_OUTSIDE: "the crop {crop_width}x{crop_height} at ({x}, {y}) leaves the {src_width}x{src_height} image",
        "在 ({x}, {y}) 处的 {crop_width}x{crop_height} 裁剪区域超出了 {src_width}x{src_height} 的图片";
    FIT_RESIZE_FAILED: "could not resize {crop_width}x{crop_height} to {width}x{height}: {e}",
        "无法把 {crop_width}x{crop_height} 缩放到 {width}x{height}：{e}";

    // Image 1 kept outside the mask (mask::composite).
    RESULT_SIZE_UNKNOWN: "the result's size is unknown", "结果的尺寸未知";
    NOT_ALIGNED: "the result is {result_width}x{result_height} ({result_ratio}) and image 1 is {width}x{height} ({ratio}): their pixels do not line up. Ask for a size with image 1's aspect ratio.",
        "结果为 {result_width}x{result_height}（{result_ratio}），而图片 1 为 {width}x{height}（{ratio}）：两者的像素对不齐。请选择与图片 1 宽高比相同的尺寸。";
    CANNOT_BE_READ: "{what} cannot be read: {e}", "无法读取{what}：{e}";
    THE_RESULT: "the result", "结果";
    IMAGE_1: "image 1", "图片 1";
    THE_MASK: "the mask", "蒙版";
    MASK_NOT_IMAGE_SIZE: "the mask is {mask_width}x{mask_height} but image 1 is {width}x{height}",
        "蒙版为 {mask_width}x{mask_height}，而图片 1 为 {width}x{height}";

    // Cutting out (cutout::image).
    NOT_ON_KEY: "the image is not on a flat {key} backdrop (only {share}% of its edge is {hex}): nothing was cut out. Try again, or name a subject that fits in the frame.",
        "图片不在纯色{key}背景上（边缘只有 {share}% 是 {hex}）：没有抠出任何内容。请重试，或描述一个能完整放进画面的主体。";
    KEY_GREEN: "green", "绿色";
    KEY_MAGENTA: "magenta", "品红";

    // The browser's canvases and Blobs (web::fit_job, web::canvas, web::mask_canvas,
    // web::blob).
    HOLD_FOR_DECODING: "could not hold the image for decoding", "无法载入图片以供解码";
    UNDECODABLE: "the image could not be decoded", "无法解码图片";
    NOT_DRAWN: "the image could not be drawn on a canvas", "无法把图片绘制到画布上";
    PIXELS_UNREADABLE: "could not read the pixels of a {width}x{height} canvas",
        "无法读取 {width}x{height} 画布的像素";
    PIXELS_NOT_HELD: "could not hold {width}x{height} pixels for encoding",
        "无法载入 {width}x{height} 的像素以供编码";
    PIXELS_NOT_PUT: "could not put the pixels on a canvas", "无法把像素放到画布上";
    NOT_ENCODED_AS: "the browser could not encode the image as {mime}", "浏览器无法把图片编码为 {mime}";
    ENCODED_UNREADABLE: "could not read the encoded image", "无法读取编码后的图片";
    NO_CANVAS: "the browser could not make a {width}x{height} canvas",
        "浏览器无法创建 {width}x{height} 的画布";
    NO_DOCUMENT: "the canvas is unavailable: this page has no document", "画布不可用：此页面没有文档";
    UNREADABLE: "the image could not be read", "无法读取图片";
    MASK_PIXELS_REFUSED: "the mask's pixels were refused", "蒙版的像素被拒绝";
    MASK_NOT_DRAWN: "the mask could not be drawn", "无法绘制蒙版";
    MASK_NOT_ENCODED: "the browser could not encode the mask as {mime}", "浏览器无法把蒙版编码为 {mime}";
    MASK_NO_FILE: "the browser could not make a file of the mask", "浏览器无法把蒙版生成文件";

    // A stored image (history::record) and an interrupted request (history::journal).
    RECORD_NOT_JSON: "a stored item is not readable JSON", "一条已保存的记录不是可读的 JSON";
    RECORD_NEWER: "a stored item was written by a newer version of this app (schema {version}); reload to update",
        "一条已保存的记录由本应用的更新版本写入（schema {version}）；请重新加载以更新";
    RECORD_DAMAGED: "a stored item is damaged: {why}", "一条已保存的记录已损坏：{why}";
    EDIT_OF: "edit of {n}", "编辑 {n} 张参考图";
    SECONDS: "{secs} s", "{secs} 秒";
    GENERATION: "generation", "生成";
    EDIT_OF_REFERENCES: "edit of {n} references", "编辑（{n} 张参考图）";
    JOURNAL_LINE: "{kind} · {model} · {size} · {quality} quality · n={n} → {base_url}",
        "{kind} · {model} · {size} · 质量 {quality} · n={n} → {base_url}";
}
