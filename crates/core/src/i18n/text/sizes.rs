//! The size rules' explanations (`sizes::rules`, `sizes::exact`), why a typed size cannot be
//! read, and the presets' labels (`sizes::parse`).

crate::texts! {
    NOT_MULTIPLE: "{value} is not a multiple of 16 (the {edge}); use {down} or {up}.",
        "{value} 不是 16 的倍数（{edge}）；请用 {down} 或 {up}。";
    EDGE_TOO_SMALL: "The {edge} {value} is below the minimum edge of {min}.",
        "{edge} {value} 小于最小边长 {min}。";
    EDGE_TOO_LARGE: "The {edge} {value} is above the maximum edge of {max}.",
        "{edge} {value} 大于最大边长 {max}。";
    TOO_ELONGATED: "{long}:{short} is {ratio}:1; the long edge may be at most 3 times the short edge.",
        "{long}:{short} 为 {ratio}:1；长边最多为短边的 3 倍。";
    TOO_FEW_PIXELS: "{pixels} pixels is below the minimum of {min} (e.g. 1024x640).",
        "{pixels} 像素低于最小值 {min}（例如 1024x640）。";
    TOO_MANY_PIXELS: "{pixels} pixels is above the maximum of {max} (3840x2160).",
        "{pixels} 像素超过最大值 {max}（3840x2160）。";
    NOT_STABLE: "{model} takes only 1024x1024, 1536x1024, 1024x1536 or auto; gpt-image-2 takes other sizes.",
        "{model} 只接受 1024x1024、1536x1024、1024x1536 或 auto；gpt-image-2 可用其他尺寸。";
    WIDTH: "width", "宽度";
    HEIGHT: "height", "高度";
    EXPERIMENTAL: "Above 2560x1440 sizes are experimental: slower, and results are less consistent.",
        "超过 2560x1440 的尺寸属于实验性：更慢，结果也更不稳定。";
    SIZE_PARSE: "Size: {why}", "尺寸：{why}";
    NOT_ENFORCED: "{problem} (gpt-image-2's rule; {model} may differ)",
        "{problem}（gpt-image-2 的规则；{model} 可能不同）";
    // parse: why a typed size cannot be read
    PARSE_EXPECTED: "expected WIDTHxHEIGHT such as 1536x1024, or auto",
        "应为 宽x高 的形式，例如 1536x1024，或 auto";
    PARSE_EMPTY: "empty; {expected}.", "为空；{expected}。";
    PARSE_NO_X: "\"{text}\" has no x between width and height; {expected}.",
        "“{text}”的宽和高之间没有 x；{expected}。";
    PARSE_NOT_NUMBER: "the {edge} \"{text}\" is not a whole number; {expected}.",
        "{edge}“{text}”不是整数；{expected}。";
    PARSE_ZERO: "the {edge} must be a positive number of pixels, not {text}.",
        "{edge}必须是正的像素数，不能是 {text}。";
    PARSE_TOO_LARGE: "the {edge} {text} is far too large: the longest edge gpt-image-2 makes is {max} pixels.",
        "{edge} {text} 太大了：gpt-image-2 能生成的最长边为 {max} 像素。";
    // the presets
    PRESET_AUTO: "Auto (model decides)", "自动（由模型决定）";
    PRESET_SQUARE: "Square 1024×1024", "正方形 1024×1024";
    PRESET_LANDSCAPE: "Landscape 3:2 1536×1024", "横版 3:2 1536×1024";
    PRESET_PORTRAIT: "Portrait 2:3 1024×1536", "竖版 2:3 1024×1536";
    PRESET_2K_SQUARE: "2K square 2048×2048", "2K 正方形 2048×2048";
    PRESET_2K_WIDE: "16:9 2K 2048×1152", "16:9 宽屏 2K 2048×1152";
    PRESET_4K_UHD: "4K UHD 3840×2160", "4K 超高清 3840×2160";
    PRESET_4K_PORTRAIT: "4K portrait 2160×3840", "4K 竖版 2160×3840";
}
