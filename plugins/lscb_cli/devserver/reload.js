/* Live preview (make devserver only; never part of the built site).
   Asks the preview server every second how the last build went: reloads the
   page after a good build, and shows the problems after a failed one. */
(function () {
  "use strict";
  var seen = null;
  var banner = null;

  function addStyles() {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = "/__devserver/devserver.css";
    document.head.appendChild(link);
  }

  function show(status) {
    var elsewhere = status.ok !== false && status.elsewhere;
    if (status.ok !== false && !elsewhere) {
      if (banner) { banner.parentNode.removeChild(banner); banner = null; }
      return;
    }
    if (!banner) {
      banner = document.createElement("section");
      banner.className = "lscb-devserver";
      banner.setAttribute("role", "alert");
      banner.setAttribute("aria-labelledby", "lscb-devserver-heading");
      document.body.insertBefore(banner, document.body.firstChild);
    }
    banner.textContent = "";
    var heading = document.createElement("h2");
    heading.id = "lscb-devserver-heading";
    var intro = document.createElement("p");
    var report = document.createElement("pre");
    if (elsewhere) {
      heading.textContent = "Your change is shown, but links to or from it are broken";
      intro.textContent = (status.changed ? "You saved " + status.changed + ". " : "") +
        "The whole site will not build until these are fixed:";
      report.textContent = status.elsewhere;
    } else {
      heading.textContent = "Preview not updated: the last save has problems";
      intro.textContent = (status.changed ? "You saved " + status.changed + ". " : "") +
        "This page shows the last good build. Fix these problems and save again:";
      report.textContent = status.report;
    }
    banner.appendChild(heading);
    banner.appendChild(intro);
    banner.appendChild(report);
  }

  function poll() {
    fetch("/__devserver/status", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (seen === null) {
          seen = status.version;
          show(status);
        } else if (status.version !== seen) {
          if (status.ok) {
            window.location.reload();
            return;
          }
          seen = status.version;
          show(status);
        }
      })
      .catch(function () { /* the preview was stopped; try again later */ })
      .then(function () { window.setTimeout(poll, 1000); });
  }

  addStyles();
  poll();
})();
