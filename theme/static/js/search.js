/* Site search on the search page, with pagefind's JavaScript API.

   The index is built with the site (plugins/lscb_search) and is read from
   this website only: no server, no other website. The query is kept in the
   address (?q=), so Back returns to earlier results and results can be
   bookmarked. Searching happens when the reader presses Enter or the button,
   never while they type, and focus stays where the reader put it. Excerpts
   come from the index as HTML: only their <mark> highlights are kept, every
   other tag becomes plain text. */
(function () {
  "use strict";
  var MAX_RESULTS = 50;

  function start(module) {
    var form = module.querySelector(".search__form");
    var input = module.querySelector(".search__input");
    var status = module.querySelector(".search__status");
    var list = module.querySelector(".search__results");
    var noJs = module.querySelector("[data-search-no-js]");
    var unavailable = module.querySelector("[data-search-unavailable]");
    var fallback = module.querySelector(".search__fallback");
    if (!form || !input || !status || !list) { return; }

    // SITEURL as the template wrote it: relative in previews, absolute live.
    var root = new URL(module.getAttribute("data-search-root") || "/", window.location.href);
    var loading = null;
    var latest = 0;

    noJs.hidden = true;
    fallback.hidden = true;
    form.hidden = false;

    function pagefind() {
      if (!loading) {
        loading = import(new URL("pagefind/pagefind.js", root).href).then(function (api) {
          return api.options({ baseUrl: root.pathname }).then(function () { return api; });
        });
      }
      return loading;
    }

    function say(text) { status.textContent = text; }

    function showUnavailable() {
      say("");
      list.hidden = true;
      unavailable.hidden = false;
      fallback.hidden = false;
    }

    // The excerpt's text with its <mark> elements, nothing else. DOMParser
    // builds an inert document: nothing in it runs or loads.
    function excerptNodes(html) {
      var parsed = new DOMParser().parseFromString("<body>" + html, "text/html");
      var out = document.createDocumentFragment();
      parsed.body.childNodes.forEach(function (node) {
        if (node.nodeType === 1 && node.nodeName === "MARK") {
          var mark = document.createElement("mark");
          mark.textContent = node.textContent;
          out.appendChild(mark);
        } else {
          out.appendChild(document.createTextNode(node.textContent));
        }
      });
      return out;
    }

    function sameSite(url) {
      var target = new URL(url, root);
      return target.origin === window.location.origin ? target.href : null;
    }

    function resultItem(data) {
      var href = sameSite(data.url);
      if (!href) { return null; }
      var item = document.createElement("li");
      item.className = "card search-result";
      var heading = document.createElement("h2");
      heading.className = "card__title";
      var link = document.createElement("a");
      link.href = href;
      link.textContent = (data.meta && data.meta.title) || data.url;
      heading.appendChild(link);
      item.appendChild(heading);
      if (data.meta && data.meta.kind) {
        var kind = document.createElement("p");
        kind.className = "card__meta";
        kind.textContent = data.meta.kind;
        item.appendChild(kind);
      }
      var excerpt = document.createElement("p");
      excerpt.className = "search-result__excerpt";
      excerpt.appendChild(excerptNodes(data.excerpt || ""));
      item.appendChild(excerpt);
      return item;
    }

    function plural(count) { return count === 1 ? "1 result" : count + " results"; }

    function run(query) {
      var ticket = ++latest;
      query = query.trim();
      list.replaceChildren();
      list.hidden = true;
      if (!query) {
        say("Type a word or a few words to search for.");
        return;
      }
      say("Searching for \u201c" + query + "\u201d\u2026");
      pagefind().then(function (api) {
        return api.search(query);
      }).then(function (search) {
        var found = search ? search.results : [];
        return Promise.all(found.slice(0, MAX_RESULTS).map(function (r) { return r.data(); }))
          .then(function (pages) { return { total: found.length, pages: pages }; });
      }).then(function (found) {
        if (ticket !== latest) { return; }  // a newer search has started
        if (!found.total) {
          say("No results for \u201c" + query + "\u201d. Check the spelling, or try other words.");
          return;
        }
        found.pages.forEach(function (data) {
          var item = resultItem(data);
          if (item) { list.appendChild(item); }
        });
        list.hidden = false;
        var text = plural(found.total) + " for \u201c" + query + "\u201d";
        if (found.total > MAX_RESULTS) { text += ". Showing the best " + MAX_RESULTS + ": add words to narrow the search"; }
        say(text + ".");
      }).catch(function () {
        if (ticket === latest) { showUnavailable(); }
      });
    }

    function queryInAddress() {
      return new URLSearchParams(window.location.search).get("q") || "";
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = input.value.trim();
      var address = new URL(window.location.href);
      if (query) { address.searchParams.set("q", query); } else { address.searchParams.delete("q"); }
      if (address.href !== window.location.href) {
        window.history.pushState({ q: query }, "", address.href);
      }
      run(query);
    });

    // Back and Forward: show the results for the address.
    window.addEventListener("popstate", function () {
      input.value = queryInAddress();
      if (input.value) { run(input.value); } else { list.replaceChildren(); list.hidden = true; say(""); }
    });

    input.value = queryInAddress();
    if (input.value) { run(input.value); }
  }

  document.querySelectorAll('[data-module="search"]').forEach(start);
})();
