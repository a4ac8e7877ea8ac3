//! Keeping things in the browser: the history's database, saving files, the history as the
//! page lists it.

crate::texts! {
    // the database (web::idb)
    STORAGE_FULL: "Storage is full, so this image was not saved to the history (nothing was half-written). It is still shown here: download it now, and delete old history items to make room.",
        "存储空间已满，因此这张图片未保存到历史记录（没有写入不完整的数据）。它仍显示在这里：请立即下载，并删除旧的历史记录以腾出空间。";
    NOT_SAVED: "This image could not be saved to the history ({why}). It is still shown here: download it now.",
        "这张图片无法保存到历史记录（{why}）。它仍显示在这里：请立即下载。";
    DB_OPEN_FAILED: "could not open the history database: {why}", "无法打开历史记录数据库：{why}";
    NO_INDEXEDDB: "this browser offers no IndexedDB (private mode may disable it)",
        "此浏览器不提供 IndexedDB（隐私模式可能会禁用它）";
    UNKNOWN_ERROR: "unknown error", "未知错误";
    // files (web::download)
    NOT_DATA_URL: "not a base64 data: URL", "不是 base64 data: URL";
    NOT_BASE64: "the image data is not valid base64: {e}", "图片数据不是有效的 base64：{e}";
    BUILD_FILE_FAILED: "could not build the file: {e}", "无法生成文件：{e}";
    DOWNLOAD_LINK_FAILED: "could not build a download link: {e}", "无法生成下载链接：{e}";
    NO_DOCUMENT: "no document", "页面文档不可用";
    // the history as listed (app::gallery)
    UNREADABLE_ITEMS: "{n} stored item(s) could not be read and are not listed: {first}.",
        "有 {n} 个已保存的项目无法读取，未列出：{first}。";
    READ_FAILED: "The history could not be read: {e}.", "无法读取历史记录：{e}。";
    CANNOT_KEEP: "Results cannot be kept in this browser: {e}. Download what you want to keep.",
        "此浏览器无法保存结果：{e}。请下载想要保留的图片。";
    NOT_OPEN_YET: "The history is not open yet; download this image to keep it.",
        "历史记录尚未打开；请下载这张图片以保留它。";
    NOT_OPEN: "the history is not open", "历史记录未打开";
    DAMAGED: "an image's data is damaged and was not saved", "一张图片的数据已损坏，未保存";
    NO_STORED_IMAGE: "none of these items has a stored image", "这些项目都没有已保存的图片";
    ZIP_FAILED: "the browser could not build the ZIP", "浏览器无法生成 ZIP";
    FILE_FAILED: "the browser could not make a file of it", "浏览器无法把它生成文件";
    FETCHED_UNREADABLE: "the fetched image could not be read", "无法读取取回的图片";
}
