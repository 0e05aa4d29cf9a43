/* Display options: standard, larger or largest text, and high visibility,
   and a "Remember on this device" tick box.
   The sizes keep their first names (small, medium, large) in data-text-size,
   the classes and the reader's storage, so choices made before the labels
   changed still apply.
   Where a choice is kept (display-init.js reads it before the first paint):
   - not ticked: for the visit only, in sessionStorage, which the browser
     empties when the tab is closed; the standard look stores nothing;
   - ticked: in localStorage, kept on the device until the box is unticked,
     Exit this page is used or the browser's site data is cleared. Both
     entries are written, even for the standard look, so that the tick
     itself is remembered. A choice already in localStorage (from before
     the box existed) shows as ticked.
   The buttons are real <button>s that report their state with aria-pressed;
   the tick box is a real checkbox with its label.
   Without JavaScript the bar stays hidden (it could not work). */
(function () {
  "use strict";
  var SIZES = ["small", "medium", "large"];
  var SIZE_KEY = "lscb-text-size";
  var CONTRAST_KEY = "lscb-high-visibility";
  var root = document.documentElement;

  function store(name) {
    try { return window[name]; } catch (e) { return null; }
  }

  function remove(storage, key) {
    try { if (storage) { storage.removeItem(key); } } catch (e) { /* nothing held */ }
  }

  function put(storage, key, value) {
    try { if (storage) { storage.setItem(key, value); } } catch (e) { /* not stored */ }
  }

  function remembered() {
    var local = store("localStorage");
    try {
      return !!local && (local.getItem(SIZE_KEY) !== null || local.getItem(CONTRAST_KEY) !== null);
    } catch (e) { return false; }
  }

  function currentSize() {
    for (var i = 0; i < SIZES.length; i++) {
      if (root.classList.contains("text-" + SIZES[i])) { return SIZES[i]; }
    }
    return "small";
  }

  /* Writes what is shown now to the one place it belongs, and clears the other. */
  function save(onDevice) {
    var local = store("localStorage");
    var session = store("sessionStorage");
    var size = currentSize();
    var contrast = root.classList.contains("high-visibility") ? "on" : "off";
    if (onDevice) {
      put(local, SIZE_KEY, size);
      put(local, CONTRAST_KEY, contrast);
      remove(session, SIZE_KEY);
      remove(session, CONTRAST_KEY);
      return;
    }
    remove(local, SIZE_KEY);
    remove(local, CONTRAST_KEY);
    if (size === "small") { remove(session, SIZE_KEY); } else { put(session, SIZE_KEY, size); }
    if (contrast === "off") { remove(session, CONTRAST_KEY); } else { put(session, CONTRAST_KEY, contrast); }
  }

  function setSize(size) {
    for (var i = 0; i < SIZES.length; i++) { root.classList.remove("text-" + SIZES[i]); }
    if (size !== "small") { root.classList.add("text-" + size); }
  }

  function refresh(bar) {
    var size = currentSize();
    var buttons = bar.querySelectorAll("button[data-text-size]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-text-size") === size));
    }
    var contrast = bar.querySelector("button[data-high-visibility]");
    if (contrast) {
      contrast.setAttribute("aria-pressed", String(root.classList.contains("high-visibility")));
    }
  }

  function start(bar) {
    var tick = bar.querySelector("input[data-display-remember]");
    bar.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button") : null;
      if (!button || !bar.contains(button)) { return; }
      if (button.hasAttribute("data-text-size")) {
        setSize(button.getAttribute("data-text-size"));
      } else if (button.hasAttribute("data-high-visibility")) {
        root.classList.toggle("high-visibility", !root.classList.contains("high-visibility"));
      } else {
        return;
      }
      save(tick ? tick.checked : remembered());
      refresh(bar);
    });
    if (tick) {
      tick.checked = remembered();
      tick.addEventListener("change", function () { save(tick.checked); });
    }
    refresh(bar);
    bar.hidden = false;
  }

  var bars = document.querySelectorAll('[data-module="display-options"]');
  for (var i = 0; i < bars.length; i++) { start(bars[i]); }
})();
