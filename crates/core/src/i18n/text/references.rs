//! references.

crate::texts! {
    KEEP_OUTSIDE: " Keep image 1 outside the mask (paste it back on each result)",
        " 保留图片 1 蒙版外的区域（贴回每个结果）";
    FEATHER: " Feather ", " 羽化 ";
    PX: " px", " px";
    KEEP_OUTSIDE_HINT: "The model treats the mask as a guide and often changes pixels outside it. With this on, each result that has image 1's aspect ratio also comes with image 1's own pixels outside the mask, blended over the feather radius; both are kept.",
        "模型只把蒙版当作参考，常会改动蒙版外的像素。开启后，与图片 1 宽高比相同的每个结果都会另附一版：蒙版外使用图片 1 原本的像素，并在羽化半径内融合；两版都会保留。";
    MASK_PREPARING: "{name}: preparing for image 1…", "{name}：正在为图片 1 处理…";
    IMAGE1_AS_PNG: "image 1 goes as PNG too (profile option), {size}", "图片 1 也以 PNG 发送（配置选项），{size}";
    IMAGE1_AS_PREPARED: "image 1 goes as prepared", "图片 1 按处理后的文件发送";
    MASK_SENT: "{name}: sent as a {w}x{h} PNG, {size} (image 1's size as sent); {image1}{note}.",
        "{name}：以 {w}x{h} 的 PNG 发送，{size}（与发送的图片 1 尺寸相同）；{image1}{note}。";
    MASK_LABEL: "Mask for image 1 (PNG, transparent where it should change)", "图片 1 的蒙版（PNG，需要修改处透明）";
    REMOVE_MASK: "Remove the mask", "移除蒙版";
    NOTHING_PAINTED: "Mask {size}: nothing painted yet, so no mask is sent. Paint where image 1 should change.",
        "蒙版 {size}：尚未涂抹，因此不会发送蒙版。请在图片 1 需要修改的地方涂抹。";
    PAINTED_SHARE: "Mask {size}: {share}% painted (transparent: to be redrawn); the rest is kept.",
        "蒙版 {size}：已涂抹 {share}%（透明部分将重绘）；其余保留。";
    PAINT_NEEDS_IMAGE: "To paint a mask, add a reference image: the mask applies to image 1.",
        "要涂抹蒙版，请先添加参考图：蒙版作用于图片 1。";
    CLOSE_PAINTER: "Close the mask painter", "关闭蒙版绘制";
    OPEN_PAINTER: "Paint a mask on image 1", "在图片 1 上涂抹蒙版";
    UPLOADED_IN_USE: "An uploaded mask is in use: painting replaces it.", "正在使用上传的蒙版：涂抹会替换它。";
    IMAGE_1: "Image 1", "图片 1";
    CANVAS_LABEL: "Mask over image 1: drag to paint", "图片 1 上的蒙版：拖动以涂抹";
    TOOL_TITLE: "{label} ({key})", "{label}（{key}）";
    MASK_TOOLS: "Mask tools", "蒙版工具";
    BRUSH: "Brush", "画笔";
    ERASER: "Eraser", "橡皮擦";
    RECTANGLE: "Rectangle", "矩形";
    SIZE: "Size ", "大小 ";
    SIZE_PX: " {px} px", " {px} px";
    INVERT: "Invert", "反选";
    CLEAR: "Clear", "清除";
    UNDO_TITLE: "Undo (Ctrl+Z)", "撤销（Ctrl+Z）";
    UNDO: "Undo", "撤销";
    REDO_TITLE: "Redo (Ctrl+Shift+Z)", "重做（Ctrl+Shift+Z）";
    REDO: "Redo", "重做";
    SHOW_PAINTED: " Show painted area", " 显示涂抹区域";
    ZOOM: "Zoom ", "缩放 ";
    FIT: "Fit", "适应";
    DROP_HERE: "Drop images anywhere to add them as references", "将图片拖放到任意位置即可添加为参考图";
    PREP_SUMMARY: "Prep: long edge ≤ {edge} px, ≤ {mb} MB per file{text}", "预处理：长边 ≤ {edge} px，每个文件 ≤ {mb} MB{text}";
    PREP_TEXT_MODE: ", text/graphics", "，文字/图形";
    LONG_EDGE: "Long edge (px)", "长边（px）";
    BYTE_BUDGET: "Byte budget (MB)", "字节预算（MB）";
    TEXT_GRAPHICS: " Text / graphics (sharper: q92-95 or PNG)", " 文字/图形（更清晰：q92-95 或 PNG）";
    PREP_HINT: "Use 1 MB for gateways behind a 1 MB proxy limit. Changing these prepares the files again.",
        "若网关前有 1 MB 的代理限制，请设为 1 MB。修改这些设置会重新处理文件。";
    SENT_AS_IS: "sent as it is", "原样发送";
    ENCODE_ONE: "{ms} ms, {n} encode", "{ms} 毫秒，编码 {n} 次";
    ENCODE_MANY: "{ms} ms, {n} encodes", "{ms} 毫秒，编码 {n} 次";
    PNG_FOR_MASK: " · as PNG for the mask (profile option)", " · 因蒙版以 PNG 发送（配置选项）";
    PREPARING: "Preparing…", "处理中…";
    PREPARING_PNG: "Preparing as PNG for the mask…", "正在为蒙版处理为 PNG…";
    DOWNLOAD: "Download", "下载";
    MOVE_UP: "Move {name} up", "上移 {name}";
    MOVE_DOWN: "Move {name} down", "下移 {name}";
    REMOVE: "Remove {name}", "移除 {name}";
    ZIP_FAILED: "Could not build the ZIP: {e}", "无法生成 ZIP：{e}";
    REFERENCE_IMAGES: "Reference images", "参考图";
    ADD_IMAGES: "Add images (or drop them here, or paste)", "添加图片（也可拖放到此处或粘贴）";
    COUNT_HINT: "{n} of {max}; prepared in your browser, nothing is sent until you generate.",
        "{n} / {max}；在浏览器中处理，生成前不会发送任何内容。";
    TOO_MANY: "More than {n} references: quality drops, and one gateway caps requests at 5.",
        "参考图超过 {n} 张：质量会下降，且有网关限制每次请求最多 5 张。";
    DOWNLOAD_ZIP: "Download prepared files (ZIP)", "下载处理后的文件（ZIP）";
    CUTOUT_OFFER_HINT: "This endpoint does not make transparent backgrounds. The app can ask for the subject on a flat key colour instead and cut it out here.",
        "此端点不支持透明背景。应用可以改为请求纯色抠像背景上的主体，再在这里把它抠出来。";
    CUTOUT_SEND_AGAIN: "Send again, cut out in the browser", "重新发送，在浏览器中抠图";
    PASTING_BACK: "Pasting image 1 back outside the mask…", "正在把图片 1 贴回蒙版外区域…";
    CUTTING_OUT: "Cutting the subject out of its backdrop…", "正在从背景中抠出主体…";
    KEEP_OUTSIDE_REFUSED: "Image 1 cannot be kept outside the mask: {why}", "无法保留图片 1 的蒙版外区域：{why}";
    NO_CUTOUT: "No cut-out: {why}. The image as made is kept.", "未抠图：{why}。已保留原生成图片。";
    IMAGE_NOT_HELD: "the image is not held", "图片未保留";
    KEPT_OUTSIDE_ALT: "Result with image 1 kept outside the mask", "保留图片 1 蒙版外区域的结果";
    KEPT_OUTSIDE_CAPTION: "Image 1 kept outside the mask ({share}% redrawn, feather {feather} px) · {width}x{height} · {ms} ms",
        "已保留图片 1 的蒙版外区域（重绘 {share}%，羽化 {feather} px）· {width}x{height} · {ms} 毫秒";
    CUTOUT_ALT: "The subject cut out, on a checkerboard where it is transparent", "抠出的主体，透明处显示为棋盘格";
    CUTOUT_CAPTION: "Cut out in the browser from the {key} backdrop: {share}% transparent · {width}x{height} · {ms} ms",
        "已在浏览器中从{key}背景抠出：{share}% 透明 · {width}x{height} · {ms} 毫秒";
    DOWNLOAD_CUTOUT: "Download cut-out", "下载抠图";
}
