// Generated from Templates/ — do not edit by hand. After changing a file in Templates/,
// run `SITEGEN_SYNC_TEMPLATES=1 swift test --filter TemplateSyncTests` to refresh this file.

/// The default theme, embedded so that `sitegen` runs with no Templates folder.
public enum DefaultTemplates {
    /// Relative path in a templates folder -> contents.
    public static let files: [String: String] = [
        "404.mustache": #"""
{{<layout}}
{{$content}}
<h1>Page introuvable</h1>
<p>Cette page n'existe pas ou plus. Essayez la <a href="{{root}}timeline/index.html">chronologie</a> ou la <a href="{{root}}search/index.html">recherche</a>.</p>
{{/content}}
{{/layout}}

"""#,
        "article.mustache": #"""
{{<layout}}
{{$content}}
<article class="dispatch">
<header class="dispatch-header">
<p class="kicker">{{#dateISO}}<time datetime="{{dateISO}}">{{dateText}}</time>{{/dateISO}}{{^dateISO}}<span class="date-incomplete">{{dateText}}</span>{{/dateISO}}{{#place}} · {{place}}{{/place}}{{#agency}} · {{agency}}{{/agency}}</p>
<h1>{{title}}</h1>
{{#titleDerived}}<p class="note">Titre déduit du premier paragraphe : la dépêche n'en a pas.</p>
{{/titleDerived}}
{{#eventDateText}}<p class="note">Événement rapporté : {{eventDateText}}</p>
{{/eventDateText}}
</header>
<div class="dispatch-body">
{{{bodyHTML}}}
{{#signOff}}<p class="signoff">{{signOff}}</p>
{{/signOff}}
</div>
<footer class="dispatch-footer">
{{#hasOfficials}}
<section aria-labelledby="personnalites">
<h2 id="personnalites">Personnalités citées</h2>
<ul class="officials">
{{#officials}}<li><a href="{{url}}">{{name}}</a>{{#role}}, <span class="role">{{role}}</span>{{/role}}</li>
{{/officials}}
</ul>
</section>
{{/hasOfficials}}
{{#hasTags}}
<section aria-labelledby="themes">
<h2 id="themes">Thèmes</h2>
<ul class="tag-list">{{#tags}}<li><a href="{{url}}">{{name}}</a></li>{{/tags}}</ul>
</section>
{{/hasTags}}
<p class="source">Fichier source : <code>{{file}}</code></p>
</footer>
</article>
<nav class="prev-next" aria-label="Dépêches voisines dans la chronologie">
{{#newer}}<a rel="prev" href="{{url}}">← Plus récente : {{title}}</a>{{/newer}}
{{#older}}<a rel="next" href="{{url}}">Plus ancienne : {{title}} →</a>{{/older}}
</nav>
{{/content}}
{{/layout}}

"""#,
        "assets/search.js": #"""
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

"""#,
        "assets/sort-table.js": #"""
// Sortable columns for the officials table: headers with data-sort get a button; sorting is
// by the cell's data-key (folded name) or number. Without JavaScript the table stays sorted
// by name, as generated.
(function () {
  "use strict";
  var table = document.querySelector("table.officials-table");
  if (!table) { return; }
  var headers = table.querySelectorAll("th[data-sort]");
  var body = table.tBodies[0];
  function value(row, index, kind) {
    var cell = row.cells[index];
    if (kind === "number") { return parseInt(cell.textContent, 10) || 0; }
    return cell.getAttribute("data-key") || cell.textContent;
  }
  Array.prototype.forEach.call(headers, function (th) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var index = th.cellIndex;
      var kind = th.getAttribute("data-sort");
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      if (kind === "number" && th.getAttribute("aria-sort") === null) { ascending = false; }
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = value(a, index, kind), y = value(b, index, kind);
        var c = kind === "number" ? x - y : (x < y ? -1 : x > y ? 1 : 0);
        if (c === 0) { c = value(a, 0, "text") < value(b, 0, "text") ? -1 : 1; return c; }
        return ascending ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
      Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    });
  });
})();

"""#,
        "assets/style.css": #"""
/* sitegen default theme: system fonts only, readable measure, light and dark. */
:root {
  --bg: #ffffff; --fg: #1d1d1f; --muted: #55595f; --accent: #0b57a4; --accent-visited: #5a3d8a;
  --rule: #d8dbe0; --panel: #f4f6f8; --focus: #c2410c;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #16181b; --fg: #e8e9eb; --muted: #b3b8bf; --accent: #8cc4ff; --accent-visited: #c9b3f5;
          --rule: #3a3f46; --panel: #202328; --focus: #fdba74; }
}
* { box-sizing: border-box; }
html { font-size: 106.25%; -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif;
  line-height: 1.6; }
a { color: var(--accent); }
a:visited { color: var(--accent-visited); }
a:focus-visible, button:focus-visible, input:focus-visible, main:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { left: .5rem; top: .5rem; }
.site-header, main, .site-footer { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
.site-header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .5rem 1.5rem;
  padding-top: 1rem; padding-bottom: .75rem; border-bottom: 1px solid var(--rule); }
.site-title { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--fg); }
.site-title:visited { color: var(--fg); }
.site-header ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
.site-header a[aria-current="page"], .year-nav a[aria-current="page"] { font-weight: 700; }
main { padding-top: 1.25rem; padding-bottom: 2rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: .5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.lede { color: var(--muted); font-size: 1.05rem; }
.count, .item-meta, .kicker, .note, .source, .signoff { color: var(--muted); }
.items { list-style: none; padding: 0; margin: 0; }
.item { padding: .75rem 0; border-bottom: 1px solid var(--rule); }
.item-meta { margin: 0; font-size: .9rem; }
.item-title { margin: .15rem 0; font-size: 1.05rem; }
.item-officials { margin: .15rem 0; font-size: .95rem; }
.derived { font-weight: 400; font-size: .85rem; color: var(--muted); }
.tag-list, .tag-cloud { list-style: none; padding: 0; margin: .35rem 0 0; display: flex; flex-wrap: wrap; gap: .35rem; }
.tag-list a, .tag-cloud a { display: inline-block; padding: .1rem .55rem; border: 1px solid var(--rule); border-radius: 1rem;
  font-size: .88rem; text-decoration: none; background: var(--panel); }
.year-nav ul, .month-nav { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .35rem 1rem; }
.year-nav { position: sticky; top: 0; background: var(--bg); padding: .35rem 0; border-bottom: 1px solid var(--rule); z-index: 1; }
.year-nav ul { margin: 0; max-height: 6.5rem; overflow-y: auto; }
.dispatch-body p { margin: 0 0 1rem; }
.dispatch-body .lead { font-weight: 600; }
.dateline { text-transform: uppercase; letter-spacing: .02em; }
figure.photo { margin: 1.25rem 0; padding: .75rem 1rem; background: var(--panel); border-left: 4px solid var(--rule); }
figure.photo figcaption { font-size: .92rem; }
figure.photo figcaption p { margin: 0; }
figure.photo em { font-style: normal; color: var(--muted); }
.dispatch-footer { border-top: 1px solid var(--rule); margin-top: 1.5rem; }
.prev-next { display: flex; justify-content: space-between; flex-wrap: wrap; gap: 1rem; margin-top: 2rem; }
.pagination { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); padding-bottom: .5rem; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; color: var(--accent); cursor: pointer; }
td.num, th.num { text-align: right; }
.search-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.search-form label { flex-basis: 100%; }
.search-form input { flex: 1 1 14rem; font: inherit; padding: .4rem .6rem; border: 1px solid var(--muted); border-radius: .3rem;
  background: var(--bg); color: var(--fg); }
.search-form button { font: inherit; padding: .4rem .9rem; border-radius: .3rem; border: 1px solid var(--accent);
  background: var(--accent); color: var(--bg); }
.site-footer { border-top: 1px solid var(--rule); padding-top: .75rem; padding-bottom: 2rem; font-size: .9rem; color: var(--muted); }
code { font-size: .9em; overflow-wrap: anywhere; }
@media (min-width: 70rem) { html { font-size: 112.5%; } }
@media print {
  .site-header nav, .skip-link, .prev-next, .site-footer, .year-nav { display: none; }
  body { background: #fff; color: #000; }
  a { color: #000; text-decoration: none; }
  figure.photo { background: none; border-left: 2px solid #999; }
}

"""#,
        "feed.mustache": #"""
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{lang}}">
<title>{{title}}</title>
<id>{{id}}</id>
<link rel="self" href="{{selfURL}}"/>
<link rel="alternate" type="text/html" href="{{pageURL}}"/>
<updated>{{updated}}</updated>
<author><name>{{author}}</name></author>
<generator>sitegen</generator>
{{#entries}}
<entry>
<title>{{title}}</title>
<id>{{url}}</id>
<link rel="alternate" type="text/html" href="{{url}}"/>
<updated>{{updated}}</updated>
{{#categories}}<category term="{{term}}" label="{{label}}"/>
{{/categories}}
<summary>{{summary}}</summary>
</entry>
{{/entries}}
</feed>

"""#,
        "home.mustache": #"""
{{<layout}}
{{$content}}
<h1>{{siteTitle}}</h1>
<p class="lede">{{description}}</p>
<p class="counts">{{articleCount}} dépêches · <a href="officials/index.html">{{personCount}} personnalités</a> · <a href="tags/index.html">{{tagCount}} thèmes</a></p>
<section aria-labelledby="dernieres">
<h2 id="dernieres">Dernières dépêches</h2>
<ol class="items">
{{{itemsHTML}}}
</ol>
<p><a class="more" href="timeline/index.html">Toute la chronologie →</a></p>
</section>
{{/content}}
{{/layout}}

"""#,
        "item.mustache": #"""
<li class="item">
<p class="item-meta">{{#dateISO}}<time datetime="{{dateISO}}">{{dateText}}</time>{{/dateISO}}{{^dateISO}}<span class="date-incomplete">{{dateText}}</span>{{/dateISO}}{{#place}} · <span class="place">{{place}}</span>{{/place}}</p>
<h3 class="item-title"><a href="{{url}}">{{title}}</a>{{#titleDerived}} <span class="derived" title="Titre établi d'après le premier paragraphe">(titre déduit)</span>{{/titleDerived}}</h3>
{{#hasOfficials}}<p class="item-officials">{{#officials}}<a href="{{url}}">{{name}}</a>{{^last}}, {{/last}}{{/officials}}</p>
{{/hasOfficials}}
{{#hasTags}}<ul class="tag-list">{{#tags}}<li><a href="{{url}}">{{name}}</a></li>{{/tags}}</ul>
{{/hasTags}}
</li>

"""#,
        "layout.mustache": #"""
<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{{pageTitle}} — {{siteTitle}}</title>
<meta name="description" content="{{description}}">
<meta name="generator" content="sitegen">
<link rel="stylesheet" href="{{root}}assets/style.css">
<link rel="alternate" type="application/atom+xml" title="{{siteTitle}}" href="{{root}}feed.xml">
{{#canonical}}<link rel="canonical" href="{{canonical}}">
{{/canonical}}
</head>
<body>
<a class="skip-link" href="#contenu">Aller au contenu</a>
<header class="site-header">
<a class="site-title" href="{{root}}index.html">{{siteTitle}}</a>
<nav aria-label="Navigation principale">
<ul>
<li><a href="{{root}}timeline/index.html"{{#navTimeline}} aria-current="page"{{/navTimeline}}>Chronologie</a></li>
<li><a href="{{root}}officials/index.html"{{#navOfficials}} aria-current="page"{{/navOfficials}}>Personnalités</a></li>
<li><a href="{{root}}tags/index.html"{{#navTags}} aria-current="page"{{/navTags}}>Thèmes</a></li>
<li><a href="{{root}}search/index.html"{{#navSearch}} aria-current="page"{{/navSearch}}>Recherche</a></li>
</ul>
</nav>
</header>
<main id="contenu" tabindex="-1">
{{$content}}{{/content}}
</main>
<footer class="site-footer">
<p>{{siteTitle}} · <a href="{{root}}feed.xml">Flux Atom</a> · <a href="{{root}}data/dispatches.json">Données (JSON)</a> · <a href="{{root}}sitemap.xml">Plan du site</a></p>
</footer>
</body>
</html>

"""#,
        "official.mustache": #"""
{{<layout}}
{{$content}}
<article class="profile">
<h1>{{name}}</h1>
{{#personDescription}}<p class="lede">{{personDescription}}</p>
{{/personDescription}}
{{#hasAliases}}<p class="aliases">Autres graphies : {{#aliases}}{{name}}{{^last}}, {{/last}}{{/aliases}}</p>
{{/hasAliases}}
{{#country}}<p>Pays : {{country}}</p>
{{/country}}
{{#hasOrganisations}}<p>Organisations : {{#organisations}}{{name}}{{^last}}, {{/last}}{{/organisations}}</p>
{{/hasOrganisations}}
<section aria-labelledby="fonctions">
<h2 id="fonctions">Fonctions</h2>
<ul class="roles">
{{#roles}}<li><span class="role">{{role}}</span> — {{span}}</li>
{{/roles}}
{{^roles}}<li>Aucune fonction relevée.</li>{{/roles}}
</ul>
</section>
<section aria-labelledby="depeches">
<h2 id="depeches">Dépêches ({{count}})</h2>
<ol class="items">
{{{itemsHTML}}}
</ol>
</section>
{{#hasCoAppearances}}
<section aria-labelledby="avec">
<h2 id="avec">Souvent cité avec</h2>
<ul>
{{#coAppearances}}<li><a href="{{url}}">{{name}}</a> ({{count}})</li>
{{/coAppearances}}
</ul>
</section>
{{/hasCoAppearances}}
{{#portraitCredit}}<p class="source">Portrait : {{portraitCredit}}</p>
{{/portraitCredit}}
</article>
{{/content}}
{{/layout}}

"""#,
        "officials.mustache": #"""
{{<layout}}
{{$content}}
<h1>Personnalités</h1>
<p class="lede">{{personCount}} personnalités citées avec une fonction, par ordre alphabétique ; cliquez sur un en-tête de colonne pour trier par nom ou par nombre de dépêches.</p>
<table class="officials-table">
<caption>Personnalités, fonction la plus récente et nombre de dépêches</caption>
<thead><tr><th scope="col" aria-sort="ascending" data-sort="text">Nom</th><th scope="col">Fonction la plus récente</th><th scope="col" class="num" data-sort="number">Dépêches</th></tr></thead>
<tbody>
{{#people}}<tr><td data-key="{{sortKey}}"><a href="{{url}}">{{name}}</a></td><td>{{latestRole}}</td><td class="num">{{count}}</td></tr>
{{/people}}
</tbody>
</table>
<script src="../assets/sort-table.js"></script>
{{/content}}
{{/layout}}

"""#,
        "pagination.mustache": #"""
{{#pagination}}
<nav class="pagination" aria-label="Pages">
{{#prevURL}}<a rel="prev" href="{{prevURL}}">← Page précédente</a>{{/prevURL}}
<span>Page {{page}} sur {{pageCount}}</span>
{{#nextURL}}<a rel="next" href="{{nextURL}}">Page suivante →</a>{{/nextURL}}
</nav>
{{/pagination}}

"""#,
        "search.mustache": #"""
{{<layout}}
{{$content}}
<h1>Recherche</h1>
<form class="search-form" role="search" action="index.html" method="get">
<label for="q">Rechercher dans les titres, personnalités, thèmes et textes</label>
<input id="q" name="q" type="search">
<button type="submit">Rechercher</button>
</form>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="search-results" class="items"></ol>
<noscript><p>La recherche nécessite JavaScript. Parcourez la <a href="../timeline/index.html">chronologie</a>.</p></noscript>
<script src="../assets/search.js"></script>
<script src="meta.js"></script>
{{/content}}
{{/layout}}

"""#,
        "sitemap.mustache": #"""
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{#urls}}
<url><loc>{{loc}}</loc>{{#lastmod}}<lastmod>{{lastmod}}</lastmod>{{/lastmod}}</url>
{{/urls}}
</urlset>

"""#,
        "tag.mustache": #"""
{{<layout}}
{{$content}}
<h1>{{name}}</h1>
<p class="lede">{{kindLabel}} · {{count}} dépêches</p>
{{>pagination}}
<ol class="items">
{{{itemsHTML}}}
</ol>
{{>pagination}}
{{/content}}
{{/layout}}

"""#,
        "tags.mustache": #"""
{{<layout}}
{{$content}}
<h1>Thèmes</h1>
<p class="lede">{{tagCount}} étiquettes : organisations, pays, lieux et thèmes.</p>
{{#groups}}
<section aria-labelledby="groupe-{{kind}}">
<h2 id="groupe-{{kind}}">{{label}} <span class="count">({{count}})</span></h2>
<ul class="tag-cloud">
{{#tags}}<li><a href="{{url}}">{{name}}</a> <span class="count">({{count}})</span></li>
{{/tags}}
</ul>
</section>
{{/groups}}
{{/content}}
{{/layout}}

"""#,
        "timeline-page.mustache": #"""
{{<layout}}
{{$content}}
<nav class="year-nav" aria-label="Années">
<ul>
<li><a href="{{root}}timeline/index.html">Toutes les années</a></li>
{{#yearNav}}<li><a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{year}}</a> <span class="count">({{count}})</span></li>
{{/yearNav}}
{{#incompleteURL}}<li><a href="{{incompleteURL}}">Date incomplète</a> <span class="count">({{incompleteCount}})</span></li>
{{/incompleteURL}}
</ul>
</nav>
<h1>{{heading}}</h1>
{{#incompleteNote}}<p class="note">L'année ou la date de ces dépêches n'apparaît pas dans le texte ; ce qui est connu est indiqué. Un éditeur peut la fournir dans un fichier annexe (sidecar).</p>
{{/incompleteNote}}
{{>pagination}}
{{#groups}}
<section class="month">
<h2{{#anchor}} id="{{anchor}}"{{/anchor}}>{{label}}{{#continued}} (suite){{/continued}} <span class="count">({{count}})</span></h2>
<ol class="items">
{{{itemsHTML}}}
</ol>
</section>
{{/groups}}
{{>pagination}}
{{/content}}
{{/layout}}

"""#,
        "timeline.mustache": #"""
{{<layout}}
{{$content}}
<h1>Chronologie</h1>
<p class="lede">{{articleCount}} dépêches, des plus récentes aux plus anciennes. Choisissez une année ou un mois.</p>
<nav class="year-nav" aria-label="Années">
<ul>
{{#years}}<li><a href="{{url}}">{{year}}</a> <span class="count">({{count}})</span></li>
{{/years}}
{{#hasIncomplete}}<li><a href="{{incompleteURL}}">Date incomplète</a> <span class="count">({{incompleteCount}})</span></li>
{{/hasIncomplete}}
</ul>
</nav>
<section aria-labelledby="par-mois">
<h2 id="par-mois">Par année et par mois</h2>
<dl class="calendar">
{{#years}}
<dt><a href="{{url}}">{{year}}</a> <span class="count">({{count}})</span></dt>
<dd><ul class="month-nav">{{#months}}<li><a href="{{url}}">{{monthName}}</a> <span class="count">({{count}})</span></li>{{/months}}</ul></dd>
{{/years}}
{{#hasIncomplete}}
<dt><a href="{{incompleteURL}}">Date incomplète</a> <span class="count">({{incompleteCount}})</span></dt>
<dd>Dépêches dont l'année ou la date n'apparaît pas dans le texte.</dd>
{{/hasIncomplete}}
</dl>
</section>
<section aria-labelledby="dernieres">
<h2 id="dernieres">Dernières dépêches</h2>
<ol class="items">
{{{itemsHTML}}}
</ol>
</section>
{{/content}}
{{/layout}}

"""#,
    ]
}
