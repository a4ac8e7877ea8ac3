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

    // tasks::dialect: the dialects and the custom dialect's fields
    DIALECT: "Task dialect", "任务方言";
    DIALECT_AUTO: "Recognise from the answer (classic: /tasks/<id>)", "按回应自动识别（经典：/tasks/<id>）";
    DIALECT_SUB2API: "sub2api (/images/generations/async, /images/tasks/<id>)", "sub2api（/images/generations/async，/images/tasks/<id>）";
    DIALECT_APIMART: "APIMart-style (data[0].task_id, /tasks/<id>)", "APIMart 风格（data[0].task_id，/tasks/<id>）";
    DIALECT_TOAPIS: "ToAPIs-style (generation.task, /images/generations/<id>)", "ToAPIs 风格（generation.task，/images/generations/<id>）";
    DIALECT_CUSTOM: "Custom (paths written below)", "自定义（在下方填写路径）";
    DIALECT_ROUTE: "Submitted to {submit}, polled at {poll}.", "提交到 {submit}，轮询 {poll}。";
    DIALECT_EDITS: "Edits with files from this device go to {edit}.", "带本机文件的编辑请求发送到 {edit}。";
    DIALECT_NO_EDITS: "This profile's task dialect takes no edits with files from this device: remove the references, or give the custom dialect an edit path; nothing was sent.",
        "此配置的任务方言不支持带本机文件的编辑：请移除参考图，或为自定义方言填写编辑路径；未发送任何请求。";
    DIALECT_PROBLEM: "This dialect cannot be used yet: {why}", "此方言暂不可用：{why}";
    SUBMIT_PATH: "Submit path", "提交路径";
    EDIT_PATH: "Edit path (multipart; empty: no edits)", "编辑路径（multipart；留空表示不支持编辑）";
    OPENAI_BODY: "Send OpenAI's body (WxH size, files for edits) instead of ratio + resolution and links", "发送 OpenAI 格式的请求体（WxH 尺寸、编辑上传文件），而不是比例 + 分辨率和链接";
    TASK_ID_PATH: "Task id path", "任务 id 路径";
    POLL_PATH: "Poll path", "轮询路径";
    STATUS_PATH: "Status path", "状态路径";
    WAITING_WORDS: "More words for waiting", "更多表示等待的状态词";
    DONE_WORDS: "More words for done", "更多表示完成的状态词";
    FAILED_WORDS: "More words for failed", "更多表示失败的状态词";
    RESULT_PATHS: "Result URL paths", "结果 URL 路径";
    PROGRESS_PATH: "Progress path (optional)", "进度路径（可选）";
    ERROR_PATH: "Error message path (optional)", "错误信息路径（可选）";
    CUSTOM_HINT: "Paths are below the base URL; the poll path puts {{id}} where the task id goes. JSON paths are dotted keys with indexes, [] for every item: data.0.task_id, result.data[].url. Words are comma separated; pending, queued, processing, running, completed, succeeded, success, failed, error, cancelled are always known.",
        "路径相对于 Base URL；轮询路径中用 {{id}} 表示任务 id 的位置。JSON 路径由点分隔的键和下标组成，[] 表示每一项：data.0.task_id、result.data[].url。状态词用逗号分隔；pending、queued、processing、running、completed、succeeded、success、failed、error、cancelled 始终可识别。";
    CUSTOM_PATH_EMPTY: "{what} is empty: write a path below the base URL, e.g. images/generations.", "{what}为空：请填写相对于 Base URL 的路径，例如 images/generations。";
    CUSTOM_PATH_BAD: "{what} \"{path}\" must be a path below the base URL, without a scheme, spaces or a query.", "{what}“{path}”必须是相对于 Base URL 的路径，不能含协议、空格或查询参数。";
    POLL_NEEDS_ID: "Poll path \"{path}\" must contain {{id}} exactly once, where the task id goes (e.g. tasks/{{id}}).", "轮询路径“{path}”必须恰好包含一次 {{id}}，表示任务 id 的位置（例如 tasks/{{id}}）。";
    JSON_PATH_BAD: "{what} \"{path}\": {why}.", "{what}“{path}”：{why}。";
    JSON_PATH_EMPTY: "it is empty", "为空";
    JSON_PATH_EMPTY_SEGMENT: "it has an empty step (two dots, or a dot at an end)", "含有空的一级（连续两个点，或以点开头或结尾）";
    JSON_PATH_BRACKET: "brackets hold a number or nothing, as in data[0] or data[]", "方括号中只能是数字或为空，例如 data[0] 或 data[]";
    JSON_PATH_SPACES: "it contains spaces", "包含空格";
    RESULT_PATHS_NONE: "Give at least one result URL path, e.g. result.data[].url.", "请至少填写一个结果 URL 路径，例如 result.data[].url。";
    WORD_TWICE: "The status word \"{word}\" is listed as both {a} and {b}.", "状态词“{word}”同时被列为{a}和{b}。";
    PHASE_WAITING: "waiting", "等待中";
    PHASE_DONE: "done", "已完成";
    PHASE_FAILED: "failed", "已失败";

    // tasks::read and api::error::TaskAnswerError::NotAt
    PART_ID: "task id", "任务 id";
    PART_STATUS: "status", "状态";
    PART_RESULTS: "result URLs", "结果 URL";
    NOT_AT: "The task answer has no {part} at {paths}: {snippet}", "任务回应中 {paths} 处没有{part}：{snippet}";

    // the dialect test box
    TRIAL: "Test the dialect on an answer", "用一段回应测试此方言";
    TRIAL_HINT: "Paste a submission or poll answer from the gateway to see what this dialect reads in it.", "粘贴网关的提交或轮询回应，查看此方言从中读出的内容。";
    TRIAL_NOT_JSON: "The pasted answer is not JSON (it starts \"{snippet}\").", "粘贴的回应不是 JSON（开头为“{snippet}”）。";
    TRIAL_UNRECOGNISED: "The answer is in no dialect this page knows: choose one, or write a custom dialect.", "此回应不属于本页面已知的任何方言：请选择一种，或编写自定义方言。";
    TRIAL_MISSING: "No {part} at {paths}", "{paths} 处没有{part}";
    TRIAL_READ_AS: "Read as: {dialect}", "识别为：{dialect}";
    TRIAL_TASK_ID: "Task id: {id}", "任务 id：{id}";
    TRIAL_STATE: "State: {phase} (the gateway says \"{status}\")", "状态：{phase}（网关原文为“{status}”）";
    TRIAL_UNKNOWN_WORD: "State: \"{status}\" is no known word, so it reads as waiting", "状态：“{status}”不是已知状态词，按等待中处理";
    TRIAL_PROGRESS: "Progress: {p} %", "进度：{p} %";
    TRIAL_RESULTS: "Result URLs: {urls}", "结果 URL：{urls}";
    TRIAL_ERROR: "Error: {message}", "错误：{message}";
}
