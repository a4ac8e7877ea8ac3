//! endpoint.

crate::texts! {
    LAST_REQUEST: "Last request: {note}", "上次请求：{note}";
    LAST_REQUEST_FAILED: "Last request failed: {note}", "上次请求失败：{note}";
    ANSWERED_BEFORE: "Answered before on this device; nothing sent yet in this tab.",
        "此前在本设备上有过响应；本标签页尚未发送请求。";
    NOTHING_SENT: "Nothing sent to it yet.", "尚未向它发送请求。";
    SET_UP: "Set up an endpoint · {host}", "设置端点 · {host}";
    STATUS_SR: ". {status}", "。{status}";
    LINK_OTHER_ENDPOINT: "This link points to another endpoint: {base}. Your key for {current} is never sent there (it stays kept for {current}). Switch to it?",
        "此链接指向另一个端点：{base}。你用于 {current} 的密钥绝不会发送到那里（它仍保留给 {current}）。要切换过去吗？";
    SWITCHED_TO: "Switched to the profile for {target}. Enter a key for it if it needs one; your other key stays with its own profile.",
        "已切换到 {target} 的配置。如需密钥请为它输入；你的另一个密钥仍保留在原配置中。";
    SWITCH_KEEP_KEY: "Switch (my key stays behind)", "切换（我的密钥留在原处）";
    STAY_ON: "Stay on {current}", "留在 {current}";
    LIMITS: "Limits for this endpoint", "此端点的限制";
    MAX_PER_REQUEST: "Max images per request", "每次请求最多图片数";
    PARALLEL: "Parallel requests", "并行请求数";
    TIMEOUT: "Timeout (s)", "超时（秒）";
    TIMEOUT_PLACEHOLDER: "auto: 60-360 by quality and size", "自动：按质量和尺寸 60-360";
    SERVER_RETRIES: "Retries of 5xx answers", "5xx 响应重试次数";
    /// The timeout as the subject of `OPTION_NUMBER`.
    THE_TIMEOUT: "The timeout", "超时时间";
    OPTION_NUMBER: "{what} must be a whole number from {min} to {max}, not \"{text}\".",
        "{what}必须是 {min} 到 {max} 之间的整数，而不是“{text}”。";
    MASK_PNG: "Send image 1 as PNG when a mask is used", "使用蒙版时将图片 1 以 PNG 发送";
    MASK_PNG_HINT: "For gateways whose docs ask image 1 to have the mask's format (OpenAI does not). Image 1 then goes as PNG at the usual long edge, allowed up to the API's {image} per image instead of the byte budget; the mask is always a PNG under {mask}.",
        "适用于文档要求图片 1 与蒙版格式相同的网关（OpenAI 不要求）。图片 1 将以常规长边尺寸作为 PNG 发送，单张上限为 API 的 {image}，而不受字节预算限制；蒙版始终是小于 {mask} 的 PNG。";
    LIMITS_HINT: "Some gateways take only one image per request: n above the limit is sent as parallel requests. A timed-out request may still be billed. Only what cannot have been billed is sent again by itself (no connection, CORS, 429, 503 with Retry-After), and 5xx answers as often as set here.",
        "有些网关每次请求只接受一张图片：超过上限的 n 会拆成并行请求发送。超时的请求仍可能计费。只有不可能已计费的请求才会自动重发（无连接、CORS、429、带 Retry-After 的 503），5xx 响应则按此处设置的次数重试。";
    ALIASES: "This gateway's model names", "此网关的模型名称";
    ALIASES_LABEL: "One per line: name = known model, optionally a price per image",
        "每行一个：名称 = 已知模型，可选附上每张图片的价格";
    PROFILE: "Profile", "配置";
    PROFILE_NAME: "Profile name", "配置名称";
    NEW_PROFILE: "New profile", "新建配置";
    DELETE_PROFILE: "Delete profile", "删除配置";
    REMEMBER_KEY: "Remember this profile's key on this device", "在本设备上记住此配置的密钥";
    REMEMBER_WARNING: "The key is stored unencrypted in this browser's local storage: anyone using this browser profile, and any script that runs on this site, can read it. Use only on your own device.",
        "密钥会以未加密形式保存在此浏览器的本地存储中：任何使用此浏览器配置文件的人，以及在本站运行的任何脚本，都能读取它。请仅在自己的设备上使用。";
    SESSION_KEY: "By default the key is kept only until this tab closes.", "默认情况下，密钥只保留到此标签页关闭。";
    NO_KEY: "no key", "无密钥";
    KEY_SET: "key set", "已设密钥";
    ENDPOINT: "Endpoint", "端点";
    DONE: "Done", "完成";
    CHANGE: "Change", "更改";
    BASE_URL: "Base URL", "Base URL";
    API_KEY: "API key", "API 密钥";
    API_KEY_PLACEHOLDER: "sk-… (a local backend needs none)", "sk-…（本地后端无需密钥）";
    API_KEY_HINT: "Sent only to this profile's base URL: another base URL never gets it.",
        "只发送到此配置的 Base URL：其他 Base URL 永远不会收到。";
    TASK_GATEWAY: "Task gateway (answers with a task to poll)", "任务网关（返回需轮询的任务）";
    TASK_POLLED: "Generations are polled at {polled}<task id>; the size goes as ratio + resolution in ratio mode, references only as public links, and results are fetched into the history at once (their links expire in 24 hours).",
        "生成任务在 {polled}<task id> 轮询；比例模式下尺寸以比例 + 分辨率发送，参考图仅以公开链接发送，结果会立即取回到历史记录中（其链接 24 小时后失效）。";
    TASK_OFF: "Turn on for gateways whose image requests return a task id instead of images.",
        "适用于图片请求返回任务 id 而非图片的网关。";
}
