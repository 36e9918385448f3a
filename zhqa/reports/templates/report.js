(function () {
  "use strict";
  // Everything from the corpus reaches the page through textContent, never as markup.
  var D = JSON.parse(document.getElementById("zhqa-data").textContent);
  var F = D.f, DOCS = D.docs, CODES = D.codes, MSGS = D.msgs, META = D.meta;
  var SEV = ["error", "warning", "info"], APP = ["safe", "unsafe", "display only"];
  var FAMILIES = ["encoding", "punctuation", "duplication", "numeric", "structure"];
  var PAGE = 50, CTX = 14;
  var INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/;

  function $(id) { return document.getElementById(id); }
  function h(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }
  function count(n, noun) { return fmt(n) + " " + noun + (n === 1 ? "" : "s"); }
  function famOf(i) { return (META[CODES[F[i][1]]] || {}).family || ""; }
  function codeOf(i) { return CODES[F[i][1]]; }

  // -- document text, in code points (offsets are code points, JS strings are UTF-16) --
  var byDoc = DOCS.map(function () { return []; });
  for (var k = 0; k < F.length; k++) byDoc[F[k][0]].push(k);
  var docById = new Map();
  DOCS.forEach(function (d, i) { if (!docById.has(d.id)) docById.set(d.id, i); });
  var cpCache = new Map();
  function windows(di) {
    var c = cpCache.get(di);
    if (c) return c;
    var d = DOCS[di];
    if (typeof d.t === "string") c = [[0, Array.from(d.t)]];
    else if (d.w) c = d.w.map(function (w) { return [w[0], Array.from(w[1])]; });
    else c = [];
    cpCache.set(di, c);
    return c;
  }
  // [before, span, after] around [a, b) within one embedded window, or null
  function around(di, a, b, n) {
    var ws = windows(di);
    for (var j = 0; j < ws.length; j++) {
      var off = ws[j][0], cp = ws[j][1];
      if (a >= off && b <= off + cp.length) {
        var s = a - off, e = b - off;
        return [cp.slice(Math.max(0, s - n), s).join(""), cp.slice(s, e).join(""), cp.slice(e, e + n).join("")];
      }
    }
    return null;
  }
  function visible(s) {
    if (!INVISIBLE.test(s)) return s;
    return Array.from(s).map(function (ch) {
      return INVISIBLE.test(ch) ? "⟨U+" + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0") + "⟩" : ch;
    }).join("");
  }
  function oneLine(s) { return visible(s).replace(/\n/g, "⏎"); }

  // -- filters, sorting, paging --
  var st = { family: "", code: "", sev: "", doc: "", q: "", key: null, dir: 1, page: 0 };
  var view = [], current = -1, currentDoc = -1, marks = new Map(), hay = null;
  function haystack(i) {
    if (!hay) hay = new Array(F.length);
    if (hay[i] === undefined) {
      var f = F[i], ctx = around(f[0], f[3], f[4], CTX), m = META[codeOf(i)] || {};
      hay[i] = [MSGS[f[7]], codeOf(i), m.name || "", DOCS[f[0]].id, ctx ? ctx.join("") : (f[10] || "")].join("\u0001").toLowerCase();
    }
    return hay[i];
  }
  function matches(i) {
    var f = F[i];
    if (st.family && famOf(i) !== st.family) return false;
    if (st.code && codeOf(i) !== st.code) return false;
    if (st.sev && SEV[f[2]] !== st.sev) return false;
    if (st.doc && DOCS[f[0]].id.toLowerCase().indexOf(st.doc) < 0) return false;
    if (st.q && haystack(i).indexOf(st.q) < 0) return false;
    return true;
  }
  var KEYS = {
    sev: function (i) { return F[i][2]; },
    code: function (i) { return codeOf(i); },
    family: function (i) { return FAMILIES.indexOf(famOf(i)); },
    doc: function (i) { return DOCS[F[i][0]].id; },
    line: function (i) { return F[i][5] * 1e7 + F[i][6]; },
    msg: function (i) { return MSGS[F[i][7]]; }
  };
  function apply() {
    view = [];
    for (var i = 0; i < F.length; i++) if (matches(i)) view.push(i);
    if (st.key) {
      var key = KEYS[st.key], dir = st.dir;
      view.sort(function (a, b) {
        var x = key(a), y = key(b);
        return x < y ? -dir : x > y ? dir : a - b;
      });
    }
    st.page = 0;
    renderRows();
  }
  function contextCell(i) {
    var f = F[i], td = h("td", "ctx"), ctx = around(f[0], f[3], f[4], CTX);
    if (!ctx) { td.textContent = oneLine(f[10] || ""); return td; }
    td.appendChild(document.createTextNode(oneLine(ctx[0])));
    var span = Array.from(ctx[1]);
    var shown = span.length > 40 ? span.slice(0, 16).join("") + " … " + span.slice(-16).join("") : ctx[1];
    td.appendChild(h("mark", null, shown ? oneLine(shown) : "▌"));
    td.appendChild(document.createTextNode(oneLine(ctx[2])));
    return td;
  }
  function renderRows() {
    var body = $("rows"), pages = Math.max(1, Math.ceil(view.length / PAGE));
    st.page = Math.min(st.page, pages - 1);
    var from = st.page * PAGE, to = Math.min(view.length, from + PAGE);
    body.textContent = "";
    for (var r = from; r < to; r++) {
      var i = view[r], f = F[i], tr = h("tr");
      tr.dataset.i = String(i);
      if (i === current) tr.className = "current";
      var sev = h("td"); sev.appendChild(h("span", "badge " + SEV[f[2]], SEV[f[2]])); tr.appendChild(sev);
      var code = h("td"), a = h("a", "code", codeOf(i)); a.href = "#doc-" + codeOf(i); code.appendChild(a); tr.appendChild(code);
      tr.appendChild(h("td", null, famOf(i)));
      var doc = h("td", "doc", DOCS[f[0]].id); doc.title = DOCS[f[0]].src + " · " + DOCS[f[0]].id; tr.appendChild(doc);
      tr.appendChild(h("td", null, f[5] + ":" + f[6]));
      tr.appendChild(h("td", "msg", MSGS[f[7]]));
      tr.appendChild(contextCell(i));
      body.appendChild(tr);
    }
    var total = D.total > F.length ? " (the page holds " + fmt(F.length) + " of " + fmt(D.total) + ")" : "";
    $("count").textContent = view.length
      ? "Showing " + fmt(from + 1) + "–" + fmt(to) + " of " + fmt(view.length) + " matching " + (view.length === 1 ? "finding" : "findings") + (view.length < F.length ? ", filtered from " + fmt(F.length) : "") + total
      : (F.length ? "No finding matches these filters." : "No findings.");
    $("page").textContent = "page " + (st.page + 1) + " of " + pages;
    $("prev").disabled = st.page === 0;
    $("next").disabled = st.page >= pages - 1;
    document.querySelectorAll("#ftable th[data-key]").forEach(function (th) {
      th.className = th.dataset.key === st.key ? "sorted-" + st.dir : "";
    });
  }

  // -- the document view --
  function renderDoc(di) {
    currentDoc = di;
    marks = new Map();
    var d = DOCS[di], box = $("doc-text"), head = $("doc-head");
    $("doc-empty").hidden = true;
    head.hidden = false;
    head.textContent = "";
    head.appendChild(h("div", "title", d.id));
    var sub = d.src + (d.line ? " · record at line/row " + d.line : "") + " · " + count(byDoc[di].length, "finding");
    if (d.n !== undefined) sub += " · " + count(d.n, "character");
    if (d.w) sub += " · showing the text around each finding";
    if (d.t === undefined && !d.w) sub += " · text not embedded (excerpts only)";
    head.appendChild(h("div", "sub", sub));
    box.textContent = "";
    var list = byDoc[di].slice().sort(function (a, b) { return F[a][3] - F[b][3] || F[a][4] - F[b][4]; });
    var ws = windows(di);
    if (!ws.length) {
      list.forEach(function (i) {
        var p = h("div", "gap", F[i][5] + ":" + F[i][6] + " " + codeOf(i) + " ");
        var m = h("mark", "hl s-" + SEV[F[i][2]], oneLine(F[i][10] || ""));
        m._f = [i]; p.appendChild(m); box.appendChild(p); addMark(i, m);
      });
      return;
    }
    var zeroAt = new Map(), spans = [];
    list.forEach(function (i) {
      var a = F[i][3];
      if (F[i][4] > a) { spans.push(i); return; }
      if (!zeroAt.has(a)) zeroAt.set(a, []);
      zeroAt.get(a).push(i);
    });
    ws.forEach(function (w, wi) {
      var off = w[0], cp = w[1], end = off + cp.length;
      if (d.w && (wi > 0 || off > 0)) box.appendChild(h("div", "gap", "… character " + fmt(off) + " …"));
      var pts = [off, end];
      list.forEach(function (i) {
        var a = F[i][3], b = F[i][4];
        if (b >= off && a <= end) pts.push(Math.max(off, a), Math.min(end, b));
      });
      pts = Array.from(new Set(pts)).sort(function (x, y) { return x - y; });
      var active = [], next = 0;
      for (var p = 0; p < pts.length; p++) {
        var s = pts[p], zero = zeroAt.get(s);
        if (zero) {
          var z = h("mark", "hl zw s-" + SEV[F[zero[0]][2]], "▌");
          z._f = zero;
          box.appendChild(z);
          zero.forEach(function (i) { addMark(i, z); });
        }
        if (p === pts.length - 1) break;
        while (next < spans.length && F[spans[next]][3] <= s) active.push(spans[next++]);
        active = active.filter(function (i) { return F[i][4] > s; });
        var e = pts[p + 1], text = cp.slice(s - off, e - off).join("");
        if (!active.length) { box.appendChild(document.createTextNode(text)); continue; }
        var worst = Math.min.apply(null, active.map(function (i) { return F[i][2]; }));
        var m = h("mark", "hl s-" + SEV[worst] + (/^\s+$/.test(text) && text.indexOf("\n") >= 0 ? " nl" : "")), shown = visible(text);
        if (shown !== text) m.appendChild(h("span", "inv", shown)); else m.textContent = text;
        m._f = active.slice();
        m.title = active.map(function (i) { return codeOf(i) + " " + MSGS[F[i][7]]; }).join("\n");
        box.appendChild(m);
        active.forEach(function (i) { addMark(i, m); });
      }
    });
    if (d.w) { var last = ws[ws.length - 1]; if (d.n > last[0] + last[1].length) box.appendChild(h("div", "gap", "… end at character " + fmt(d.n) + " …")); }
  }
  function addMark(i, m) {
    if (!marks.has(i)) marks.set(i, []);
    marks.get(i).push(m);
  }
  function diffLine(label, ctx, removed, inserted) {
    var p = h("div", "diff");
    p.appendChild(h("span", "lbl", label));
    p.appendChild(document.createTextNode(oneLine(ctx[0])));
    if (removed !== null) p.appendChild(h("del", null, removed ? oneLine(removed) : "∅"));
    if (inserted !== null) p.appendChild(h("ins", null, inserted ? oneLine(inserted) : "∅"));
    p.appendChild(document.createTextNode(oneLine(ctx[2])));
    return p;
  }
  function renderDetail(i) {
    var f = F[i], box = $("detail"), m = META[codeOf(i)] || {}, list = byDoc[f[0]];
    box.hidden = false;
    box.className = "detail s-" + SEV[f[2]];
    box.textContent = "";
    var nav = h("span", "nav"), pos = list.indexOf(i);
    var prev = h("button", null, "‹"), next = h("button", null, "›");
    prev.type = next.type = "button";
    prev.disabled = pos <= 0; next.disabled = pos >= list.length - 1;
    prev.addEventListener("click", function () { select(list[pos - 1]); });
    next.addEventListener("click", function () { select(list[pos + 1]); });
    nav.appendChild(prev); nav.appendChild(h("span", null, " " + (pos + 1) + " / " + list.length + " ")); nav.appendChild(next);
    box.appendChild(nav);
    var title = h("div");
    var a = h("a", "code", codeOf(i)); a.href = "#doc-" + codeOf(i);
    title.appendChild(h("span", "badge " + SEV[f[2]], SEV[f[2]]));
    title.appendChild(document.createTextNode(" "));
    title.appendChild(a);
    title.appendChild(document.createTextNode(" " + (m.name || "") + " · " + (m.family || "") + " · line " + f[5] + ", column " + f[6]));
    box.appendChild(title);
    box.appendChild(h("div", "msg", MSGS[f[7]]));
    var fix = f[8];
    if (fix) {
      var moved = fix.length > 3, ctx = around(f[0], moved ? fix[3] : f[3], moved ? fix[4] : f[4], 12);
      box.appendChild(h("div", "sub", "Fix (" + APP[fix[1]] + ")" + (fix[2] ? ": " + fix[2] : "")));
      if (ctx) {
        box.appendChild(diffLine("before", ctx, ctx[1], null));
        box.appendChild(diffLine("after", ctx, null, fix[0]));
      } else {
        box.appendChild(diffLine("replace", ["", "", ""], null, fix[0]));
      }
    } else {
      box.appendChild(h("div", "sub", "No automatic fix: review by hand."));
    }
    (f[9] || []).forEach(function (r) {
      var line = h("div", "sub"), target = docById.get(r[0]);
      line.appendChild(document.createTextNode("Related: "));
      var link = h("a", null, r[0] + " [" + r[1] + ", " + r[2] + ")");
      link.href = "#findings";
      link.addEventListener("click", function (ev) {
        ev.preventDefault();
        if (target === undefined) return;
        var hit = byDoc[target].filter(function (j) { return F[j][3] <= r[1] && F[j][4] >= r[2]; })[0];
        if (hit !== undefined) { select(hit); } else { renderDoc(target); }
      });
      line.appendChild(link);
      box.appendChild(line);
    });
  }
  function select(i) {
    if (i === undefined || i < 0) return;
    if (F[i][0] !== currentDoc) renderDoc(F[i][0]);
    if (current >= 0 && marks.has(current)) marks.get(current).forEach(function (m) { m.classList.remove("sel"); });
    current = i;
    renderDetail(i);
    var ms = marks.get(i) || [];
    ms.forEach(function (m) { m.classList.add("sel"); });
    if (ms.length) {
      var view = $("docview"), top = ms[0].offsetTop - view.clientHeight / 3;
      view.scrollTop = Math.max(0, top);
    }
    document.querySelectorAll("#rows tr").forEach(function (tr) {
      tr.classList.toggle("current", tr.dataset.i === String(i));
    });
  }

  // -- charts --
  var SVGNS = "http://www.w3.org/2000/svg";
  function s(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs).forEach(function (a) { e.setAttribute(a, String(attrs[a])); });
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function num(v) { return Math.abs(v) >= 1000 || Number.isInteger(v) ? fmt(Math.round(v * 100) / 100) : String(Math.round(v * 1000) / 1000); }
  function drawHist(name) {
    var svg = $("histogram"), hh = D.hist[name];
    svg.textContent = "";
    if (!hh) { svg.appendChild(s("text", { x: 10, y: 80 }, "no per-document metrics")); return; }
    var W = 375, H = 130, x0 = 34, n = hh.counts.length, top = Math.max.apply(null, hh.counts) || 1, bw = W / n;
    svg.appendChild(s("line", { x1: x0, y1: H + 5, x2: x0 + W, y2: H + 5 }));
    hh.counts.forEach(function (c, b) {
      var bh = c ? Math.max(1, (H - 10) * c / top) : 0;
      var r = s("rect", { "class": "b", x: x0 + b * bw + 1, y: H + 5 - bh, width: Math.max(1, bw - 2), height: bh });
      r.appendChild(s("title", {}, num(hh.edges[b]) + " – " + num(hh.edges[b + 1]) + ": " + count(c, "document")));
      svg.appendChild(r);
    });
    svg.appendChild(s("text", { x: x0, y: H + 20 }, num(hh.edges[0])));
    svg.appendChild(s("text", { x: x0 + W, y: H + 20, "text-anchor": "end" }, num(hh.edges[n])));
    svg.appendChild(s("text", { x: x0 + W / 2, y: H + 20, "text-anchor": "middle" }, hh.label));
    svg.appendChild(s("text", { x: x0 - 4, y: 14, "text-anchor": "end" }, fmt(top)));
    svg.appendChild(s("text", { x: x0 - 4, y: H + 5, "text-anchor": "end" }, "0"));
    svg.appendChild(s("text", { x: x0 + W, y: 12, "text-anchor": "end" }, count(hh.n, "document")));
  }

  // -- wiring --
  function option(sel, value, label) { var o = h("option", null, label); o.value = value; sel.appendChild(o); }
  function counts(fn) { var c = new Map(); for (var i = 0; i < F.length; i++) { var k = fn(i); c.set(k, (c.get(k) || 0) + 1); } return c; }
  var famCount = counts(famOf), codeCount = counts(codeOf), sevCount = counts(function (i) { return SEV[F[i][2]]; });
  FAMILIES.concat(Array.from(famCount.keys()).filter(function (f) { return FAMILIES.indexOf(f) < 0; })).forEach(function (f) {
    if (famCount.get(f)) option($("f-family"), f, f + " (" + fmt(famCount.get(f)) + ")");
  });
  CODES.slice().sort().forEach(function (c) {
    option($("f-code"), c, c + " " + ((META[c] || {}).name || "") + " (" + fmt(codeCount.get(c) || 0) + ")");
  });
  SEV.forEach(function (v) { if (sevCount.get(v)) option($("f-sev"), v, v + " (" + fmt(sevCount.get(v)) + ")"); });
  function bind(id, field, lower) {
    var el = $(id), timer = null;
    var run = function () { st[field] = lower ? el.value.trim().toLowerCase() : el.value; apply(); };
    el.addEventListener(el.tagName === "SELECT" ? "change" : "input", function () {
      clearTimeout(timer); timer = setTimeout(run, el.tagName === "SELECT" ? 0 : 150);
    });
  }
  bind("f-family", "family"); bind("f-code", "code"); bind("f-sev", "sev"); bind("f-doc", "doc", true); bind("f-q", "q", true);
  $("filters").addEventListener("submit", function (ev) { ev.preventDefault(); });
  $("filters").addEventListener("reset", function () {
    setTimeout(function () { st.family = st.code = st.sev = st.doc = st.q = ""; apply(); }, 0);
  });
  function setFilter(id, field, value) {
    $(id).value = value; st[field] = $(id).value; apply();
    $("findings").scrollIntoView();
  }
  document.querySelectorAll("#family-chart [data-family]").forEach(function (g) {
    g.addEventListener("click", function () { setFilter("f-family", "family", g.getAttribute("data-family")); });
  });
  document.querySelectorAll(".sevs [data-sev]").forEach(function (b) {
    b.addEventListener("click", function () { setFilter("f-sev", "sev", b.getAttribute("data-sev")); });
  });
  document.querySelectorAll("#ftable th[data-key]").forEach(function (th) {
    th.addEventListener("click", function () {
      var key = th.dataset.key;
      st.dir = st.key === key ? -st.dir : 1;
      st.key = key;
      var keep = st.page; apply(); st.page = keep; renderRows();
    });
  });
  $("rows").addEventListener("click", function (ev) {
    if (ev.target.closest("a")) return;
    var tr = ev.target.closest("tr");
    if (tr) select(Number(tr.dataset.i));
  });
  $("doc-text").addEventListener("click", function (ev) {
    var m = ev.target.closest("mark");
    if (!m || !m._f) return;
    var at = m._f.indexOf(current);
    select(m._f[(at + 1) % m._f.length]);
  });
  $("prev").addEventListener("click", function () { st.page--; renderRows(); });
  $("next").addEventListener("click", function () { st.page++; renderRows(); });
  var metric = $("metric");
  Object.keys(D.hist).forEach(function (k) { option(metric, k, D.hist[k].label); });
  metric.addEventListener("change", function () { drawHist(metric.value); });
  drawHist(metric.value);
  var worst = $("worst");
  D.worst.forEach(function (w) {
    var tr = h("tr"), di = docById.get(w.id);
    tr.appendChild(h("td", null, w.id));
    tr.appendChild(h("td", "r", fmt(w.n)));
    tr.appendChild(h("td", "r", fmt(w.chars)));
    tr.appendChild(h("td", "r", w.chars ? num(w.n * 1000 / w.chars) : "–"));
    if (di !== undefined) tr.addEventListener("click", function () { $("findings").scrollIntoView(); select(byDoc[di][0]); });
    worst.appendChild(tr);
  });
  if (!D.worst.length) { var tr = h("tr"); tr.appendChild(h("td", null, "No document has findings.")); worst.appendChild(tr); }
  apply();
})();
