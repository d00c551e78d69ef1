"""The site in a real browser (headless Chromium through Selenium): opened from file:// and
from a local web server under a sub-path, navigated the way a reader browses, checked with axe
for accessibility, and photographed at phone and desktop widths (test-output/screenshots/)."""
import functools
import http.server
import os
import shutil
import threading
import unicodedata

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import OUT

PHONE = (390, 844)
DESKTOP = (1280, 900)


@pytest.fixture(scope="module")
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = (shutil.which("chromium") or shutil.which("chromium-browser")
                               or shutil.which("google-chrome") or "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--allow-file-access-from-files"):
        options.add_argument(arg)
    driver_path = shutil.which("chromedriver") or os.path.join(os.environ.get("CHROMEWEBDRIVER", "/usr/bin"), "chromedriver")
    d = webdriver.Chrome(service=Service(driver_path), options=options)
    d.set_page_load_timeout(30)
    yield d
    d.quit()


@pytest.fixture(scope="module")
def server(corpus_site, tmp_path_factory):
    """Serves the corpus site under the sub-path /digest/ on 127.0.0.1."""
    root = tmp_path_factory.mktemp("www")
    shutil.copytree(corpus_site, root / "digest")
    handler = functools.partial(QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/digest/"
    httpd.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")


def check_accessibility(driver, label):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, f"{label}: " + "; ".join(f"{v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}" for v in bad)


def shoot(driver, name):
    folder = OUT / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for label, (w, h) in (("phone", PHONE), ("desktop", DESKTOP)):
        driver.set_window_size(w, h)
        driver.save_screenshot(str(folder / f"{name}-{label}.png"))
    driver.set_window_size(*DESKTOP)


def click(driver, css):
    el = WebDriverWait(driver, 10).until(EC.element_to_be_clickable((By.CSS_SELECTOR, css)))
    # The year navigation is sticky; bring the target to the middle as a reader would scroll.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
    href = el.get_attribute("href")
    el.click()
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    return href


def browse(driver, start, screenshots):
    driver.set_window_size(*DESKTOP)
    driver.get(start + "index.html")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    check_accessibility(driver, "home")

    click(driver, "nav[aria-label='Navigation principale'] a[href$='timeline/index.html']")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Chronologie"
    check_accessibility(driver, "timeline")

    click(driver, ".year-nav li a")
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Chronologie 20")
    if screenshots:
        shoot(driver, "timeline")
    check_accessibility(driver, "year")

    click(driver, "ol.items .item-title a")
    assert driver.find_elements(By.CSS_SELECTOR, "article.dispatch h1")
    assert driver.find_elements(By.CSS_SELECTOR, "time[datetime]")
    if screenshots:
        shoot(driver, "article")
    check_accessibility(driver, "article")

    click(driver, "ul.officials a")
    name = driver.find_element(By.TAG_NAME, "h1").text
    assert driver.find_elements(By.CSS_SELECTOR, "ul.roles li")
    if screenshots:
        shoot(driver, "official")
    check_accessibility(driver, "official")

    click(driver, "ol.items .tag-list a")
    assert driver.find_elements(By.CSS_SELECTOR, "ol.items li.item")
    check_accessibility(driver, "tag")

    click(driver, "nav[aria-label='Navigation principale'] a[href$='search/index.html']")
    box = driver.find_element(By.ID, "q")
    query = fold(name).lower()  # accent- and case-insensitive
    box.send_keys(query)
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
    assert "résultat" in driver.find_element(By.ID, "search-status").text
    check_accessibility(driver, "search")
    click(driver, "#search-results li a")
    assert name in driver.page_source or fold(name) in fold(driver.page_source)


def test_browse_from_a_web_server_under_a_sub_path(driver, server):
    browse(driver, server, screenshots=True)


def test_browse_from_file_urls(driver, corpus_site):
    browse(driver, corpus_site.as_uri() + "/", screenshots=False)


def test_officials_table_sorts_by_count(driver, corpus_site):
    driver.get((corpus_site / "officials" / "index.html").as_uri())
    click(driver, "th[data-sort='number'] button")
    counts = [int(td.text) for td in driver.find_elements(By.CSS_SELECTOR, "tbody td.num")]
    assert counts == sorted(counts, reverse=True) and len(counts) > 5
