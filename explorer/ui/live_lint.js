// Lint as you paste: Streamlit commits a text area's value on blur or Ctrl+Enter only. This script
// commits it the same way (a Ctrl+Enter keydown, which keeps the focus and the caret) once the text has
// not changed for a moment, so the findings follow the text without the user pressing anything.
// One listener on the document, installed once: it survives reruns and the text area's remounts.
(() => {
  if (window.__peLiveLint) return;
  window.__peLiveLint = true;
  const QUIET_MS = 700;
  let timer = null;
  document.addEventListener(
    "input",
    (event) => {
      const area = event.target;
      if (!(area instanceof HTMLTextAreaElement) || !area.closest(".st-key-po_text")) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!area.isConnected) return;
        area.dispatchEvent(
          new KeyboardEvent("keydown", { key: "Enter", code: "Enter", ctrlKey: true, bubbles: true, cancelable: true })
        );
      }, QUIET_MS);
    },
    true
  );
})();
