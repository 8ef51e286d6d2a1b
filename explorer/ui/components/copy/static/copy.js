// A button that copies a text, or the page's current address, to the clipboard (Streamlit has no clipboard
// call). It speaks Streamlit's component protocol directly, as the graph's frame does; nothing the reviewer
// typed is ever run as markup: the label and the text arrive as the render message's arguments.
(function () {
  "use strict";

  let text = "";
  let link = false;
  const button = document.getElementById("copy");
  const done = document.getElementById("done");

  function send(type, data) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, data), "*");
  }

  // Streamlit passes its theme; "base" is not always set, so the background's lightness decides too.
  function isDark(theme) {
    if (!theme) return false;
    if (theme.base === "dark") return true;
    const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(theme.backgroundColor || "");
    if (!m) return false;
    const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
    return 0.299 * r + 0.587 * g + 0.114 * b < 110;
  }

  button.addEventListener("click", async () => {
    let value = text;
    if (link) {
      try {
        value = window.parent.location.href; // the view as it is now: the graph writes its zoom and pan there
      } catch (err) {
        value = text;
      }
    }
    window.copied = value;
    try {
      await navigator.clipboard.writeText(value);
    } catch (err) {
      // not a secure context (neither localhost nor HTTPS): the older copy command
      const box = document.getElementById("text");
      box.value = value;
      box.select();
      document.execCommand("copy");
    }
    done.textContent = "copied";
  });

  window.addEventListener("message", (ev) => {
    if (!ev.data || ev.data.type !== "streamlit:render") return;
    const args = ev.data.args;
    if (args.text !== text) done.textContent = "";
    text = args.text || "";
    link = !!args.link;
    button.textContent = args.label;
    button.title = args.title || args.label;
    document.body.classList.toggle("dark", isDark(ev.data.theme));
    send("streamlit:setFrameHeight", { height: 40 });
  });
  send("streamlit:componentReady", { apiVersion: 1 });
})();
