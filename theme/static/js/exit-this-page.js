/* Exit this page. The control is a real link to a neutral website, so it works
   without JavaScript. Here it also:
   - blanks the page at once with an overlay, before the next site loads;
   - removes everything the site keeps on the device (the display choice,
     in localStorage or sessionStorage: every entry named "lscb-..."), so
     nothing of the visit is left in the browser's storage;
   - replaces this page in the history, so Back does not return to it;
   - leaves when Shift is pressed 3 times within 5 seconds, announcing progress;
   - removes the overlay if the reader comes back to a cached copy. */
(function () {
  "use strict";
  var PRESSES = 3;
  var WINDOW_MS = 5000;
  var PREFIX = "lscb-";

  /* Only the site's own entries: a site served from a shared address
     (a GitHub Pages project, say) must not empty another's storage. */
  function forget(name) {
    try {
      var storage = window[name];
      for (var i = storage.length - 1; i >= 0; i--) {
        var key = storage.key(i);
        if (key !== null && key.indexOf(PREFIX) === 0) { storage.removeItem(key); }
      }
    } catch (e) { /* storage switched off: nothing was kept */ }
  }

  function start(module) {
    var link = module.querySelector("a[data-exit-url]");
    var status = module.querySelector('[role="status"]');
    if (!link) { return; }
    var url = link.getAttribute("data-exit-url");
    var presses = 0;
    var timer = null;
    var overlay = null;

    function exit(event) {
      if (event) { event.preventDefault(); }
      overlay = document.createElement("div");
      overlay.className = "exit-this-page-overlay";
      document.body.appendChild(overlay);
      document.documentElement.classList.add("exit-this-page--leaving");
      document.title = "Exiting page";
      forget("localStorage");
      forget("sessionStorage");
      window.location.replace(url);
    }

    function announce(text) { if (status) { status.textContent = text; } }

    function reset() {
      presses = 0;
      if (timer) { window.clearTimeout(timer); timer = null; }
    }

    link.addEventListener("click", exit);

    document.addEventListener("keyup", function (event) {
      var isShift = event.key === "Shift" || event.keyCode === 16;
      if (!isShift) { reset(); return; }
      presses += 1;
      if (presses >= PRESSES) {
        reset();
        announce("Exiting this page");
        exit();
        return;
      }
      var left = PRESSES - presses;
      announce("Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to exit.");
      if (timer) { window.clearTimeout(timer); }
      timer = window.setTimeout(function () { reset(); announce("Exit this page expired."); }, WINDOW_MS);
    });

    window.addEventListener("pageshow", function (event) {
      if (event.persisted && overlay) {
        overlay.parentNode.removeChild(overlay);
        overlay = null;
        document.documentElement.classList.remove("exit-this-page--leaving");
        announce("");
      }
    });
  }

  var modules = document.querySelectorAll('[data-module="exit-this-page"]');
  for (var i = 0; i < modules.length; i++) { start(modules[i]); }
})();
