/* Measurements taken inside the page by the browser audit (lscb_audit).
   Evaluated with page.evaluate, so a Content-Security-Policy does not stop it.
   Defines window.lscbAudit; every function returns plain data. */
(function () {
  "use strict";

  function selector(el) {
    if (!el || el.nodeType !== 1) { return ""; }
    var parts = [];
    // Five steps up, or more until the selector names only this element
    // (two tables with a link in the same cell would otherwise look the same).
    while (el && el.nodeType === 1 &&
           (parts.length < 5 || document.querySelectorAll(parts.join(" > ")).length > 1)) {
      if (el.id) { parts.unshift("#" + CSS.escape(el.id)); break; }
      var part = el.tagName.toLowerCase();
      var cls = (el.getAttribute("class") || "").trim().split(/\s+/).filter(Boolean)[0];
      if (cls) { part += "." + CSS.escape(cls); }
      var parent = el.parentElement;
      if (parent) {
        var same = Array.prototype.filter.call(parent.children, function (c) { return c.tagName === el.tagName; });
        if (same.length > 1) { part += ":nth-of-type(" + (same.indexOf(el) + 1) + ")"; }
      }
      parts.unshift(part);
      el = parent;
    }
    return parts.join(" > ");
  }

  function snippet(el) {
    var text = (el.textContent || "").replace(/\s+/g, " ").trim();
    return text.length > 40 ? text.slice(0, 39) + "\u2026" : text;
  }

  function parseColour(value) {
    var m = /rgba?\(([^)]+)\)/.exec(value || "");
    if (!m) { return null; }
    var p = m[1].split(/[ ,\/]+/).filter(Boolean).map(parseFloat);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  }

  function over(top, bottom) {  // top composited over an opaque bottom
    var a = top.a;
    return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a),
             b: top.b * a + bottom.b * (1 - a), a: 1 };
  }

  function luminance(c) {
    function channel(v) { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  }

  function ratio(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /* The opaque colour behind an element: its own background and its
     ancestors', composited; null when an image is behind it. */
  function background(el) {
    var layers = [];
    for (var node = el; node && node.nodeType === 1; node = node.parentElement) {
      var style = getComputedStyle(node);
      if (style.backgroundImage && style.backgroundImage !== "none") { return null; }
      var colour = parseColour(style.backgroundColor);
      if (colour && colour.a > 0) {
        layers.push(colour);
        if (colour.a >= 1) { break; }
      }
    }
    var result = { r: 255, g: 255, b: 255, a: 1 };  // the canvas
    for (var i = layers.length - 1; i >= 0; i--) { result = over(layers[i], result); }
    return result;
  }

  function visible(el) {
    var style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none" || parseFloat(style.opacity) === 0) { return false; }
    var rect = el.getBoundingClientRect();
    // A 1-pixel box is text for screen readers only (the visually-hidden pattern).
    if (rect.width <= 1 || rect.height <= 1) { return false; }
    // Off-screen, as the skip link is until it has focus.
    return rect.right > 0 && rect.bottom > -window.scrollY && rect.left < document.documentElement.scrollWidth;
  }

  /* Elements that hold text of their own (a non-blank text node child). */
  function textElements() {
    var found = [];
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    var seen = new Set();
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var el = node.parentElement;
      if (!node.nodeValue.trim() || seen.has(el)) { continue; }
      if (el.closest("script, style, noscript, [hidden], [aria-hidden='true']")) { continue; }
      seen.add(el);
      if (visible(el)) { found.push(el); }
    }
    return found;
  }

  function contrast(minimum) {
    var problems = [];
    textElements().forEach(function (el) {
      var style = getComputedStyle(el);
      var fg = parseColour(style.color);
      var bg = background(el);
      if (!fg || !bg) { return; }
      var value = ratio(fg.a < 1 ? over(fg, bg) : fg, bg);
      if (value < minimum) {
        problems.push({ element: selector(el), text: snippet(el), ratio: Math.round(value * 100) / 100,
                        colour: style.color, background: "rgb(" + [bg.r, bg.g, bg.b].map(Math.round).join(", ") + ")" });
      }
    });
    return problems;
  }

  function linksUnderlined() {
    var problems = [];
    document.querySelectorAll("a[href]").forEach(function (a) {
      if (!visible(a)) { return; }
      var line = getComputedStyle(a).textDecorationLine;
      if (line.indexOf("underline") === -1) { problems.push({ element: selector(a), text: snippet(a) }); }
    });
    return problems;
  }

  function fontSizes() {
    return textElements().map(function (el) {
      // Text in an SVG is drawn at its font size times the SVG's scale (viewBox to screen).
      var scale = el instanceof SVGGraphicsElement && el.getScreenCTM() ? el.getScreenCTM().a : 1;
      return { element: selector(el), text: snippet(el), size: parseFloat(getComputedStyle(el).fontSize) * scale };
    });
  }

  function rootFontSize() { return parseFloat(getComputedStyle(document.documentElement).fontSize); }

  /* Horizontal scrolling, text cut off by its box, and text drawn over other text. */
  function reflow(words) {
    var problems = [];
    var doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) {
      var widest = null, right = doc.clientWidth;
      document.querySelectorAll("body *").forEach(function (el) {
        var r = el.getBoundingClientRect();
        if (r.right > right + 1 && !el.closest(".table-scroll") && visible(el)) { widest = el; right = r.right; }
      });
      problems.push({ kind: "horizontal scrolling", element: selector(widest),
                      detail: "page is " + doc.scrollWidth + " px wide in a " + doc.clientWidth + " px window" });
    }
    var texts = textElements();
    texts.forEach(function (el) {
      var style = getComputedStyle(el);
      for (var node = el; node && node !== document.body; node = node.parentElement) {
        var s = node === el ? style : getComputedStyle(node);
        var clips = /hidden|clip/.test(s.overflowX + s.overflowY + s.textOverflow.replace("clip", ""));
        if (clips && !node.classList.contains("table-scroll") &&
            (node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1) &&
            node.clientWidth > 0) {
          problems.push({ kind: "text cut off", element: selector(node), detail: snippet(el) });
          break;
        }
      }
    });
    // Overlap: boxes of text (one line box per text element) that intersect
    // although neither contains the other.
    var boxes = texts.map(function (el) {
      // The element's own lines of text, not its children's (which are
      // measured as elements of their own, if they are visible at all).
      var rects = [];
      el.childNodes.forEach(function (node) {
        if (node.nodeType !== 3 || !node.nodeValue.trim()) { return; }
        var range = document.createRange();
        range.selectNodeContents(node);
        rects.push.apply(rects, Array.prototype.slice.call(range.getClientRects()));
      });
      return { el: el, rects: rects };
    });
    for (var i = 0; i < boxes.length; i++) {
      for (var j = i + 1; j < boxes.length; j++) {
        var a = boxes[i], b = boxes[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) { continue; }
        var hit = a.rects.some(function (ra) {
          return b.rects.some(function (rb) {
            var w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
            var h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
            return w > 2 && h > 2;
          });
        });
        if (hit) {
          problems.push({ kind: "text overlaps other text", element: selector(a.el),
                          detail: snippet(a.el) + " / " + selector(b.el) + " " + snippet(b.el) });
        }
      }
    }
    if (words !== false) { brokenWords().forEach(function (item) { problems.push(item); }); }
    return problems;
  }

  /* A heading's word drawn over two lines ("safeguardin" / "g"): the
     browser breaks a word only when it is wider than the line, which large
     text on a narrow phone makes likely for a heading. A word here is a run
     of letters between spaces or hyphens (a line may end after a hyphen), of
     at most 16 letters (a longer one may have to break). */
  function brokenWords() {
    var found = [];
    document.querySelectorAll("h1, h2, h3, h4").forEach(function (heading) {
      if (!visible(heading)) { return; }
      var walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        var pattern = /[^\s\-\u2010-\u2015\/]+/g, match;
        while ((match = pattern.exec(node.nodeValue))) {
          if (match[0].length < 2 || match[0].length > 16) { continue; }
          var range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          var tops = {};
          Array.prototype.forEach.call(range.getClientRects(), function (r) {
            if (r.width > 0) { tops[Math.round(r.top)] = true; }
          });
          if (Object.keys(tops).length > 1) {
            found.push({ kind: "word broken across lines", element: selector(heading),
                         detail: "'" + match[0] + "' at " + Math.round(parseFloat(getComputedStyle(heading).fontSize)) +
                                 " px in a " + Math.round(heading.clientWidth) + " px heading" });
          }
        }
      }
    });
    return found;
  }

  /* What shows that the focused element has focus. */
  function focusIndicator() {
    var el = document.activeElement;
    if (!el || el === document.body) { return null; }
    var style = getComputedStyle(el);
    var outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 &&
      (parseColour(style.outlineColor) || { a: 0 }).a > 0;
    var shadow = style.boxShadow && style.boxShadow !== "none";
    return { element: selector(el), text: snippet(el), tag: el.tagName.toLowerCase(),
             outline: outline, shadow: !!shadow, background: style.backgroundColor,
             outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth };
  }

  function focusables() {
    var list = document.querySelectorAll(
      "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])");
    return Array.prototype.filter.call(list, function (el) {
      return !el.disabled && visible(el) && !el.closest("[hidden], [inert]");
    }).map(selector);
  }

  window.lscbAudit = {
    selector: selector, contrast: contrast, linksUnderlined: linksUnderlined, fontSizes: fontSizes,
    rootFontSize: rootFontSize, reflow: reflow, focusIndicator: focusIndicator, focusables: focusables,
    active: function () { return selector(document.activeElement); }
  };
})();
