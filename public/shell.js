// The page before its wasm arrives: the static shell in index.html can be typed into, and a
// press of Generate (or Ctrl/Cmd+Enter) is remembered. The app takes over both when it starts
// (`web::shell`), so nothing typed or pressed on a slow connection is lost or sent twice.
(() => {
  const form = document.getElementById('shell-form');
  const status = document.getElementById('shell-status');
  if (!form || !status) return;
  // The language as the app will choose it (src/app/lang.rs): the stored choice, else any
  // Chinese in the browser's list gives zh-CN. The Chinese words are the app's own (its tables).
  let chosen = null;
  try { chosen = localStorage.getItem('gis.lang'); } catch (_) { /* storage may be off */ }
  const browserZh = (navigator.languages || [navigator.language || ''])
    .some((tag) => /^zh(?:[-_]|$)/i.test(tag || ''));
  const zh = chosen ? chosen === 'zh-CN' : browserZh;
  const words = zh
    ? {
        tagline: '用你自己的密钥生成图片，可接 OpenAI 或任何兼容网关。',
        prompt: '提示词',
        generate: '生成',
        loading: '正在加载应用…',
        queued: '已按下“生成”：应用加载完成后立即发送。',
      }
    : { queued: 'Generate pressed: it is sent as soon as the app has loaded.' };
  if (zh) {
    document.documentElement.lang = 'zh-CN';
    const set = (selector, text) => {
      const el = document.querySelector(selector);
      if (el) el.textContent = text;
    };
    set('#shell .tagline', words.tagline);
    set('#shell label[for="shell-prompt"]', words.prompt);
    set('#shell button[type="submit"]', words.generate);
    status.textContent = words.loading;
  }
  const queue = (event) => {
    event.preventDefault();
    form.dataset.queued = '1';
    status.textContent = words.queued;
  };
  form.addEventListener('submit', queue);
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) queue(event);
  });
})();
