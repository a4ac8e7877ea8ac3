// The page before its wasm arrives: the static shell in index.html can be typed into, and a
// press of Generate (or Ctrl/Cmd+Enter) is remembered. The app takes over both when it starts
// (`web::shell`), so nothing typed or pressed on a slow connection is lost or sent twice.
(() => {
  const form = document.getElementById('shell-form');
  const status = document.getElementById('shell-status');
  if (!form || !status) return;
  const queue = (event) => {
    event.preventDefault();
    form.dataset.queued = '1';
    status.textContent = 'Generate pressed: it is sent as soon as the app has loaded.';
  };
  form.addEventListener('submit', queue);
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) queue(event);
  });
})();
