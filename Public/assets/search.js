// Client-side search over a sharded index (see search/meta.js): works from file:// and from
// any server, because every part of the index is a script added to the page, not fetched JSON.
// A query loads only the word shards of its terms (words are indexed by their first two
// letters) and the document shards of the results it shows. Matching is accent- and
// case-insensitive (query and index are folded the same way) and by word prefix; every term
// must match.
(function () {
  "use strict";
  var S = window.SITEGEN_SEARCH = window.SITEGEN_SEARCH || {};
  var form = document.querySelector(".search-form");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var MAX = 200;
  var STOP = ("le la les de des du un une et en au aux ce ces cet cette il elle ils elles on se sa son ses leur leurs " +
    "que qui quoi dont ou par pour sur dans avec sans sous entre vers chez ont est sont etait ete etre avoir a ne pas " +
    "plus ainsi aussi mais donc car ni nos notre vos votre lui eux meme tout tous toute toutes afin lors deux l d qu s n y").split(" ");
  var words = {}, docs = {}, waiting = {}, shardSet = null, current = 0;

  S.meta = function (m) {
    S.info = m;
    shardSet = {};
    for (var i = 0; i < m.shards.length; i++) { shardSet[m.shards[i]] = true; }
    start();
  };
  S.words = function (key, map) { words[key] = map; arrived("w-" + key); };
  S.docs = function (n, rows) { docs[n] = rows; arrived("d-" + n); };

  function arrived(name) {
    var cbs = waiting[name] || [];
    waiting[name] = "done";
    for (var i = 0; i < cbs.length; i++) { cbs[i](); }
  }

  // Loads search/<name>.js once; calls back when it ran (or failed: the part is then empty).
  function load(name, cb) {
    if (waiting[name] === "done") { cb(); return; }
    if (waiting[name]) { waiting[name].push(cb); return; }
    waiting[name] = [cb];
    var s = document.createElement("script");
    s.src = name + ".js";
    s.onerror = function () { arrived(name); };
    document.head.appendChild(s);
  }

  function loadAll(names, cb) {
    var left = names.length;
    if (left === 0) { cb(); return; }
    for (var i = 0; i < names.length; i++) { load(names[i], function () { if (--left === 0) { cb(); } }); }
  }

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").replace(/[œŒ]/g, "oe")
      .replace(/[æÆ]/g, "ae").toLowerCase();
  }

  function terms(query) {
    return fold(query).split(/[^a-z0-9]+/).filter(function (w) { return w.length >= 2 && STOP.indexOf(w) === -1; });
  }

  // Ids of the dispatches with a word starting with `term`.
  function matches(term) {
    var map = words[term.slice(0, 2)] || {};
    var ids = {};
    for (var w in map) {
      if (w.lastIndexOf(term, 0) === 0) {
        var list = map[w];
        for (var i = 0; i < list.length; i++) { ids[list[i]] = true; }
      }
    }
    return ids;
  }

  function clear() { while (list.firstChild) { list.removeChild(list.firstChild); } }

  function run(query) {
    var ticket = ++current;
    var ts = terms(query);
    clear();
    if (ts.length === 0) { status.textContent = query.trim() ? "Précisez la recherche (mots de deux lettres ou plus)." : ""; return; }
    var keys = [];
    for (var i = 0; i < ts.length; i++) {
      var k = ts[i].slice(0, 2);
      if (shardSet[k] && keys.indexOf("w-" + k) === -1) { keys.push("w-" + k); }
    }
    status.textContent = "Recherche…";
    loadAll(keys, function () {
      if (ticket !== current) { return; }
      var hits = null;
      for (var t = 0; t < ts.length; t++) {
        var m = matches(ts[t]);
        if (hits === null) { hits = m; } else {
          var both = {};
          for (var id in hits) { if (m[id]) { both[id] = true; } }
          hits = both;
        }
      }
      var ids = Object.keys(hits).map(Number).sort(function (a, b) { return a - b; });
      var shown = ids.slice(0, MAX);
      var need = [];
      for (var j = 0; j < shown.length; j++) {
        var n = "d-" + Math.floor(shown[j] / S.info.docsPerShard);
        if (need.indexOf(n) === -1) { need.push(n); }
      }
      loadAll(need, function () {
        if (ticket !== current) { return; }
        status.textContent = ids.length === 0 ? "Aucun résultat." :
          ids.length + (ids.length > 1 ? " résultats" : " résultat") + (ids.length > MAX ? " (les " + MAX + " plus récents)." : ".");
        for (var r = 0; r < shown.length; r++) {
          var rows = docs[Math.floor(shown[r] / S.info.docsPerShard)];
          var row = rows && rows[shown[r] % S.info.docsPerShard];
          if (!row) { continue; }
          var li = document.createElement("li");
          li.className = "item";
          var meta = document.createElement("p");
          meta.className = "item-meta";
          meta.textContent = row[2];
          var h = document.createElement("h3");
          h.className = "item-title";
          var a = document.createElement("a");
          a.href = "../articles/" + encodeURIComponent(row[1]) + ".html";
          a.textContent = row[0];
          h.appendChild(a);
          li.appendChild(meta);
          li.appendChild(h);
          list.appendChild(li);
        }
      });
    });
  }

  function start() {
    if (!form || !input || !list || !status) { return; }
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
  }
})();
