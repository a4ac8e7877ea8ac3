//! The advice on the prompt as it is typed (`prompt_checks`).

crate::texts! {
    LONG_PROMPT: "{words} words at {quality} quality: long prompts take longer and rarely look better; consider trimming to about 200.",
        "{words} 个词、{quality} 质量：提示词越长耗时越久，效果却很少因此更好；建议精简到 200 词左右。";
    NAME_REFERENCES: "With {references} references, refer to them as \"image 1\", \"image 2\"… in upload order.",
        "有 {references} 张参考图时，请按上传顺序称它们为“图 1”“图 2”…（或 image 1、image 2）。";
}
