// kidpedia (issue 10): reading levels and hard-word previews.
// - The level switch (?level=1|2|3) is remembered in localStorage; a page opened
//   without ?level= moves to the remembered level.
// - Hard words (links listed in the switch's data-hard) show a preview of the linked
//   article, its first sentence at the reader's level from /api/preview/, on hover,
//   on keyboard focus, or on a first tap (a second tap follows the link). Escape
//   closes it. The preview floats over the text: nothing moves.
(function () {
  "use strict";
  var KEY = "kidpedia-level";
  var nav = document.querySelector("nav.levels");
  if (!nav) return;
  var level = nav.getAttribute("data-level") || "3";

  function remember(n) {
    try { localStorage.setItem(KEY, n); } catch (e) { /* private mode: not remembered */ }
  }
  function remembered() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }

  var params = new URLSearchParams(location.search);
  if (params.has("level")) {
    remember(level);
  } else {
    var want = remembered();
    if (want === "1" || want === "2") {
      params.set("level", want);
      location.replace(location.pathname + "?" + params.toString() + location.hash);
      return;
    }
  }
  nav.querySelectorAll("a[data-level]").forEach(function (a) {
    a.addEventListener("click", function () { remember(a.getAttribute("data-level")); });
  });
  // links within the article keep the reader's level
  if (level !== "3") {
    document.querySelectorAll("article a[href^='/wiki/']").forEach(function (a) {
      if (a.getAttribute("href").indexOf("?") >= 0) return;
      a.setAttribute("href", a.getAttribute("href") + "?level=" + level);
    });
  }

  var hard;
  try { hard = JSON.parse(nav.getAttribute("data-hard") || "[]"); } catch (e) { hard = []; }
  if (!hard.length) return;
  var wanted = {};
  hard.forEach(function (h) { wanted[h] = true; });

  var box = document.createElement("div");
  box.className = "word-preview";
  box.id = "word-preview";
  box.setAttribute("role", "tooltip");
  box.hidden = true;
  document.body.appendChild(box);
  var cache = {};
  var shownFor = null;

  function path(a) { return a.getAttribute("href").split("?")[0]; }

  function place(a) {
    var r = a.getBoundingClientRect();
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8));
    box.style.left = left + "px";
    box.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function show(a) {
    var p = path(a);
    shownFor = a;
    a.setAttribute("aria-describedby", "word-preview");
    function fill(data) {
      if (shownFor !== a) return;
      box.textContent = "";
      var t = document.createElement("strong");
      t.textContent = data.title;
      box.appendChild(t);
      box.appendChild(document.createTextNode(data.text));
      box.hidden = false;
      place(a);
    }
    if (cache[p]) return fill(cache[p]);
    fetch("/api/preview/" + p.slice(6) + "?level=" + level)
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { cache[p] = data; fill(data); } })
      .catch(function () { /* offline: no preview */ });
  }

  function hide() {
    if (shownFor) shownFor.removeAttribute("aria-describedby");
    shownFor = null;
    box.hidden = true;
  }

  document.querySelectorAll("article a[href^='/wiki/']").forEach(function (a) {
    if (!wanted[path(a)] || a.closest(".glossary")) return;
    a.classList.add("hard-word");
    a.addEventListener("mouseenter", function () { show(a); });
    a.addEventListener("mouseleave", hide);
    a.addEventListener("focus", function () { show(a); });
    a.addEventListener("blur", hide);
    a.addEventListener("touchend", function (e) {
      if (shownFor !== a) { e.preventDefault(); show(a); }
    });
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
