/* Phones: the main navigation and the display options fold behind the
   "Menu" and "Display" buttons in the header. Each button is a disclosure:
   a real <button> that says with aria-expanded whether the part it controls
   (aria-controls) is shown. Escape closes an open part and returns focus to
   its button. On wide screens the style sheet hides the buttons and shows
   both parts whatever their state.
   Without JavaScript the buttons stay hidden: "Menu" is then a link to the
   navigation (shown as the page's :target), and the display options are not
   shown, because they could not work. */
(function () {
  "use strict";
  var OPEN = "is-open";

  function set(button, target, open) {
    button.setAttribute("aria-expanded", String(open));
    target.classList.toggle(OPEN, open);
  }

  function start(button) {
    var target = document.getElementById(button.getAttribute("aria-controls"));
    // The display options are left hidden when their own script did not run.
    if (!target || target.hidden) { return; }
    set(button, target, false);
    button.addEventListener("click", function () {
      set(button, target, button.getAttribute("aria-expanded") !== "true");
    });
    target.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && button.getAttribute("aria-expanded") === "true") {
        set(button, target, false);
        button.focus();
      }
    });
    button.addEventListener("keydown", function (event) {
      if (event.key === "Escape" || event.key === "Esc") { set(button, target, false); }
    });
    button.hidden = false;
  }

  var buttons = document.querySelectorAll("[data-header-toggle]");
  for (var i = 0; i < buttons.length; i++) { start(buttons[i]); }
  if (buttons.length) { document.documentElement.classList.add("header-menus"); }
})();
