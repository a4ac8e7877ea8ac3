//! What conversational editing says (`conversation`): turns on the Responses API, their
//! answers, and threads.

crate::texts! {
    // conversation::responses_request: a turn that cannot be sent yet.
    EMPTY_TEXT_MODEL: "Enter a text model for the conversation, e.g. {model}.",
        "请输入对话使用的文本模型，例如 {model}。";
    ONE_IMAGE_PER_TURN: "A conversation turn makes 1 image (n is {n}); set n to 1.",
        "每轮对话只生成 1 张图片（当前 n 为 {n}）；请把 n 设为 1。";
    REFERENCE_NOT_DATA_URL: "Reference {index} is not an image in a data: URL; add it again from a file.",
        "参考图 {index} 不是 data: URL 形式的图片；请从文件重新添加。";
    MASK_NOT_PNG: "The mask must be a PNG with an alpha channel; paint it again.",
        "蒙版必须是带 Alpha 通道的 PNG；请重新绘制。";
    MASK_WITHOUT_IMAGE: "A mask needs an image to edit: add a reference or continue from an earlier turn.",
        "蒙版需要一张要编辑的图片：请添加参考图，或从之前的某一轮继续。";
    MASK_WITH_GENERATE: "The action \"generate\" ignores images, so the mask would be lost; choose edit or auto.",
        "“generate”操作会忽略图片，蒙版将不起作用；请选择 edit 或 auto。";
    EDIT_WITHOUT_IMAGE: "The action \"edit\" needs an image: add a reference or continue from an earlier turn.",
        "“edit”操作需要图片：请添加参考图，或从之前的某一轮继续。";
    TOO_MANY_REFERENCES: "{model} takes at most {max} references; this turn has {count}.",
        "{model} 最多接受 {max} 张参考图；本轮有 {count} 张。";
    EMPTY_CHAIN_ID: "The earlier turn has no id to continue from; start a new conversation from its image.",
        "之前的那一轮没有可用于继续的 ID；请用它的图片开始新的对话。";

    // conversation::responses_answer: an answer without an image.
    NO_MESSAGE: "no details given", "未提供详情";
    NOT_JSON: "The answer is not JSON: {snippet}", "返回内容不是 JSON：{snippet}";
    FAILED: "The response failed: {message}", "响应失败：{message}";
    FAILED_CODE: "The response failed ({code}): {message}", "响应失败（{code}）：{message}";
    INCOMPLETE: "The response stopped before an image ({reason}).", "响应在生成图片前中止（{reason}）。";
    INCOMPLETE_FILTER: "The response was stopped by the content filter before an image; reword the prompt.",
        "响应在生成图片前被内容过滤器中止；请修改提示词。";
    TEXT_ONLY: "The model answered in text: {text}", "模型以文字作答：{text}";
    NO_IMAGE: "The answer holds no image and no message.", "返回内容中既没有图片也没有消息。";
    CALL_FAILED: "The image call {id} ended without an image (status {status}).",
        "图片调用 {id} 结束时没有图片（状态 {status}）。";
    NO_RESPONSE_ID: "The answer has no response id, so the conversation cannot go on from it.",
        "返回内容没有响应 ID，对话无法从这里继续。";
    STREAM_ERROR: "The stream reported an error: {message}", "流报告了错误：{message}";
    STREAM_CUT: "The stream ended before the image ({partials} previews arrived); the endpoint may still bill it.",
        "流在图片完成前中断（已收到 {partials} 张预览图）；接口仍可能计费。";

    // conversation::thread.
    NO_SUCH_TURN: "Turn {id} is not in this conversation.", "本对话中没有第 {id} 轮。";
    THREAD_BROKEN: "This conversation could not be read: its turns do not form a tree.",
        "无法读取此对话：其中的轮次无法构成一棵树。";
    SHARE_TOO_LONG: "The conversation is too long to share as a link ({chars} characters, at most {max}); share one branch.",
        "对话太长，无法作为链接分享（{chars} 个字符，上限 {max}）；请只分享一个分支。";
    SHARE_UNREADABLE: "This conversation link cannot be read.", "无法读取此对话链接。";
    SHARED_PROMPT_TOO_LONG: "Turn {turn} of the shared conversation has a prompt of {chars} characters; the limit is {max}.",
        "分享的对话中第 {turn} 轮的提示词有 {chars} 个字符，上限为 {max}。";
}
