//! The size rules' explanations (`sizes::rules`, `sizes::exact`).

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
}
