/* Runs in <head>, before the first paint: marks that scripts run and applies
   the reader's text size and high visibility, so the page never flashes in
   the default style. A choice is kept for the visit only (sessionStorage,
   gone when the tab or browser is closed) unless the reader ticked
   "Remember on this device" (localStorage). A choice in localStorage, made
   before the tick box existed, still applies and counts as ticked.
   No cookie is set and nothing is sent anywhere. Exit this page removes
   both (exit-this-page.js). */
(function () {
  var root = document.documentElement;
  root.className = root.className.replace(/\bno-js\b/, "") + " js";
  var KEYS = ["lscb-text-size", "lscb-high-visibility"];

  function held(store) {
    for (var i = 0; i < KEYS.length; i++) {
      if (store.getItem(KEYS[i]) !== null) { return true; }
    }
    return false;
  }

  try {
    var store = held(window.localStorage) ? window.localStorage : window.sessionStorage;
    var size = store.getItem("lscb-text-size");
    if (size === "medium" || size === "large") {
      root.className += " text-" + size;
    }
    if (store.getItem("lscb-high-visibility") === "on") {
      root.className += " high-visibility";
    }
  } catch (e) {
    /* Storage can be switched off; the site works without it. */
  }
})();
