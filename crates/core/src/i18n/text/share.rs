//! share.

crate::texts! {
    CANNOT_SEND_YET: "# The form cannot be sent yet: {why}", "# 表单暂时无法发送：{why}";
    COPY_AS_CODE: "Copy as code", "复制为代码";
    LANGUAGE: "Language", "语言";
    COPY: "Copy", "复制";
    SNIPPET_FILES: "The snippet reads these prepared files: save them beside it.",
        "代码会读取这些处理后的文件：请把它们保存在代码旁边。";
    SAVED_AS: "Saved as \"{name}\".", "已保存为“{name}”。";
    APPLIED: "Applied \"{title}\".", "已应用“{title}”。";
    EXPORT_FAILED: "Export failed: {e}", "导出失败：{e}";
    FILE_UNREADABLE: "The file could not be read.", "无法读取该文件。";
    SAVED_PRESETS: "Saved presets", "已保存的预设";
    PRESET_NAME: "Preset name", "预设名称";
    NAME_PLACEHOLDER: "Name these settings", "为这些设置命名";
    SAVE: "Save", "保存";
    CLASH: "A preset named \"{taken}\" already exists with other settings.", "已有名为“{taken}”的预设，其设置不同。";
    REPLACE: "Replace it", "替换";
    KEEP_BOTH: "Keep both", "保留两者";
    CANCEL: "Cancel", "取消";
    APPLY: "Apply", "应用";
    DELETE: "Delete", "删除";
    EXPORT_JSON: "Export JSON", "导出 JSON";
    IMPORT_JSON: "Import JSON", "导入 JSON";
    SHARE: "Share", "分享";
    LINK_LABEL: "Link to these settings (no key, no images)", "这些设置的链接（不含密钥和图片）";
    COPIED: "Copied", "已复制";
    COPY_LINK: "Copy link", "复制链接";
    INCLUDE_BASE_URL: " include the base URL", " 包含 Base URL";
}
