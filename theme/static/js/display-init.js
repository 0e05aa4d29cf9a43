/* Runs in <head>, before the first paint: marks that scripts run and applies
   the reader's saved text size and high visibility, so the page never flashes
   in the default style. Choices live in localStorage on the reader's device;
   no cookie is set and nothing is sent anywhere. */
(function () {
  var root = document.documentElement;
  root.className = root.className.replace(/\bno-js\b/, "") + " js";
  try {
    var size = window.localStorage.getItem("lscb-text-size");
    if (size === "medium" || size === "large") {
      root.className += " text-" + size;
    }
    if (window.localStorage.getItem("lscb-high-visibility") === "on") {
      root.className += " high-visibility";
    }
  } catch (e) {
    /* Storage can be switched off; the site works without it. */
  }
})();
