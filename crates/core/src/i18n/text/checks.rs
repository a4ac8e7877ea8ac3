//! "Test this endpoint" (`endpoint_check`): the checks, their verdicts, and the paid test.

crate::texts! {
    // the checks
    CHECK_CORS_GENERATIONS: "CORS, generations", "CORS：生成";
    CHECK_CORS_EDITS: "CORS, edits", "CORS：编辑";
    CHECK_AUTH: "Key", "密钥";
    CHECK_SIZE: "Size", "尺寸";
    CHECK_FORMAT: "Format", "格式";
    CHECK_N: "Several images per request", "每次请求多张图片";
    CHECK_STREAM: "Streaming", "流式";
    CHECK_PROBE: "Paid test request", "付费测试请求";
    // verdicts: CORS
    CORS_OPEN: "The browser's preflight for {url} passed (answered {status}); nothing was generated.",
        "浏览器对 {url} 的预检已通过（响应 {status}）；没有生成任何内容。";
    CORS_BLOCKED: "{url} answers, but the browser refused its CORS preflight: requests from this page will fail until the gateway allows this origin with the Authorization and Content-Type headers.",
        "{url} 有响应，但浏览器拒绝了它的 CORS 预检：在网关允许本来源携带 Authorization 和 Content-Type 请求头之前，本页的请求都会失败。";
    CORS_UNREACHABLE: "No connection to {url}: {detail}", "无法连接到 {url}：{detail}";
    CORS_UNCLEAR: "The browser refused the check of {url}, though the endpoint lets this page through elsewhere ({detail}); a real request will tell.",
        "浏览器拒绝了对 {url} 的检查，但该端点在别处允许本页访问（{detail}）；真实请求才能确定。";
    // verdicts: the key
    KEY_LISTED: "The key was accepted: {url} lists {count} models, {model} among them.",
        "密钥已被接受：{url} 列出了 {count} 个模型，其中包括 {model}。";
    KEY_UNLISTED: "The key was accepted: {url} lists {count} models, not {model}; that says nothing, gateways often leave image models out.",
        "密钥已被接受：{url} 列出了 {count} 个模型，不包括 {model}；这说明不了什么，网关常常不列出图片模型。";
    KEY_ANSWERED: "The key was accepted: {url} answered.", "密钥已被接受：{url} 有响应。";
    KEY_REFUSED: "The key was refused ({status}): {message}", "密钥被拒绝（{status}）：{message}";
    KEY_MISSING: "No key is entered, and the endpoint asks for one ({status}): {message}",
        "尚未输入密钥，而该端点需要密钥（{status}）：{message}";
    NO_MODELS: "{url} does not exist here ({status}). That proves nothing about the key: the paid test shows whether it works.",
        "这里没有 {url}（{status}）。这不能说明密钥是否有效：付费测试才能确认。";
    AUTH_UNCLEAR: "{url} answered {status} ({message}); that does not tell whether the key works.",
        "{url} 响应 {status}（{message}）；这不能说明密钥是否有效。";
    AUTH_NOT_REACHED: "{url} could not be read: {detail}", "无法读取 {url}：{detail}";
    // verdicts: the paid test
    SIZE_KEPT: "The image is {width}x{height}, as asked.", "图片为 {width}x{height}，与要求一致。";
    SIZE_CHANGED: "Asked for {width}x{height}, the image is {w}x{h}: this endpoint changes the size.",
        "要求 {width}x{height}，图片却是 {w}x{h}：此端点会改变尺寸。";
    SIZE_UNREAD: "The image's size could not be read.", "无法读取图片的尺寸。";
    FORMAT_KEPT: "The image is {got}, as asked.", "图片为 {got}，与要求一致。";
    FORMAT_CHANGED: "Asked for {asked}, the image is {got}: this endpoint does not pass output_format on.",
        "要求 {asked}，图片却是 {got}：此端点不转发 output_format。";
    FORMAT_UNREAD: "The image's format could not be read (it came as a link this page cannot read).",
        "无法读取图片的格式（它以本页无法读取的链接返回）。";
    N_KEPT: "Asked for {n} images in one request and got {n}.", "一次请求要求 {n} 张图片，得到 {n} 张。";
    N_IGNORED: "Asked for {asked} images in one request and got {got}: n is ignored here, so max images per request is now 1 (n goes as parallel requests).",
        "一次请求要求 {asked} 张图片，只得到 {got} 张：这里会忽略 n，因此每次请求最多图片数已设为 1（n 将拆成并行请求）。";
    N_REFUSED: "n={asked} was refused ({message}): max images per request is now 1.",
        "n={asked} 被拒绝（{message}）：每次请求最多图片数已设为 1。";
    STREAM_WORKS: "Answered as a stream of events.", "以事件流方式响应。";
    STREAM_IGNORED: "Asked for a stream, answered in one piece: streaming is now off for this profile.",
        "要求流式，却一次性返回：此配置的流式已关闭。";
    STREAM_FAILED: "The streamed request failed ({message}): this endpoint does not relay streams, so streaming is now off for this profile. Send the test again to check size and format.",
        "流式请求失败（{message}）：此端点不转发流，因此此配置的流式已关闭。请再次发送测试以检查尺寸和格式。";
    PROBE_ANSWERED: "Answered in {secs} s.", "用时 {secs} 秒响应。";
    PROBE_FAILED: "The test request failed: {message}", "测试请求失败：{message}";
    PROBE_FAILED_BILLED: "The test request failed, and may still have been billed: {message}",
        "测试请求失败，且仍可能已计费：{message}";
    // the panel
    TEST_ENDPOINT: "Test this endpoint", "测试此端点";
    TEST_HINT: "Free checks first: CORS of both image endpoints (a preflight, nothing generated) and the key (GET /models). A paid test request can follow; it is sent only when you confirm its price.",
        "先做免费检查：两个图片接口的 CORS（仅预检，不生成任何内容）和密钥（GET /models）。之后可以发送付费测试请求；只有在你确认价格后才会发送。";
    TESTING: "Testing…", "正在测试…";
    FINDINGS_FOR: "Findings for {base}", "{base} 的检查结果";
    PASSED: "passed", "通过";
    FAILED: "failed", "未通过";
    UNCLEAR: "unclear", "不确定";
    /// After the check's name: its outcome (`PASSED`, `FAILED`, `UNCLEAR`) and what was found.
    VERDICT_LINE: " ({word}): {message}", "（{word}）：{message}";
    PAID_WHAT: "Paid test: one low-quality {size} image of {model}, asked as {format}, for {price}. It shows which size and format this endpoint really delivers.",
        "付费测试：用 {model} 生成一张低质量 {size} 图片，要求 {format} 格式，价格 {price}。它能显示此端点实际交付的尺寸和格式。";
    PAID_N: "Ask for 2 images in one request (checks n; doubles the price)", "一次请求要求 2 张图片（检查 n；价格翻倍）";
    PAID_STREAM: "Stream it (checks streaming; where the endpoint cannot, the request fails and may still bill)",
        "使用流式（检查流式；端点不支持时请求会失败，且仍可能计费）";
    PAID_OFFER: "Send a paid test…", "发送付费测试…";
    PAID_CONFIRM_TEXT: "This sends one billable request to {base}: {price}. Nothing is sent until you press Send.",
        "这会向 {base} 发送一次计费请求：{price}。在你按下发送之前不会发送任何内容。";
    PAID_CONFIRM: "Send ({price})", "发送（{price}）";
    PAID_CANCEL: "Don't send", "不发送";
    PAID_SENDING: "Sending the paid test…", "正在发送付费测试…";
    PAID_TASK_GATEWAY: "The paid test speaks the synchronous images API; a task gateway is tested by a real request.",
        "付费测试使用同步图片接口；任务网关请用真实请求测试。";
}
