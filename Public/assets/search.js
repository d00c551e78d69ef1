// Client-side search: works from file:// and any server because the index is a script
// (assets/search-index.js sets window.SITEGEN_SEARCH), not a fetched JSON file.
// Matching is accent- and case-insensitive: the index holds folded text and the query is
// folded the same way.
(function () {
  "use strict";
  var data = window.SITEGEN_SEARCH;
  var form = document.querySelector(".search-form");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!data || !form || !input || !list || !status) { return; }

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  function words(s) {
    return fold(s).split(/[^a-z0-9]+/).filter(function (w) { return w.length > 0; });
  }

  function run(query) {
    var terms = words(query);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (terms.length === 0) { status.textContent = ""; return; }
    var hits = [];
    for (var i = 0; i < data.docs.length; i++) {
      var d = data.docs[i];
      var hay = d[3];
      var ok = true;
      for (var t = 0; t < terms.length; t++) {
        if (hay.indexOf(terms[t]) === -1) { ok = false; break; }
      }
      if (ok) { hits.push(d); }
    }
    status.textContent = hits.length === 0 ? "Aucun résultat." :
      hits.length + (hits.length > 1 ? " résultats." : " résultat.");
    var shown = hits.slice(0, 200);
    for (var j = 0; j < shown.length; j++) {
      var li = document.createElement("li");
      li.className = "item";
      var meta = document.createElement("p");
      meta.className = "item-meta";
      meta.textContent = shown[j][2];
      var h = document.createElement("h3");
      h.className = "item-title";
      var a = document.createElement("a");
      a.href = "../" + shown[j][1];
      a.textContent = shown[j][0];
      h.appendChild(a);
      li.appendChild(meta);
      li.appendChild(h);
      list.appendChild(li);
    }
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    run(input.value);
    if (history.replaceState) {
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (err) { /* file:// may refuse */ }
    }
  });
  input.addEventListener("input", function () { run(input.value); });
  var m = /[?&]q=([^&]*)/.exec(window.location.search);
  if (m) {
    input.value = decodeURIComponent(m[1].replace(/\+/g, " "));
    run(input.value);
  }
})();
