// The interactive graph of Permission Explorer: Cytoscape.js drawing the positions Graphviz computed on
// the server (preset layout), inside a Streamlit component iframe. It speaks Streamlit's component
// protocol directly (a few postMessage calls), so the bundle is this file, cytoscape.min.js and no
// framework. What the reviewer clicks is sent back as {node, seq}; collapsing services, finding,
// zooming and panning stay in the page and survive reruns while the graph itself is unchanged.
(function () {
  "use strict";

  const MIN_START_ZOOM = 1.0; // labels are 11 px at zoom 1: never start smaller than that
  const FONT_SIZE = 11;
  const PAD = 12; // between the drawing and the canvas edge, in CSS px
  const MIN_HEIGHT = 320;
  const KEY_BESIDE_MIN = 760; // below this frame width the key goes under the canvas, never over it
  const SHAPES = { operation: "round-rectangle", action: "ellipse", pattern: "hexagon", service: "tag" };
  const BORDER = { solid: "solid", dashed: "dashed", dotted: "dotted", bold: "solid" };
  // Dark canvas: the diagram's black and grey lines become light ones of the same order.
  const DARK_LINE = { "#000000": "#e6e6e6", "#808080": "#9da3b4", "#404040": "#c7cbd6" };

  let cy = null;
  let graphKey = null;
  let graph = null;
  let styles = null;
  let dark = false;
  let selected = "";
  let path = { nodes: [], edges: [] };
  let collapsed = new Set();
  let seq = 0;
  let matches = [];
  let matchIndex = -1;
  let overview = null; // {nodes, edges}: one node per service, laid out on its own
  let auto = true; // the view is the automatic one (refit when the frame or the key changes)
  // The overview is the first view's choice for the frame's width at the time (not the reviewer's, nor a
  // link's): when the frame then widens or narrows, the first view is chosen again for the new width.
  let autoFolded = false;
  let steering = false; // the viewport is being moved by this script, not by the reviewer
  let maxHeight = 620;

  function send(type, data) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, data), "*");
  }

  function setValue(value) {
    send("streamlit:setComponentValue", { value: value, dataType: "json" });
  }

  function status(text) {
    document.getElementById("status").textContent = text;
  }

  function lineColour(colour) {
    return dark ? DARK_LINE[colour] || colour : colour;
  }

  function serviceId(name) {
    return "service-group:" + name;
  }

  // The elements to draw: every node, with the members of collapsed services folded into one node each.
  function folding() {
    return overview && graph.nodes.length > 0 && graph.nodes.every((n) => collapsed.has(n.service));
  }

  // The folded overview: each service one node with its count, at the overview's own positions.
  // Top to bottom when that reads larger in this canvas than left to right (a narrow window).
  function overviewTurned() {
    const span = (xs, ys) => {
      const nodes = overview.nodes;
      const x1 = Math.min(...nodes.map((n, i) => xs[i] - n.w / 2));
      const x2 = Math.max(...nodes.map((n, i) => xs[i] + n.w / 2));
      const y1 = Math.min(...nodes.map((n, i) => ys[i] - n.h / 2));
      const y2 = Math.max(...nodes.map((n, i) => ys[i] + n.h / 2));
      return Math.min((cy.width() - 2 * PAD) / (x2 - x1), (maxHeight - 2 * PAD) / (y2 - y1));
    };
    const across = span(overview.nodes.map((n) => n.x), overview.nodes.map((n) => n.y));
    const down = span(overview.nodes.map((n) => n.tx), overview.nodes.map((n) => n.ty));
    return down > across;
  }

  function overviewElements() {
    const els = [];
    const turned = overviewTurned();
    for (const n of overview.nodes) {
      const scope = styles.scope[n.scope];
      const onPath = graph.nodes.some((m) => m.service === n.service && path.nodes.includes(m.id));
      els.push({
        group: "nodes",
        data: { id: serviceId(n.service), label: n.lines.join("\n"), name: n.service, service: n.service, folded: 1,
          count: n.count, fill: scope.fill, w: n.w, h: n.h },
        position: turned ? { x: n.tx, y: n.ty } : { x: n.x, y: n.y },
        classes: "folded overview" + (n.target ? " target" : "") + (onPath ? " onpath" : ""),
      });
    }
    for (const e of overview.edges) {
      const st = styles.edges.collapsed;
      els.push({ group: "edges", data: {
        id: "e:" + e.source + "\u0000" + e.target, source: serviceId(e.source.replace(/^service:/, "")),
        target: serviceId(e.target.replace(/^service:/, "")), label: e.label, colour: lineColour(st.color),
        line: "solid", width: st.width, arrow: st.arrow } });
    }
    return els;
  }

  function elements() {
    if (folding()) return overviewElements();
    const els = [];
    const shown = new Map(); // node id -> id of the element that stands for it
    const members = new Map();
    const clustered = Object.keys(graph.services).length > 0;
    for (const n of graph.nodes) {
      if (!members.has(n.service)) members.set(n.service, []);
      members.get(n.service).push(n);
    }
    for (const [service, nodes] of members) {
      const box = graph.services[service];
      if (clustered && collapsed.has(service)) {
        const id = serviceId(service);
        const x = box ? box.x : nodes.reduce((s, n) => s + n.x, 0) / nodes.length;
        const y = box ? box.y : nodes.reduce((s, n) => s + n.y, 0) / nodes.length;
        const onPath = nodes.some((n) => path.nodes.includes(n.id));
        els.push({
          group: "nodes",
          data: { id: id, label: service + "\n" + nodes.length + " nodes (collapsed)", service: service, folded: 1 },
          position: { x: x, y: y },
          classes: "folded" + (onPath ? " onpath" : ""),
        });
        for (const n of nodes) shown.set(n.id, id);
        continue;
      }
      if (clustered) {
        els.push({ group: "nodes", data: { id: serviceId(service), label: "service: " + service, service: service },
          classes: "group" });
      }
      for (const n of nodes) {
        const scope = styles.scope[n.scope];
        const data = {
          id: n.id, label: n.lines.join("\n"), name: n.lines[0], service: n.service,
          w: n.w, h: n.h, fill: scope.fill, border: BORDER[scope.border], bw: scope.width,
          shape: n.kind === "action" && !n.resolved ? "octagon" : SHAPES[n.kind] || "ellipse",
        };
        if (clustered) data.parent = serviceId(service);
        const classes = [n.kind];
        if (n.depth === 0) classes.push("target");
        if (path.nodes.includes(n.id)) classes.push("onpath");
        if (n.possible) classes.push("possible");
        els.push({ group: "nodes", data: data, position: { x: n.x, y: n.y }, classes: classes.join(" ") });
        shown.set(n.id, n.id);
      }
    }
    const seen = new Set();
    const onPath = new Set(path.edges.map((e) => e[0] + "\u0000" + e[1]));
    for (const e of graph.edges) {
      const s = shown.get(e.source);
      const t = shown.get(e.target);
      if (!s || !t || s === t) continue;
      const folded = s !== e.source || t !== e.target;
      const id = "e:" + s + "\u0000" + t;
      if (folded && seen.has(id)) continue;
      seen.add(id);
      const st = styles.edges[folded ? "collapsed" : e.style];
      const classes = [];
      if (onPath.has(e.source + "\u0000" + e.target)) classes.push("onpath");
      if (e.possible) classes.push("possible");
      els.push({
        group: "edges",
        data: {
          id: folded ? id : "e:" + e.source + "\u0000" + e.target, source: s, target: t,
          label: folded ? "" : e.label, colour: lineColour(st.color), line: BORDER[st.style] || "solid",
          width: st.width, arrow: st.arrow,
        },
        classes: classes.join(" "),
      });
    }
    return els;
  }

  function stylesheet() {
    const text = dark ? "#fafafa" : "#31333f";
    const accent = dark ? "#6ea8ff" : "#2f6fd6";
    const possible = dark ? "#d8b4fe" : "#7e3fbf";
    return [
      { selector: "node", style: {
        label: "data(label)", "text-wrap": "wrap", "text-valign": "center", "text-halign": "center",
        "font-size": FONT_SIZE, "font-family": "Helvetica, Arial, sans-serif", color: "#111111",
        "border-color": "#000000", "min-zoomed-font-size": 4 } },
      { selector: "node[w]", style: {
        width: "data(w)", height: "data(h)", shape: "data(shape)", "background-color": "data(fill)",
        "border-width": "data(bw)", "border-style": "data(border)" } },
      { selector: "node.target", style: { "border-width": 4, "outline-width": 3, "outline-color": text,
        "outline-offset": 2 } },
      { selector: "node.possible", style: { "border-color": possible, "border-style": "dashed", "border-width": 3 } },
      { selector: "node.group", style: {
        label: "data(label)", "text-valign": "top", "text-halign": "center", "font-size": 12, color: text,
        "background-color": dark ? "#1c1f27" : "#f7f8fa", "background-opacity": 0.6, "border-color": dark ? "#5d6170" : "#8a8d99",
        "border-width": 1, "border-style": "solid", shape: "round-rectangle", padding: 12 } },
      { selector: "node.folded", style: {
        label: "data(label)", shape: "tag", width: 150, height: 44, "font-size": 12, color: "#111111",
        "background-color": "#dfe3ec", "border-width": 2, "border-color": dark ? "#c7cbd6" : "#404040" } },
      { selector: "node.overview", style: { shape: "round-rectangle", width: "data(w)", height: "data(h)",
        "background-color": "data(fill)",
        "font-size": FONT_SIZE, "text-max-width": 200 } },
      { selector: "node.overview.target", style: { "border-width": 4, "outline-width": 3, "outline-color": text,
        "outline-offset": 2 } },
      { selector: "edge", style: {
        "curve-style": "bezier", width: "data(width)", "line-color": "data(colour)", "line-style": "data(line)",
        "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "arrow-scale": 0.9,
        label: "data(label)", "font-size": FONT_SIZE, color: dark ? "#c7cbd6" : "#404040", "text-rotation": "autorotate",
        "text-background-color": dark ? "#14161c" : "#ffffff", "text-background-opacity": 0.8 } },
      { selector: "edge[arrow = 'empty']", style: { "target-arrow-fill": "hollow" } },
      { selector: "edge[arrow = 'odot']", style: { "target-arrow-shape": "circle", "target-arrow-fill": "hollow" } },
      { selector: "edge.possible", style: { "line-color": possible, "target-arrow-color": possible } },
      { selector: ".faded", style: { opacity: dark ? 0.6 : 0.45 } },
      { selector: "node.onpath", style: { "border-color": accent, "border-width": 4, opacity: 1 } },
      { selector: "edge.onpath", style: { "line-color": accent, "target-arrow-color": accent, width: 4, opacity: 1,
        "z-index": 10 } },
      { selector: "node.match", style: { "underlay-color": "#f5c542", "underlay-opacity": 0.6, "underlay-padding": 6 } },
      { selector: "node.chosen", style: { "border-color": accent, "border-width": 6, "underlay-color": accent,
        "underlay-opacity": 0.35, "underlay-padding": 8 } },
    ];
  }

  function mark() {
    cy.batch(() => {
      cy.elements().removeClass("faded chosen");
      if (path.nodes.length) {
        const keep = new Set(path.nodes);
        cy.nodes().not(".group").forEach((n) => {
          if (!n.hasClass("onpath") && !keep.has(n.id()) && n.id() !== selected) n.addClass("faded");
        });
        cy.edges().not(".onpath").addClass("faded");
      }
      if (selected) cy.getElementById(selected).addClass("chosen");
    });
  }

  function steer(change) {
    steering = true;
    try {
      change();
    } finally {
      steering = false;
    }
  }

  function draw(keepView) {
    const pan = cy ? cy.pan() : null;
    const zoom = cy ? cy.zoom() : null;
    if (!cy) {
      cy = cytoscape({
        container: document.getElementById("cy"), elements: [], style: stylesheet(), layout: { name: "preset" },
        minZoom: 0.02, maxZoom: 4, boxSelectionEnabled: false, autoungrabify: true,
      });
      cy.on("tap", "node", (ev) => tapNode(ev.target));
      cy.on("viewport", () => {
        if (!steering) auto = false; // the reviewer moved the view: leave it where they put it
        publishView();
      });
      window.cy = cy; // for tests and the browser's console: the Cytoscape instance itself
      window.peGraph = {
        cy: () => cy, collapsed: () => Array.from(collapsed), selected: () => selected,
        folded: () => folding(), auto: () => auto, viewState: viewState,
        names: () => graph.nodes.map((n) => n.lines[0]), // the answer's nodes, drawn or folded
        targets: () => graph.nodes.filter((n) => n.depth === 0).map((n) => n.id),
      };
    } else {
      cy.style(stylesheet());
    }
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements());
    });
    mark();
    publishView();
    if (keepView && pan) {
      steer(() => cy.viewport({ zoom: zoom, pan: pan }));
    } else {
      startView(false);
    }
  }

  // The zoom at which the elements fill the canvas (with PAD around them).
  function fitZoom(eles, width, height) {
    const bb = eles.boundingBox();
    return Math.min((width - 2 * PAD) / Math.max(bb.w, 1), (height - 2 * PAD) / Math.max(bb.h, 1));
  }

  // The canvas gets the height the drawing needs at a readable zoom, between MIN_HEIGHT and maxHeight.
  function sizeCanvas(eles) {
    const bb = eles.boundingBox();
    const want = Math.round(Math.min(maxHeight, Math.max(MIN_HEIGHT, bb.h * MIN_START_ZOOM + 2 * PAD + 2)));
    const box = document.getElementById("cy");
    if (box.style.height !== want + "px") {
      box.style.height = want + "px";
      cy.resize();
      sendHeight();
    }
  }

  function fitReadable() {
    const z = Math.min(1.5, fitZoom(cy.elements(), cy.width(), cy.height()));
    steer(() => {
      cy.zoom(z);
      cy.center();
    });
  }

  // The first view: the whole answer when it can be read in the window (labels >= 11 px); otherwise the
  // folded overview by service (when the answer spans several services); otherwise zoom 1 on what matters.
  function startView(initial) {
    auto = true;
    placeKey();
    if (folding()) {
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements());
      });
      mark();
      sizeCanvas(cy.elements());
      fitReadable();
      return;
    }
    const all = cy.elements();
    const bb = all.boundingBox();
    const readable = bb.w * MIN_START_ZOOM + 2 * PAD <= cy.width() && bb.h * MIN_START_ZOOM + 2 * PAD <= maxHeight;
    autoFolded = false;
    if (readable) {
      sizeCanvas(all);
      fitReadable();
      return;
    }
    if (initial && !selected && overview && overview.nodes.length > 1) {
      autoFolded = true;
      collapsed = new Set(graph.nodes.map((n) => n.service));
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements());
      });
      mark();
      sizeCanvas(cy.elements());
      fitReadable();
      status("Folded by service: " + graph.nodes.length + " nodes in " + overview.nodes.length +
        " services. Click a service to unfold it.");
      return;
    }
    sizeCanvas(all);
    focusView();
  }

  // Zoom 1 on the picked node and its path, else the query's targets. On each axis the focus is centred,
  // then the view is moved as little as needed so that no empty band shows before or after the graph.
  function focusView() {
    let focus = cy.collection();
    if (selected) focus = cy.getElementById(selected).union(cy.nodes(".onpath"));
    if (focus.empty()) focus = cy.nodes(".target");
    if (focus.empty()) focus = cy.nodes().not(".group");
    const z = MIN_START_ZOOM;
    const all = cy.elements().boundingBox();
    const box = focus.boundingBox();
    // When the whole focus does not fit, the picked node (else the targets) is what stays in the middle.
    const anchorEles = selected && cy.getElementById(selected).nonempty() ? cy.getElementById(selected) : focus;
    const anchor = anchorEles.boundingBox();
    const axis = (size, lo, hi, flo, fhi, alo, ahi) => {
      if ((hi - lo) * z <= size - 2 * PAD) return size / 2 - ((lo + hi) / 2) * z;
      const p = (fhi - flo) * z <= size - 2 * PAD ? size / 2 - ((flo + fhi) / 2) * z : size / 2 - ((alo + ahi) / 2) * z;
      return Math.min(PAD - lo * z, Math.max(size - PAD - hi * z, p));
    };
    steer(() => cy.viewport({
      zoom: z,
      pan: {
        x: axis(cy.width(), all.x1, all.x2, box.x1, box.x2, anchor.x1, anchor.x2),
        y: axis(cy.height(), all.y1, all.y2, box.y1, box.y2, anchor.y1, anchor.y2),
      },
    }));
  }

  // The view as a link carries it: "overview" for the folded overview, "fit" for the automatic view,
  // else "zoom,x,y" with the model point at the canvas centre.
  function viewState() {
    if (!cy) return "";
    if (folding()) return "overview";
    if (auto) return "fit";
    const z = cy.zoom();
    const p = cy.pan();
    const x = (cy.width() / 2 - p.x) / z;
    const y = (cy.height() / 2 - p.y) / z;
    return [z.toFixed(3), x.toFixed(1), y.toFixed(1)].join(",");
  }

  function restoreView(text) {
    if (text === "overview" && overview && overview.nodes.length > 1) {
      collapsed = new Set(graph.nodes.map((n) => n.service));
      draw(false);
      return true;
    }
    const parts = String(text || "").split(",").map(Number);
    if (parts.length !== 3 || parts.some((v) => !isFinite(v)) || parts[0] <= 0) return false;
    collapsed = new Set();
    draw(true);
    sizeCanvas(cy.elements());
    const [z, x, y] = parts;
    steer(() => cy.viewport({ zoom: z, pan: { x: cy.width() / 2 - x * z, y: cy.height() / 2 - y * z } }));
    auto = false;
    return true;
  }

  // Beside the canvas when the frame has room for both, under it otherwise: the key never covers the graph.
  function placeKey() {
    const main = document.getElementById("main");
    const below = document.getElementById("app").clientWidth < KEY_BESIDE_MIN;
    if (main.classList.contains("below") !== below) {
      main.classList.toggle("below", below);
      cy.resize();
    }
  }

  // The view goes into the page's address (view=fit, overview or zoom,x,y), so that a copied link restores
  // it. The frame is served by the same Streamlit server, so it may replace the parent's URL; nothing reloads.
  let publishTimer = null;
  function publishView() {
    clearTimeout(publishTimer);
    publishTimer = setTimeout(() => {
      try {
        const w = window.parent;
        const url = new URL(w.location.href);
        const value = viewState();
        if (!value || url.searchParams.get("view") === value) return;
        url.searchParams.set("view", value);
        w.history.replaceState(w.history.state, "", url.toString());
      } catch (err) {
        // another origin: the link keeps the query, not the view
      }
    }, 300);
  }

  function sendHeight() {
    send("streamlit:setFrameHeight", { height: document.getElementById("app").scrollHeight + 4 });
  }

  function tapNode(node) {
    if (node.hasClass("group") || node.hasClass("folded")) autoFolded = false;
    if (node.hasClass("group")) {
      collapsed.add(node.data("service"));
      draw(true);
      status("Collapsed service " + node.data("service") + "; click it to expand.");
      return;
    }
    if (node.hasClass("folded")) {
      const service = node.data("service");
      const fromOverview = folding();
      collapsed.delete(service);
      draw(true);
      if (fromOverview) showService(service);
      status("Unfolded service " + service + " (" + graph.nodes.filter((n) => n.service === service).length +
        " nodes); Fit returns to the first view.");
      return;
    }
    choose(node.id());
  }

  // Out of the overview, the unfolded service's nodes at a readable zoom (the others stay folded).
  function showService(service) {
    const members = cy.nodes().filter((n) => n.data("service") === service && !n.hasClass("group"));
    sizeCanvas(cy.elements());
    const z = Math.max(MIN_START_ZOOM, Math.min(1.5, fitZoom(members, cy.width(), cy.height())));
    steer(() => {
      cy.zoom(z);
      cy.center(members);
    });
    auto = false;
  }

  function choose(id) {
    selected = id;
    mark();
    seq += 1;
    setValue({ node: id, seq: Date.now() * 1000 + seq });
    status("Selected " + id + ": its path and rows open beside the graph.");
  }

  function find(text, step) {
    const q = text.trim().toLowerCase();
    cy.nodes().removeClass("match");
    if (!q) {
      matches = [];
      document.getElementById("matches").textContent = "";
      return;
    }
    matches = graph.nodes.filter((n) => n.id.toLowerCase().includes(q) || n.lines.join(" ").toLowerCase().includes(q));
    const exact = matches.findIndex((n) => n.id.toLowerCase() === q || n.lines[0].toLowerCase() === q);
    document.getElementById("matches").textContent = matches.length === 1 ? "1 match" : matches.length + " matches";
    if (!matches.length) return;
    matchIndex = step ? (matchIndex + 1) % matches.length : exact >= 0 ? exact : 0;
    const hit = matches[matchIndex];
    if (collapsed.delete(hit.service)) {
      autoFolded = false;
      draw(true);
    }
    cy.batch(() => matches.forEach((n) => cy.getElementById(n.id).addClass("match")));
    const node = cy.getElementById(hit.id);
    if (cy.zoom() < MIN_START_ZOOM) cy.zoom(MIN_START_ZOOM);
    cy.center(node);
    return hit;
  }

  function key() {
    const parts = ["<h3>Scope</h3><ul>"];
    for (const mark of Object.keys(styles.scope)) {
      const s = styles.scope[mark];
      parts.push(`<li><span class="sw" style="background:${s.fill};border-style:${BORDER[s.border]};` +
        `border-width:${Math.max(1, s.width)}px"></span>${escape(s.marker)} ${escape(s.meaning)}</li>`);
    }
    parts.push("</ul><h3>Nodes</h3><ul>");
    for (const [kind, meaning] of Object.entries(styles.kinds)) {
      parts.push(`<li>${GLYPHS[kind] || GLYPHS.action}${escape(meaning)}</li>`);
    }
    parts.push(`<li>${GLYPHS.target}query target (double outline)</li>`);
    parts.push("</ul><h3>Edges</h3><ul>");
    for (const e of Object.values(styles.edges)) {
      parts.push(`<li><span class="ln" style="border-top:${Math.max(2, e.width * 1.5)}px ${BORDER[e.style]} ` +
        `${lineColour(e.color)}"></span>${escape(e.meaning)}</li>`);
    }
    if (styles.possible) {
      parts.push(`<li><span class="sw" style="background:#fff;border:2px dashed ${dark ? "#d8b4fe" : "#7e3fbf"}">` +
        `</span>${escape(styles.possible)} (dashed violet outline)</li>`);
    }
    parts.push("</ul><h3>Mouse</h3><ul><li>click a node: its why-path</li><li>click a service box: collapse</li>" +
      "<li>wheel: zoom · drag: pan</li></ul>");
    document.getElementById("key").innerHTML = parts.join("");
  }

  // Small outlines of the node shapes, drawn in the text colour (no font has all these glyphs).
  const SHAPE_PATHS = {
    operation: '<rect x="1" y="2" width="20" height="10" rx="3"/>',
    action: '<ellipse cx="11" cy="7" rx="10" ry="5"/>',
    pattern: '<polygon points="4,2 18,2 21,7 18,12 4,12 1,7"/>',
    unresolved: '<polygon points="6,1 16,1 21,5 21,9 16,13 6,13 1,9 1,5"/>',
    service: '<polygon points="1,2 16,2 21,7 16,12 1,12"/>',
  };
  const GLYPHS = {};
  for (const [kind, shape] of Object.entries(SHAPE_PATHS)) {
    GLYPHS[kind] = '<svg class="glyph" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">' + shape + "</svg>";
  }
  GLYPHS.target = '<svg class="glyph" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">' +
    '<ellipse cx="11" cy="7" rx="10" ry="6"/><ellipse cx="11" cy="7" rx="7" ry="3.5"/></svg>';

  function escape(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
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

  function parentHeight() {
    try {
      return window.parent.innerHeight || 0;
    } catch (err) {
      return 0; // another origin: keep the page's own height
    }
  }

  function onRender(sent, theme) {
    // The graph, overview, styles and path come as one JSON text (see graph() in the component's Python).
    const args = Object.assign({}, sent, sent.data ? JSON.parse(sent.data) : {});
    window.peTheme = theme;
    const wasDark = dark;
    dark = isDark(theme);
    document.body.classList.toggle("dark", dark);
    const height = args.height || 600;
    // As tall as the drawing needs, up to what the browser window shows below the page's header.
    maxHeight = Math.max(height, Math.min(1100, parentHeight() - 150));
    document.getElementById("key").style.maxHeight = maxHeight + "px";
    document.getElementById("cy").setAttribute("aria-label", args.label || "dependency graph");
    const same = graphKey === args.graph.key;
    graph = args.graph;
    styles = args.styles;
    overview = args.overview && args.overview.nodes && args.overview.nodes.length ? args.overview : null;
    path = args.path || { nodes: [], edges: [] };
    selected = args.selected || "";
    if (!same) {
      graphKey = graph.key;
      collapsed = new Set(args.collapsed || []);
      key();
      draw(true);
      if (!(args.view_state && restoreView(args.view_state))) startView(true);
    } else {
      if (wasDark !== dark) key();
      draw(true);
      if (selected && cy.getElementById(selected).nonempty()) {
        const ext = cy.extent();
        const p = cy.getElementById(selected).position();
        if (p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2) {
          steer(() => cy.center(cy.getElementById(selected)));
        }
      }
    }
    sendHeight();
  }

  // The frame's width follows the page (a narrow page gives the graph its whole width): the key moves and
  // an automatic view is worked out again for the new size.
  let lastWidth = 0;
  new ResizeObserver(() => {
    const width = document.getElementById("app").clientWidth;
    if (!cy || width === lastWidth) return;
    lastWidth = width;
    placeKey();
    cy.resize();
    if (auto && autoFolded) {
      // The page was still settling when the graph was first drawn (a narrower column): the whole answer
      // may be readable at this width.
      collapsed = new Set();
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements());
      });
      mark();
      status("");
      startView(true);
    } else if (auto) {
      startView(false);
    }
    sendHeight();
  }).observe(document.getElementById("app"));

  const keyButton = document.getElementById("key-toggle");
  keyButton.addEventListener("click", () => {
    const shown = keyButton.getAttribute("aria-pressed") !== "true";
    keyButton.setAttribute("aria-pressed", String(shown));
    document.getElementById("key").hidden = !shown;
    if (!cy) return;
    cy.resize();
    startView(false);
    sendHeight();
  });
  // Fit: back to the first view (the whole answer when readable, else the overview), never unreadably small.
  document.getElementById("fit").addEventListener("click", () => {
    if (!cy) return;
    if (!folding()) {
      collapsed = new Set();
      draw(true);
    }
    startView(true);
  });
  document.getElementById("zoom-in").addEventListener("click", () => zoomBy(1.25));
  document.getElementById("zoom-out").addEventListener("click", () => zoomBy(0.8));
  document.getElementById("collapse-all").addEventListener("click", () => {
    autoFolded = false;
    collapsed = new Set(graph.nodes.map((n) => n.service));
    draw(false);
  });
  document.getElementById("expand-all").addEventListener("click", () => {
    autoFolded = false;
    collapsed = new Set();
    draw(true);
    sizeCanvas(cy.elements());
    const bb = cy.elements().boundingBox();
    if (bb.w + 2 * PAD <= cy.width() && bb.h + 2 * PAD <= cy.height()) fitReadable();
    else focusView();
    auto = false;
  });
  const box = document.getElementById("find");
  box.addEventListener("input", () => cy && find(box.value, false));
  box.addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter" || !cy) return;
    ev.preventDefault();
    const hit = find(box.value, matches.length > 1 && matches[matchIndex] && selected === matches[matchIndex].id);
    if (hit) choose(hit.id);
  });

  function zoomBy(factor) {
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  window.addEventListener("message", (ev) => {
    if (ev.data && ev.data.type === "streamlit:render") onRender(ev.data.args, ev.data.theme);
  });
  send("streamlit:componentReady", { apiVersion: 1 });
})();
