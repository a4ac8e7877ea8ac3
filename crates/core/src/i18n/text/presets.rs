//! What opening a preset link did not apply (`preset`), the saved presets and their files
//! (`preset_library`), and the endpoint profiles' names (`profiles`).

crate::texts! {
    // link notices
    LINK_NEWER_VERSION: "This link was made by a newer version ({key}); what this version understands was applied.",
        "此链接由更新的版本（{key}）生成，已应用当前版本能识别的部分。";
    LINK_BAD_ENCODING: "{key}: the value is not valid percent-encoding; ignored.",
        "{key}：该值不是有效的百分号编码，已忽略。";
    LINK_PROMPT_TOO_LONG: "The prompt is longer than {max} characters; ignored.",
        "提示词超过 {max} 个字符，已忽略。";
    LINK_BAD_MODEL: "model: empty or longer than 100 characters; ignored.",
        "model：为空或超过 100 个字符，已忽略。";
    LINK_BAD_SIZE: "size: {why} Ignored.", "size：{why}已忽略。";
    LINK_BAD_RATIO: "ratio=\"{value}\" is not one of the 15 ratios; ignored.",
        "ratio=\"{value}\" 不在 15 种比例之中，已忽略。";
    LINK_BAD_TIER: "tier=\"{value}\" must be 1K, 2K or 4K; ignored.",
        "tier=\"{value}\" 必须是 1K、2K 或 4K，已忽略。";
    LINK_BAD_STREAM: "stream=\"{value}\" must be 1 or 0; ignored.",
        "stream=\"{value}\" 必须是 1 或 0，已忽略。";
    LINK_BAD_BASE: "base: {why} Ignored.", "base：{why}已忽略。";
    LINK_API_KEY: "The link carried an API key; it was ignored. Keys never travel in links.",
        "链接中带有 API 密钥，已忽略。密钥从不通过链接传递。";
    LINK_UNKNOWN_SETTING: "\"{key}\" is not a setting this version knows; ignored.",
        "“{key}”不是当前版本认识的设置，已忽略。";
    LINK_UNKNOWN_VALUE: "{key}=\"{value}\" is not a known value; ignored.",
        "{key}=\"{value}\" 不是可识别的值，已忽略。";
    LINK_BAD_NUMBER: "{key}=\"{value}\" must be a whole number from {min} to {max}; ignored.",
        "{key}=\"{value}\" 必须是 {min} 到 {max} 之间的整数，已忽略。";
    // saved presets
    NAME_MISSING: "Give the preset a name.", "请为预设命名。";
    NAME_TOO_LONG: "Preset names are at most 80 characters.", "预设名称最多 80 个字符。";
    NAME_TAKEN: "A preset named \"{name}\" already exists.", "已有名为“{name}”的预设。";
    NOT_FOUND: "No preset named \"{name}\".", "没有名为“{name}”的预设。";
    NOT_A_PRESETS_FILE: "This is not a presets file exported by this app ({e}).",
        "这不是本应用导出的预设文件（{e}）。";
    WRONG_FORMAT: "This file's format is \"{format}\", not {expected}.",
        "此文件的格式是“{format}”，而不是 {expected}。";
    BASE_DROPPED: "\"{name}\": its base URL was dropped (presets never carry endpoints)",
        "“{name}”：其 Base URL 已移除（预设从不携带接口地址）";
    SKIPPED: "a preset was skipped: {why}", "跳过了一个预设：{why}";
    ABOUT_PRESET: "\"{name}\": {notice}", "“{name}”：{notice}";
    IMPORTED_ONE: "Imported {n} preset.", "已导入 {n} 个预设。";
    IMPORTED_MANY: "Imported {n} presets.", "已导入 {n} 个预设。";
    IMPORT_PROBLEMS: "{imported} {problems}", "{imported}注意：{problems}";
    PROBLEMS_SEPARATOR: "; ", "；";
    // profiles
    PROFILE_NAME_MISSING: "A profile needs a name.", "配置需要一个名称。";
    PROFILE_NAME_TOO_LONG: "Keep the name under {max} characters.", "名称不能超过 {max} 个字符。";
    PROFILE_NAME_TAKEN: "Another profile is already called \"{name}\".", "已有另一个配置叫“{name}”。";
    PROFILE_GONE: "That profile no longer exists.", "该配置已不存在。";
    PROFILE_LAST: "The last profile cannot be deleted; edit it instead.",
        "不能删除最后一个配置，请改为编辑它。";
}
