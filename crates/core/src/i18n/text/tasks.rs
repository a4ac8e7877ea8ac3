//! Task gateways: the pasted links (`tasks::request`), a failed task's fallback words
//! (`tasks::answer`), when result links expire (`tasks::schedule`).

crate::texts! {
    // tasks::request
    URL_NOT_PUBLIC: "it must be a public http:// or https:// link (a local file cannot be sent to a task gateway)",
        "必须是公开的 http:// 或 https:// 链接（本地文件无法发送给任务网关）";
    URL_NO_HOST: "it has no host name", "缺少主机名";
    URL_SPACES: "it contains spaces", "包含空格";
    IMAGE_URL_LINE: "Image URL on line {line} (\"{url}\"): {why}.",
        "第 {line} 行的图片 URL（“{url}”）{why}。";
    URLS_GIVEN: "{count} image URLs were given; a task gateway takes at most {max}.",
        "填写了 {count} 个图片 URL；任务网关最多接受 {max} 个。";
    MASK_URL: "Mask URL \"{url}\": {why}.", "蒙版 URL（“{url}”）{why}。";
    TOO_MANY_URLS: "A task gateway takes at most {max} image URLs, not {count}.",
        "任务网关最多接受 {max} 个图片 URL，当前为 {count} 个。";
    MASK_NEEDS_IMAGE: "A mask URL needs at least one image URL: the mask applies to the first image.",
        "蒙版 URL 需要至少一个图片 URL：蒙版作用于第一张图片。";

    // tasks::answer
    FAILED_WITHOUT_MESSAGE: "the task {status} without a message", "任务状态为 {status}，未附说明";

    // tasks::schedule
    EXPIRED: "expired", "已过期";
    EXPIRES_IN_HOURS: "expires in {h} h {m} min", "还剩 {h} 小时 {m} 分钟";
    EXPIRES_IN_MINUTES: "expires in {m} min", "还剩 {m} 分钟";
}
