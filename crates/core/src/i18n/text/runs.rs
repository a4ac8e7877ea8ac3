//! runs.

crate::texts! {
    // run list
    EMPTY: "Results appear here. Nothing is sent until you press Generate.",
        "结果会显示在这里。按下“生成”之前不会发送任何请求。";
    RELEASED: "{n} older runs are no longer shown here (a session keeps the last {kept}); their images are in the history.",
        "{n} 次较早的运行已不在此显示（每个会话只保留最近 {kept} 次）；其图片可在历史记录中找到。";
    // attempts
    SENT_AGAIN_AFTER: " Sent again after {wait}.", " {wait}后已重新发送。";
    NOT_SENT_AGAIN: " Not sent again by itself.", " 未自动重新发送。";
    ATTEMPT: "Attempt {i} · {facts}: {error}{then}", "第 {i} 次尝试 · {facts}：{error}{then}";
    N_ATTEMPTS: "{n} attempts", "{n} 次尝试";
    ATTEMPT_STREAMED: "streamed", "流式";
    ATTEMPT_PLAIN: "not streamed", "非流式";
    ATTEMPT_STATUS: "HTTP {status}", "HTTP {status}";
    ATTEMPT_NO_ANSWER: "no answer", "无回应";
    ATTEMPT_SECS: "{secs} s", "{secs} 秒";
    ATTEMPT_BILLED: "billed", "已计费";
    ATTEMPT_MAY_HAVE_BILLED: "may have billed", "可能已计费";
    ATTEMPT_NOT_BILLED: "not billed", "未计费";
    ATTEMPT_ANSWERED: "answered", "已回应";
    SENT_WITHOUT_STREAM: " Sent once more without streaming.", " 已不用流式再发送一次。";
    STREAM_FELL_BACK: "The stream failed before its first image, so the request was sent once more without streaming (one click sends at most two requests).",
        "流式传输在第一张图之前就失败了，所以请求已不用流式再发送一次（每次点击最多发送两个请求）。";
    STREAM_FELL_BACK_LEARNED: " That worked: this endpoint is now marked as not streaming, and requests go without it (the stream option can test it again).",
        " 这次成功了：此接口现已标记为不支持流式，之后的请求不再使用流式（可在流式选项处重新测试）。";
    DETAILS: "Details", "详情";
    // missing images
    REQUEST_ONE_MISSING: "Request the 1 missing image", "补请求缺少的 1 张图片";
    REQUEST_N_MISSING: "Request the {n} missing images", "补请求缺少的 {n} 张图片";
    // task
    KEPT_LINK: "This result could not be fetched into the history (its server does not let this page read it), so only its link is kept: ",
        "此结果无法存入历史记录（其服务器不允许本页读取），因此只保留了链接：";
    OPEN_THE_IMAGE_LOWER: "open the image", "打开图片";
    EXPIRES_AT: ". It expires at ", "。链接将于 ";
    EXPIRES_OPEN: " (", " 过期（";
    SAVE_BEFORE: "); save it before then.", "），请在此之前保存。";
    TASK: "Task ", "任务 ";
    TASK_PROGRESS: "Task progress", "任务进度";
    TASK_RESUMED: "Resumed after a reload: polling picked up this task again.",
        "页面重新加载后已恢复：继续轮询此任务。";
    TASK_CANCEL_HINT: "Cancel stops polling; the gateway may still finish the task and bill it.",
        "取消只会停止轮询；网关仍可能完成任务并计费。";
    // run summary
    EDIT_OF_ONE: "edit of 1 reference{mask}", "编辑 1 张参考图{mask}";
    EDIT_OF_N: "edit of {n} references{mask}", "编辑 {n} 张参考图{mask}";
    WITH_MASK: " with mask", "（带遮罩）";
    GENERATION: "generation", "生成";
    IN_K_REQUESTS: " in {k} requests", "，分 {k} 次请求";
    STREAMED: " · streamed, {k} partial", " · 流式，{k} 张预览";
    CUT_OUT_ON: " on flat {key}, cut out here", "（纯{key}底色，在此抠图）";
    RUN_SUMMARY: "{kind} · {model} · {size} · {quality} quality · {format}{cutout} · n={n}{requests}{stream}",
        "{kind} · {model} · {size} · {quality} 质量 · {format}{cutout} · n={n}{requests}{stream}";
    // slot
    PARTIAL_PREVIEW: "Partial preview", "部分预览";
    PREVIEW_CAPTION: "Preview; the final image follows.", "预览图；最终图片随后送达。";
    QUEUED: "Queued: waiting for a free place under the parallel-requests limit.",
        "排队中：等待并行请求数上限下的空位。";
    ATTEMPT_SENT: "Attempt {attempt} of {of} sent.", "已发送第 {attempt} 次尝试（共 {of} 次）。";
    RETRYING_IN: "Retrying automatically in {wait} (attempt {attempt} of {of}).",
        "{wait}后自动重试（第 {attempt} 次，共 {of} 次）。";
    RETRY_MAY_BILL: "Retry (the first attempt may still be billed)", "重试（第一次尝试仍可能计费）";
    RETRY_AS_IT_WAS: "Retry as it was (same prompt)", "原样重试（相同提示词）";
    RETRY: "Retry", "重试";
    EDIT_AND_SEND: "Edit and send (the prompt as the form has it now)", "修改后发送（使用表单中当前的提示词）";
    REWORD_PROMPT: "Reword the prompt above, then send it from here with this request's other settings.",
        "请先修改上方的提示词，再从这里按此请求的其他设置发送。";
    // result card
    IMAGE_DATA_DAMAGED: "the image data is damaged", "图片数据已损坏";
    LINK_ONLY: "The endpoint returned a link, and this page may not read the file behind it (the server does not allow it: CORS), so it cannot be stored, cropped or downloaded from here. ",
        "接口返回的是链接，而本页可能无法读取其背后的文件（服务器不允许：CORS），因此无法在此保存、裁剪或下载。";
    OPEN_THE_IMAGE: "Open the image", "打开图片";
    LINKS_EXPIRE: " (such links usually expire).", "（此类链接通常会过期）。";
    FIT_FAILED: "Could not deliver exactly {w}x{h}: {error} The image as the API made it is shown.",
        "无法正好输出 {w}x{h}：{error} 现显示 API 生成的原图。";
    LINK_NOT_CROPPABLE: "The endpoint returned a link, not the image data, so it cannot be cropped here to {w}x{h}.",
        "接口返回的是链接而非图片数据，因此无法在此裁剪为 {w}x{h}。";
    FITTED_NOT_HELD: "the fitted image is not held", "未保留调整后的图片";
    DOWNLOAD_FAILED: "Download failed: {error}", "下载失败：{error}";
    OPEN_IN_VIEWER: "Open in the viewer", "在查看器中打开";
    CANNOT_DISPLAY: "The browser could not display this image.", "浏览器无法显示此图片。";
    DOWNLOAD: "Download", "下载";
    ORIGINAL: "Original", "原图";
    REVISED_PROMPT: "Revised prompt: ", "修订后的提示词：";
    // answer facts
    FACT_SECONDS: "{secs} s", "{secs} 秒";
    FACT_TOKENS: "{total} tokens", "{total} 个 token";
    FACT_COST: "~{usd} at list prices", "按标价约 ~{usd}";
    FACT_SIZE: "size {size}", "尺寸 {size}";
    FACT_REQUEST: "request {id}", "请求 {id}";
    // waiting
    USUALLY: "usually {range} for {quality} quality at {size}", "{quality} 质量、{size} 通常需要 {range}";
    POLLED_UNTIL_END: "{usual}; polled until the task ends or you cancel", "{usual}；将持续轮询，直到任务结束或你取消";
    GIVES_UP_AFTER: "{usual}; gives up after {secs} s", "{usual}；{secs} 秒后放弃";
    GENERATING: "Generating… ", "生成中… ";
    ELAPSED: " elapsed · ", " 已用 · ";
    ELAPSED_AGAINST_USUAL: "Time elapsed against the usual maximum", "已用时间与通常最长时间的对比";
    // pixel checks (transparency, mask drift)
    SHOW_CHANGE_MAP: "Show where it changed", "显示变化之处";
    HIDE_CHANGE_MAP: "Hide the change map", "隐藏变化图";
    CHANGE_MAP_ALT: "Change map: dark where the result kept image 1, bright where it changed; the mask's area is tinted blue",
        "变化图：结果保留图片 1 之处为暗色，发生变化之处为亮色；蒙版区域以蓝色标出";
    CHECKING_PIXELS: "Checking the result's pixels…", "正在检查结果的像素…";
}
