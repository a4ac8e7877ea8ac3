//! Reference prep (`prep::*`): why a file cannot be prepared, what was done to it, the mask's
//! checks, the reference list's limit, and the prep worker's own failures.

crate::texts! {
    // What the file is (prep::sniff).
    EMPTY_FILE: "The file is empty (0 bytes): pick the image again.",
        "文件是空的（0 字节）：请重新选择图片。";
    AVIF: "AVIF: export as JPEG or PNG first.",
        "AVIF：请先导出为 JPEG 或 PNG。";
    HEIC: "HEIC: export as JPEG first (on an iPhone: Settings > Camera > Formats > Most Compatible).",
        "HEIC：请先导出为 JPEG（iPhone 上：设置 > 相机 > 格式 > 兼容性最佳）。";
    ISO_MEDIA: "This is a video or ISO media file, not a still image: export a frame as JPEG or PNG.",
        "这是视频或 ISO 媒体文件，不是静态图片：请导出一帧为 JPEG 或 PNG。";
    PDF: "PDF: a document, not an image. Export the page as PNG or JPEG first.",
        "PDF：这是文档，不是图片。请先将该页导出为 PNG 或 JPEG。";
    TIFF: "TIFF: not supported here. Export as JPEG or PNG first.",
        "TIFF：此处不支持。请先导出为 JPEG 或 PNG。";
    SVG: "SVG: a vector drawing. Export it as PNG first.",
        "SVG：这是矢量图。请先导出为 PNG。";
    JPEG_XL: "JPEG XL: not supported here. Export as JPEG or PNG first.",
        "JPEG XL：此处不支持。请先导出为 JPEG 或 PNG。";
    PSD: "PSD: a Photoshop document. Export it as PNG or JPEG first.",
        "PSD：这是 Photoshop 文档。请先导出为 PNG 或 JPEG。";
    UNKNOWN_FORMAT: "Not an image this tool can read: use JPEG, PNG, WebP, GIF or BMP.",
        "不是本工具能读取的图片：请使用 JPEG、PNG、WebP、GIF 或 BMP。";

    // Decoding and encoding (prep::decode, prep::encode, prep::error).
    DECODE_MEMORY: "The image needs more memory than allowed to decode: downscale it first.",
        "解码这张图片所需的内存超过上限：请先缩小图片。";
    PIXEL_CAP: "{width}x{height} is {megapixels} megapixels, above the {limit} MP limit (a decompression bomb, or simply too large): downscale it first.",
        "{width}x{height} 共 {megapixels} 百万像素，超过 {limit} MP 的上限（可能是解压炸弹，也可能只是太大）：请先缩小图片。";
    CORRUPT: "The file is truncated or corrupt and cannot be read ({detail}). Re-export or re-download it.",
        "文件不完整或已损坏，无法读取（{detail}）。请重新导出或重新下载。";
    ENCODE_FAILED: "Could not encode the image: {detail}.", "无法编码图片：{detail}。";
    ENDS_EARLY: "it ends before the image data does", "文件在图像数据结束前就截断了";
    NO_PIXELS: "its header says it has no pixels", "文件头表明它没有像素";
    TOO_WIDE: "wider than 65535 px", "宽度超过 65535 px";
    TOO_TALL: "taller than 65535 px", "高度超过 65535 px";
    WEBP_IN_BROWSER: "WebP is encoded by the browser", "WebP 由浏览器编码";
    NO_WORKER_CANVAS: "no 2D canvas in this worker", "此 Worker 中没有 2D 画布";
    NO_WEBP_ENCODER: "this browser does not encode WebP", "此浏览器无法编码 WebP";
    OVER_BUDGET: "it does not fit {budget} bytes even at {width}x{height}; raise the byte budget",
        "即使缩小到 {width}x{height} 也超出 {budget} 字节；请提高字节预算";

    // What was done (prep::pipeline, prep::mask).
    SHRUNK: "shrunk from {from_width}x{from_height} to {width}x{height} to fit {budget}",
        "已从 {from_width}x{from_height} 缩小到 {width}x{height}，以控制在 {budget} 以内";
    AS_PNG_NOTE: "as PNG it was {note}", "以 PNG 格式发送时{note}";
    MASK_COLOURS_DROPPED: "its colours were dropped to stay under the API's {limit} (only its alpha counts; it was {size})",
        "已去掉其颜色以保持在 API 的 {limit} 上限以内（只有透明度起作用；原为 {size}）";

    // The mask (prep::mask).
    MASK_UNREADABLE: "The mask cannot be read: {e}", "无法读取蒙版：{e}";
    MASK_NOT_PNG: "The mask must be a PNG with an alpha channel; this file is {mime}.",
        "蒙版必须是带 alpha 通道的 PNG；此文件是 {mime}。";
    MASK_NO_ALPHA: "The mask PNG has no alpha channel: make the area to redraw transparent (alpha 0) and save it as a PNG with transparency.",
        "蒙版 PNG 没有 alpha 通道：请把要重绘的区域设为透明（alpha 0），并保存为带透明度的 PNG。";
    MASK_SIZE: "The mask is {mask_width}x{mask_height} but image 1 is {width}x{height}{also}: the mask must have the same size as image 1.",
        "蒙版为 {mask_width}x{mask_height}，而图片 1 为 {width}x{height}{also}：蒙版必须与图片 1 尺寸相同。";
    MASK_OR_AS_PREPARED: " (or {sizes} as prepared)", "（处理后为 {sizes}）";
    OR: " or ", " 或 ";
    MASK_TOO_BIG: "As a {width}x{height} PNG the mask is {size}, and the API takes masks under {limit}: lower the long edge in the prep settings, or use a mask with simpler transparent areas.",
        "作为 {width}x{height} 的 PNG，蒙版大小为 {size}，而 API 只接受小于 {limit} 的蒙版：请在预处理设置中调低长边，或使用透明区域更简单的蒙版。";

    // The reference list's limit (prep::left_out_note).
    LEFT_OUT_ONE: "At most {max} references can be sent{held}, so 1 file of the {offered} offered was not added: {names}. Remove a reference to make room.",
        "最多只能发送 {max} 张参考图{held}，因此所选的 {offered} 个文件中有 1 个未添加：{names}。请移除一张参考图以腾出位置。";
    LEFT_OUT_MANY: "At most {max} references can be sent{held}, so {count} files of the {offered} offered were not added: {names}. Remove a reference to make room.",
        "最多只能发送 {max} 张参考图{held}，因此所选的 {offered} 个文件中有 {count} 个未添加：{names}。请移除参考图以腾出位置。";
    HELD_ONE: " (1 was already in the list)", "（列表中已有 1 张）";
    HELD_MANY: " ({k} were already in the list)", "（列表中已有 {k} 张）";
    NAME_SEPARATOR: ", ", "、";
    AND_MORE: " and {n} more", " 等另外 {n} 个";

    // Downloads (prep::zip).
    ZIP_TOO_LARGE: "the archive is too large for a plain ZIP", "压缩包太大，无法写成普通 ZIP";

    // The prep worker and the page's side of it (bin/prep_worker.rs, web::prep_worker,
    // web::fit_image).
    WORKER_UNREADABLE_JOB: "The page sent the prep worker an unreadable job.",
        "页面发给预处理 Worker 的任务无法读取。";
    WORKER_MALFORMED_JOB: "The page sent the prep worker a malformed job.",
        "页面发给预处理 Worker 的任务格式有误。";
    COMPOSITE_NOT_ENCODED: "the composited image could not be encoded: {e}",
        "无法编码合成后的图片：{e}";
    CUTOUT_NOT_ENCODED: "the cut-out could not be encoded: {e}", "无法编码抠图结果：{e}";
    WORKER_NO_START: "The image prep worker could not start: {e}",
        "图片预处理 Worker 无法启动：{e}";
    WORKER_NO_SEND: "Could not send the file to the prep worker: {e}",
        "无法把文件发送给预处理 Worker：{e}";
    WORKER_CRASHED: "The image crashed the prep worker (the file is probably corrupt or too large for memory).",
        "这张图片让预处理 Worker 崩溃了（文件可能已损坏，或太大、内存不足）。";
    WORKER_ANSWER_UNREADABLE: "The prep worker's answer could not be read ({e}).",
        "无法读取预处理 Worker 的回应（{e}）。";
    WORKER_STOPPED: "the prep worker stopped before answering", "预处理 Worker 在回应前就停止了";
    WORKER_NO_IMAGE: "the prep worker sent no image back", "预处理 Worker 没有返回图片";
    WORKER_UNEXPECTED: "unexpected answer from the prep worker", "预处理 Worker 的回应不符合预期";
}
