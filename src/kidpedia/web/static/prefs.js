// kidpedia (issue 14): the remembered text size, set before the page is drawn (no jump).
(function () {
  "use strict";
  try {
    var size = localStorage.getItem("kidpedia-text-size");
    if (size === "2" || size === "3") document.documentElement.setAttribute("data-text-size", size);
  } catch (e) { /* storage off: normal size */ }
})();
