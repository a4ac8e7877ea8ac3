//! history.

crate::texts! {
    ONLY_LINK_KEPT: "Only a link was kept for this image.", "此图片只保留了链接。";
    COULD_NOT_READ: "Could not read the image: {e}.", "无法读取图片：{e}。";
    ONLY_LINK_KEPT_LOWER: "only a link was kept for this image", "此图片只保留了链接";
    DOWNLOAD_FAILED: "Download failed: {e}.", "下载失败：{e}。";
    SETTINGS_RESTORED: "The form now holds that result's settings.", "表单已载入该结果的设置。";
    ADDED_TO_REFERENCES: "Added to the references: the next request is an edit of it.",
        "已添加到参考图：下一次请求将基于它编辑。";
    COULD_NOT_USE: "Could not use it as a reference: {e}.", "无法将其用作参考图：{e}。";
    COULD_NOT_DELETE: "Could not delete: {e}.", "无法删除：{e}。";
    LINK_ONLY: "link only", "仅链接";
    SELECT_FOR_DOWNLOAD: "Select for download", "选择以下载";
    OPEN_IN_VIEWER: "Open in the viewer", "在查看器中打开";
    CLOSE: "Close", "关闭";
    OPEN: "Open", "打开";
    DOWNLOAD: "Download", "下载";
    EDIT_THIS: "Edit this", "编辑此图";
    USE_SETTINGS: "Use these settings", "使用这些设置";
    DELETE: "Delete", "删除";
    FULL_IMAGE: "Full image", "完整图片";
    COULD_NOT_DELETE_HISTORY: "Could not delete the history: {e}.", "无法删除历史记录：{e}。";
    SKIPPED_LINKS: "{n} item(s) were kept only as links and are not in the zip.",
        "{n} 项只保留了链接，未包含在 zip 中。";
    COULD_NOT_BUILD_ZIP: "Could not build the zip: {e}.", "无法生成 zip：{e}。";
    HISTORY_N: "History ({n})", "历史记录（{n}）";
    KEPT_IN_BROWSER: "Results are kept in this browser (IndexedDB), never the key.",
        "结果保存在此浏览器中（IndexedDB），密钥从不保存。";
    DOWNLOAD_ALL: "Download all (zip)", "全部下载（zip）";
    DOWNLOAD_SELECTED: "Download selected ({n})", "下载所选（{n}）";
    REALLY_DELETE_ALL: "Really delete all {n}?", "确定删除全部 {n} 项？";
    DELETE_ALL: "Delete all", "全部删除";
    NOTHING_STORED: "Nothing stored yet: every finished image is kept here, across reloads. ",
        "尚无保存内容：每张完成的图片都会保存在这里，刷新后依然保留。";
    WRITE_PROMPT: "Write a prompt", "写一段提示词";
    INTERRUPTED: "Interrupted: may have been billed. ", "已中断：可能已计费。";
    REFS_NOT_KEPT: "Its reference images were not kept: add them again, then use these settings.",
        "它的参考图未保留：请重新添加，然后使用这些设置。";
    SEND_AGAIN: "Send again (bills again)", "重新发送（会再次计费）";
    DISMISS: "Dismiss", "忽略";
    INTERRUPTED_REQUESTS: "Interrupted requests", "已中断的请求";
    EXPIRES_AT: " · expires at ", " · 失效时间 ";
    FETCHED: "Fetched and stored in the history.", "已取回并保存到历史记录。";
    IMAGE_LINK: "Image link", "图片链接";
    TRY_AGAIN: "Try again to fetch it", "再次尝试取回";
}
