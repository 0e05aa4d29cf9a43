/* Display options: standard, larger or largest text, and high visibility.
   The sizes keep their first names (small, medium, large) in data-text-size,
   the classes and the reader's storage, so choices made before the labels
   changed still apply.
   The buttons are real <button>s that report their state with aria-pressed.
   Without JavaScript the bar stays hidden (it could not work). */
(function () {
  "use strict";
  var SIZES = ["small", "medium", "large"];
  var root = document.documentElement;

  function save(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* not stored */ }
  }

  function currentSize() {
    for (var i = 0; i < SIZES.length; i++) {
      if (root.classList.contains("text-" + SIZES[i])) { return SIZES[i]; }
    }
    return "small";
  }

  function setSize(size) {
    for (var i = 0; i < SIZES.length; i++) { root.classList.remove("text-" + SIZES[i]); }
    if (size !== "small") { root.classList.add("text-" + size); }
    save("lscb-text-size", size);
  }

  function setHighVisibility(on) {
    root.classList.toggle("high-visibility", on);
    save("lscb-high-visibility", on ? "on" : "off");
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
    bar.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button") : null;
      if (!button || !bar.contains(button)) { return; }
      if (button.hasAttribute("data-text-size")) {
        setSize(button.getAttribute("data-text-size"));
      } else if (button.hasAttribute("data-high-visibility")) {
        setHighVisibility(!root.classList.contains("high-visibility"));
      }
      refresh(bar);
    });
    refresh(bar);
    bar.hidden = false;
  }

  var bars = document.querySelectorAll('[data-module="display-options"]');
  for (var i = 0; i < bars.length; i++) { start(bars[i]); }
})();
