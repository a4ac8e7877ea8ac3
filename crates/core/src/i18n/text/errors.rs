//! What went wrong with a request, as `api::error::ApiError` and `api::retry::Failure` say it.

crate::texts! {
    BAD_REQUEST_PARAM: "The endpoint refused the request (400, parameter \"{param}\"): {message}",
        "接口拒绝了请求（400，参数 \"{param}\"）：{message}";
    BAD_REQUEST: "The endpoint refused the request (400): {message}",
        "接口拒绝了请求（400）：{message}";
    UNAUTHORIZED: "The key was refused (401): {message} Check the API key for this base URL.",
        "密钥被拒绝（401）：{message} 请检查此 Base URL 对应的 API 密钥。";
    FORBIDDEN: "Blocked (403): {message} This is usually moderation: reword the prompt, or set moderation to low.",
        "已被拦截（403）：{message} 这通常是内容审核所致：请改写提示词，或将 moderation 设为 low。";
    TOO_LARGE: "The request body was too large (413). Lower the upload budget for references; proxies often cap bodies at 1 MB.",
        "请求体过大（413）。请调低参考图的上传预算；代理常把请求体限制在 1 MB。";
    RATE_LIMITED: "Rate limited or out of balance (429): {message}",
        "触发限流或余额不足（429）：{message}";
    RATE_LIMITED_WAIT: " The endpoint asks to wait {secs} s.",
        " 接口要求等待 {secs} 秒。";
    SERVER: "The endpoint failed ({status}): {message} This is usually temporary; try again.",
        "接口出错（{status}）：{message} 这通常是暂时的，请重试。";
    UNAVAILABLE: "The endpoint is busy (503): {message} It asks to wait {secs} s.",
        "接口繁忙（503）：{message} 它要求等待 {secs} 秒。";
    HTML_PAGE: "The endpoint answered {status} with a web page (\"{title}\") instead of JSON: a proxy or gateway in front of the API failed or the base URL is wrong.",
        "接口以网页（\"{title}\"）而非 JSON 回应了 {status}：API 前面的代理或网关出错，或 Base URL 有误。";
    HTTP: "The endpoint answered {status}: {message}", "接口返回 {status}：{message}";
    NETWORK: "The connection to {base_url} broke before an answer arrived ({detail}). The request may have reached the model and may be billed, so it was not sent again by itself. If the endpoint does not accept calls from a browser (CORS), a proxy is needed.",
        "与 {base_url} 的连接在收到回应前中断（{detail}）。请求可能已到达模型并可能已计费，因此没有自动重发。如果该接口不接受浏览器调用（CORS），需要代理。";
    UNREACHABLE: "Could not reach {base_url} ({detail}): no connection was made, so nothing was sent or billed. Check the URL and the network.",
        "无法连接 {base_url}（{detail}）：连接未建立，因此没有发送也没有计费。请检查网址和网络。";
    CORS_BLOCKED: "{base_url} does not accept calls from a browser (CORS) and a proxy is needed: the browser stopped the request before it was sent, so nothing was billed.",
        "{base_url} 不接受浏览器调用（CORS），需要代理：浏览器在发送前就拦下了请求，因此没有计费。";
    OFFLINE: "You are offline. Generating needs the network; the app itself keeps working offline.",
        "当前处于离线状态。生成需要网络；应用本身离线也能使用。";
    TIMEOUT: "No answer within {secs} s, so the request was given up. The server may still finish and bill it.",
        "{secs} 秒内没有回应，已放弃该请求。服务器仍可能完成并计费。";
    CANCELLED: "Cancelled. The server may still finish the image and bill it.",
        "已取消。服务器仍可能完成这张图片并计费。";
    STREAM_ERROR: "The endpoint reported an error while streaming: {message}",
        "接口在流式传输中报告了错误：{message}";
    STREAM_CUT_ONE: "The stream ended before the final image ({partials} partial image arrived). The server may still finish and bill it; Retry sends it again.",
        "流在最终图片之前结束（收到 {partials} 张预览图）。服务器仍可能完成并计费；点“重试”会再次发送。";
    STREAM_CUT_MANY: "The stream ended before the final image ({partials} partial images arrived). The server may still finish and bill it; Retry sends it again.",
        "流在最终图片之前结束（收到 {partials} 张预览图）。服务器仍可能完成并计费；点“重试”会再次发送。";
    TASK_FAILED_CODE: "The gateway's task failed ({code}): {message} (task {task_id})",
        "网关任务失败（{code}）：{message}（任务 {task_id}）";
    TASK_FAILED: "The gateway's task failed: {message} (task {task_id})",
        "网关任务失败：{message}（任务 {task_id}）";
    LINK_UNREADABLE: "The result at {url} could not be fetched ({detail}): its server may not let this page read it (CORS). The link is kept; open it before it expires.",
        "无法获取 {url} 处的结果（{detail}）：其服务器可能不允许本页读取（CORS）。链接已保留，请在过期前打开。";
    NOT_RETRIED_RATE: " It was not retried automatically: the wait asked for is longer than this app waits by itself.",
        " 未自动重试：要求的等待时间超过本应用自动等待的上限。";
    STILL_LIMITED_ONE: " Still limited after {n} retry (waited {waited} in all).",
        " 重试 {n} 次后仍被限流（共等待 {waited}）。";
    STILL_LIMITED_MANY: " Still limited after {n} retries (waited {waited} in all).",
        " 重试 {n} 次后仍被限流（共等待 {waited}）。";
    GAVE_UP_ONE: " Gave up after {n} automatic retry (waited {waited} between attempts).",
        " 自动重试 {n} 次后放弃（两次尝试之间共等待 {waited}）。";
    GAVE_UP_MANY: " Gave up after {n} automatic retries (waited {waited} between attempts).",
        " 自动重试 {n} 次后放弃（两次尝试之间共等待 {waited}）。";
    // a gateway's exception text (`api::gateway_text`)
    GATEWAY_SAYS: "{gateway}: {kind}: {upstream}", "{gateway}：{kind}：{upstream}";
    GATEWAY_CONNECTION: "it got no usable answer from the upstream API",
        "它没有从上游 API 得到可用的回应";
    GATEWAY_REFUSED: "the upstream API refused the request", "上游 API 拒绝了请求";
    GATEWAY_RATE_LIMITED: "the upstream API is rate-limiting it or its balance ran out",
        "上游 API 对它限流或余额已用完";
    GATEWAY_AUTH: "the upstream API refused its key", "上游 API 拒绝了它的密钥";
    GATEWAY_CONTENT_POLICY: "the upstream moderation refused the prompt", "上游内容审核拒绝了提示词";
    GATEWAY_TIMEOUT: "the upstream API did not answer in time", "上游 API 未及时回应";
    GATEWAY_UPSTREAM: "the upstream API failed", "上游 API 出错";
    GATEWAY_OTHER: "it reported an error", "它报告了错误";
}
