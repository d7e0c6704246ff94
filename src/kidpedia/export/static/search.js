// kidpedia static site search: MiniSearch (static/minisearch.js) over the articles listed in
// static/search-docs.js (title, the lead's words, address). Works from file:// and any static server:
// no fetch, no server. Results are built with textContent only (nothing is parsed as HTML).
(function () {
  "use strict";
  var results = document.getElementById("search-results");
  if (!results || !window.MiniSearch || !window.KIDPEDIA_DOCS) { return; }
  var status = document.getElementById("search-status");
  var box = document.getElementById("q-big");
  var index = new window.MiniSearch({
    fields: ["title", "body"],
    storeFields: ["title", "text", "href"],
    searchOptions: { boost: { title: 10 }, prefix: true, fuzzy: 0.15 }
  });
  index.addAll(window.KIDPEDIA_DOCS);

  function show(query) {
    results.textContent = "";
    query = (query || "").trim();
    if (!query) { status.textContent = ""; return; }
    var hits = index.search(query).slice(0, 20);
    status.textContent = hits.length ? hits.length + " results for \u201c" + query + "\u201d"
                                     : "No results for \u201c" + query + "\u201d. Try another word!";
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.href;
      a.textContent = hit.title;
      var p = document.createElement("p");
      p.className = "snippet";
      p.textContent = hit.text;
      li.appendChild(a);
      li.appendChild(p);
      results.appendChild(li);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  box.value = query;
  show(query);
  box.form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(box.value);
  });
  box.addEventListener("input", function () { show(box.value); });
})();
