/* Listen to this page: reads the page's main content aloud with the browser's
   own speech synthesis (the Web Speech API). Nothing is downloaded, sent or
   stored: the voice is the one the reader's device already has.

   - The control (partials/listen.html) is rendered hidden, and shown here only
     when the browser has speech synthesis, so without JavaScript or without
     speech it is never offered.
   - It reads <main> in document order: headings, paragraphs, list items, table
     cells, captions and the text alternatives of images; never navigation,
     the control itself, or anything hidden. One sentence per utterance.
   - The block being read has the class "listen-reading"; where the browser
     has the CSS Custom Highlight API the sentence itself is highlighted too.
   - One button starts, pauses and resumes (its label says what it will do,
     and a polite status line says what is happening); Stop ends the reading. */
(function () {
  "use strict";
  if (!("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") { return; }

  // Elements whose text makes a block of its own (also anything displayed as a block).
  var BLOCK_TAGS = /^(H[1-6]|P|LI|DT|DD|TH|TD|CAPTION|FIGCAPTION|BLOCKQUOTE|PRE|SUMMARY|LEGEND|LABEL|ADDRESS)$/;
  // Never read, with everything inside them.
  var SKIP_TAGS = /^(NAV|SCRIPT|STYLE|NOSCRIPT|TEMPLATE|BUTTON|INPUT|SELECT|TEXTAREA|OPTION|IFRAME|OBJECT|CANVAS|AUDIO|VIDEO)$/;
  var SKIP_SELECTOR = '[data-module="listen"], [data-listen-skip], [hidden], [aria-hidden="true"], ' +
    '[role="navigation"], .skip-link, .back-to-top, .footnote-backref';
  var HIGHLIGHT_CLASS = "listen-reading";
  var HIGHLIGHT_NAME = "listen-sentence";
  var SENTENCE_END = /[.!?]+["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u00de])/g;
  // A full stop after these is not the end of a sentence ("1. The duty", "Dr. Lee").
  var NOT_AN_END = /(^|\s)(\d{1,3}(\.\d+)*|[A-Za-z]|Mr|Mrs|Ms|Dr|St|No|Prof|e\.g|i\.e)\.$/i;

  function matches(element, selector) {
    var fn = element.matches || element.msMatchesSelector || element.webkitMatchesSelector;
    return fn ? fn.call(element, selector) : false;
  }

  function skipped(element) {
    if (SKIP_TAGS.test(element.tagName.toUpperCase()) || matches(element, SKIP_SELECTOR)) { return true; }
    // Not rendered (display: none, here or above, or a closed <details>).
    if (!element.getClientRects().length && element.tagName.toUpperCase() !== "BR") { return true; }
    var style = window.getComputedStyle(element);
    return style.visibility === "hidden" || style.visibility === "collapse";
  }

  function isBlock(element) {
    if (BLOCK_TAGS.test(element.tagName.toUpperCase())) { return true; }
    var display = window.getComputedStyle(element).display;
    return display !== "inline" && display !== "contents" && display.indexOf("inline") !== 0;
  }

  // The text an image stands for: its alt text, or an SVG's accessible name.
  function imageText(element) {
    var tag = element.tagName.toUpperCase();
    var label = element.getAttribute("aria-label");
    if (!label && element.getAttribute("aria-labelledby")) {
      var ids = element.getAttribute("aria-labelledby").split(/\s+/);
      var names = [];
      for (var i = 0; i < ids.length; i++) {
        var named = ids[i] && document.getElementById(ids[i]);
        if (named) { names.push(named.textContent); }
      }
      label = names.join(". ");
    }
    if (!label && tag === "IMG") { label = element.getAttribute("alt"); }
    if (!label && tag === "SVG") {
      var title = element.querySelector("title");
      label = title ? title.textContent : "";
    }
    label = (label || "").replace(/\s+/g, " ").replace(/^ | $/g, "");
    return label ? "Image: " + label + (/[.!?]$/.test(label) ? " " : ". ") : "";
  }

  /* The main content as blocks, in document order: each {element, text,
     parts}, where parts map stretches of text back to the text nodes they came
     from ({node, start, end, offsets}), for highlighting a sentence. */
  function collect(root) {
    var blocks = [];
    var current = null;

    function close() {
      if (current) {
        current.text = current.text.replace(/ +$/, "");
        if (/\S/.test(current.text)) { blocks.push(current); }
      }
      current = null;
    }

    function add(element, node, text) {
      if (!current) { current = { element: element, text: "", parts: [] }; }
      var offsets = [];
      var out = "";
      for (var i = 0; i < text.length; i++) {
        var white = /\s/.test(text.charAt(i));
        if (white) {
          // Whitespace collapses as the browser shows it: one space, none at the start.
          var before = out.length ? out.charAt(out.length - 1) : current.text.charAt(current.text.length - 1);
          if (!before || before === " ") { continue; }
          out += " ";
        } else {
          out += text.charAt(i);
        }
        offsets.push(i);
      }
      if (!out) { return; }
      current.parts.push({ node: node, start: current.text.length, end: current.text.length + out.length, offsets: offsets });
      current.text += out;
    }

    function walk(element, block) {
      for (var child = element.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) {
          add(block, child, child.nodeValue);
        } else if (child.nodeType === 1) {
          if (skipped(child)) { continue; }
          var tag = child.tagName.toUpperCase();
          if (tag === "IMG" || tag === "SVG" || child.getAttribute("role") === "img") {
            var text = imageText(child);
            if (text) { add(block, null, text); }
          } else if (tag === "BR") {
            add(block, null, " ");
          } else if (isBlock(child)) {
            close();
            walk(child, child);
            close();
          } else {
            walk(child, block);
          }
        }
      }
    }

    walk(root, root);
    close();
    return blocks;
  }

  // Each block's sentences: {block, start, end, text}.
  function sentences(blocks) {
    var list = [];
    for (var b = 0; b < blocks.length; b++) {
      var text = blocks[b].text;
      var start = 0;
      var match;
      SENTENCE_END.lastIndex = 0;
      while ((match = SENTENCE_END.exec(text)) !== null) {
        var end = match.index + match[0].length;
        if (NOT_AN_END.test(text.slice(start, match.index + 1))) { continue; }
        list.push({ block: blocks[b], start: start, end: end, text: text.slice(start, end).replace(/ +$/, "") });
        start = end;
      }
      if (start < text.length) {
        list.push({ block: blocks[b], start: start, end: text.length, text: text.slice(start) });
      }
    }
    return list;
  }

  // A Range over one sentence's text, or null (an image's text, or no API).
  function sentenceRange(sentence) {
    if (!window.CSS || !CSS.highlights || typeof window.Highlight !== "function") { return null; }
    var parts = sentence.block.parts;
    var range = document.createRange();
    var started = false;
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      if (!part.node || part.end <= sentence.start || part.start >= sentence.end) { continue; }
      if (!started) {
        var from = Math.max(sentence.start, part.start) - part.start;
        range.setStart(part.node, part.offsets[from]);
        started = true;
      }
      var to = Math.min(sentence.end, part.end) - part.start - 1;
      range.setEnd(part.node, part.offsets[to] + 1);
    }
    return started ? range : null;
  }

  function start(module) {
    var main = document.querySelector("main") || document.getElementById("main-content");
    var toggle = module.querySelector('[data-listen="toggle"]');
    var stopButton = module.querySelector('[data-listen="stop"]');
    var status = module.querySelector('[role="status"]');
    if (!main || !toggle || !stopButton) { return; }
    var labels = {
      idle: toggle.textContent.replace(/\s+/g, " ").replace(/^ | $/g, ""),
      reading: toggle.getAttribute("data-label-pause") || "Pause reading",
      paused: toggle.getAttribute("data-label-resume") || "Resume reading"
    };
    var lang = document.documentElement.getAttribute("lang") || "";
    var state = "idle";
    var queue = [];
    var index = 0;
    var run = 0;  // bumped on every stop, so events of an old reading are ignored
    var highlighted = null;
    // The utterance being spoken, held here: Chrome can lose an utterance
    // nothing refers to, and then its end never comes.
    var speaking = null;

    function announce(text) { if (status) { status.textContent = text; } }

    function show(next) {
      state = next;
      module.setAttribute("data-listen-state", next);
      toggle.textContent = labels[next];
      stopButton.hidden = next === "idle";
    }

    function unhighlight() {
      if (highlighted) { highlighted.classList.remove(HIGHLIGHT_CLASS); highlighted = null; }
      if (window.CSS && CSS.highlights) { CSS.highlights["delete"](HIGHLIGHT_NAME); }
    }

    function highlight(sentence) {
      var element = sentence.block.element;
      if (highlighted !== element) {
        unhighlight();
        highlighted = element;
        element.classList.add(HIGHLIGHT_CLASS);
        var box = element.getBoundingClientRect();
        if (box.top < 0 || box.bottom > (window.innerHeight || document.documentElement.clientHeight)) {
          element.scrollIntoView({ block: "center" });
        }
      }
      var range = sentenceRange(sentence);
      if (range) { CSS.highlights.set(HIGHLIGHT_NAME, new window.Highlight(range)); }
    }

    function finish(message) {
      run += 1;
      speaking = null;
      unhighlight();
      var hadFocus = document.activeElement === stopButton;
      show("idle");
      if (hadFocus) { toggle.focus(); }
      announce(message);
    }

    function speakNext(thisRun) {
      if (thisRun !== run) { return; }
      if (index >= queue.length) { finish("Finished reading the page."); return; }
      var sentence = queue[index];
      var utterance = new window.SpeechSynthesisUtterance(sentence.text);
      // The page's language, or a passage's own (<p lang="cy">).
      var marked = sentence.block.element.closest ? sentence.block.element.closest("[lang]") : null;
      var language = (marked && marked.getAttribute("lang")) || lang;
      if (language) { utterance.lang = language; }
      utterance.onend = function () {
        if (thisRun !== run) { return; }
        index += 1;
        speakNext(thisRun);
      };
      utterance.onerror = function (event) {
        if (thisRun !== run) { return; }
        var error = event && event.error;
        if (error === "interrupted" || error === "canceled") { return; }
        window.speechSynthesis.cancel();
        finish("Reading stopped: your browser could not read this page aloud.");
      };
      highlight(sentence);
      speaking = utterance;
      window.speechSynthesis.speak(speaking);
    }

    function play() {
      window.speechSynthesis.cancel();  // anything still queued from before
      // Chrome keeps a pause over cancel(): what is spoken next would wait.
      if (window.speechSynthesis.paused) { window.speechSynthesis.resume(); }
      queue = sentences(collect(main));
      index = 0;
      run += 1;
      show("reading");
      announce("Reading the page aloud.");
      speakNext(run);
    }

    function stop() {
      window.speechSynthesis.cancel();
      finish("Stopped reading.");
    }

    toggle.addEventListener("click", function () {
      if (state === "idle") {
        play();
      } else if (state === "reading") {
        window.speechSynthesis.pause();
        show("paused");
        announce("Paused.");
      } else {
        window.speechSynthesis.resume();
        show("reading");
        announce("Reading the page aloud.");
      }
    });
    stopButton.addEventListener("click", stop);
    module.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc" || event.keyCode === 27) && state !== "idle") {
        event.preventDefault();
        stop();
        toggle.focus();
      }
    });
    // Leaving the page ends the reading: the voice must not follow the reader.
    window.addEventListener("pagehide", function () { if (state !== "idle") { stop(); } });

    show("idle");
    module.hidden = false;
  }

  var modules = document.querySelectorAll('[data-module="listen"]');
  for (var i = 0; i < modules.length; i++) { start(modules[i]); }
})();
