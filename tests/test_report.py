"""`factlint report`: one self-contained HTML page, checked in a real browser (Debian's headless Chromium
through chromedriver): the rendered counts equal the database's, the charts have drawn marks, the
filters work, nothing is fetched from the network and the console stays free of errors."""
from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from test_audit import factlint, generate, query  # noqa: E402 - the audit's helpers

DRAFTS = 40


@pytest.fixture(scope="module")
def audited(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("report")
    generate.generate_drafts(DRAFTS, root / "archive")
    (root / "archive" / "broken.md").write_bytes(b"\xff\xfe nicht lesbar")
    done = factlint("audit", "archive", "--db", "audit.sqlite", "--no-config", "--jobs", "1", cwd=root)
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture(scope="module")
def report(audited) -> Path:
    done = factlint("report", "audit.sqlite", "-o", "report.html", cwd=audited)
    assert (done.returncode, done.stderr) == (0, "")
    return audited / "report.html"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    profile = tempfile.mkdtemp(dir=tmp_path_factory.mktemp("chromium"))
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1200,1800",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page(browser, report):
    from selenium.webdriver.support.ui import WebDriverWait
    browser.get(report.as_uri())
    WebDriverWait(browser, 120).until(lambda d: d.find_element("tag name", "body").get_attribute("data-ready"))
    assert browser.find_element("tag name", "body").get_attribute("data-ready") == "true"
    return browser


def figures(driver) -> dict:
    return driver.execute_script("return Object.fromEntries([...document.querySelectorAll('#totals .total')]"
                                 ".map(t => [t.id.slice(6), Number(t.querySelector('.figure').dataset.count)]))")


def marks(driver, chart: str) -> int:
    return driver.execute_script(f"return document.querySelectorAll('#chart-{chart} svg .mark-rect path').length")


def test_the_page_shows_the_databases_totals(page, audited):
    db = audited / "audit.sqlite"
    (errors, warnings, infos), = query(db, "SELECT sum(errors), sum(warnings), sum(infos) FROM drafts")
    assert figures(page) == {
        "drafts": DRAFTS + 1, "unreadable": 1, "findings": query(db, "SELECT count(*) FROM findings")[0][0],
        "contradicting": query(db, "SELECT count(DISTINCT path) FROM findings")[0][0],
        "error": errors, "warning": warnings, "info": infos}


def test_the_charts_are_drawn_with_one_bar_per_month_and_severity_and_per_fact(page, audited):
    db = audited / "audit.sqlite"
    months = query(db, "SELECT count(DISTINCT substr(date, 1, 7) || CASE WHEN errors > 0 THEN 'e' WHEN warnings > 0 "
                       "THEN 'w' ELSE 'i' END) FROM drafts WHERE errors + warnings + infos > 0")[0][0]
    assert marks(page, "months") == months > 3
    assert marks(page, "facts") == query(db, "SELECT count(DISTINCT rule || severity) FROM findings")[0][0]


def test_the_drafts_with_most_findings_and_the_contradictions_per_fact(page, audited):
    db = audited / "audit.sqlite"
    top = page.execute_script("return [...document.querySelectorAll('#top-drafts .draft-row')]"
                              ".map(r => r.querySelector('.path').textContent)")
    expected = [p for p, in query(db, "SELECT path FROM drafts ORDER BY errors + warnings + infos DESC, path LIMIT 20")]
    assert top == expected
    facts = page.execute_script("return [...document.querySelectorAll('#fact-details details')].map(d => d.dataset.fact)")
    assert sorted(facts) == [r for r, in query(db, "SELECT DISTINCT rule FROM findings ORDER BY rule")]
    first = page.execute_script("const d = document.querySelector('#fact-details details'); return [d.dataset.fact, "
                                "d.querySelector('blockquote').textContent, d.querySelectorAll('.finding-row').length]")
    quote = json.loads(query(db, "SELECT sources FROM facts WHERE id = ?", first[0])[0][0])[0]["quote"]
    assert quote in first[1]
    assert first[2] == min(100, query(db, "SELECT count(*) FROM findings WHERE rule = ?", first[0])[0][0])


@pytest.mark.parametrize("select, choice, where", [
    ("filter-year", "2024", "d.date LIKE '2024%'"),
    ("filter-severity", "warning", "f.severity = 'warning'"),
    ("filter-fact", "sora.leak.clip-length", "f.rule = 'sora.leak.clip-length'"),
], ids=["year", "severity", "fact"])
def test_a_filter_recounts_everything_in_the_page(page, audited, select, choice, where):
    from selenium.webdriver.support.ui import Select
    db = audited / "audit.sqlite"
    element = Select(page.find_element("id", select))
    label = {"filter-severity": "Warnung"}.get(select, choice)
    try:
        element.select_by_visible_text(label)
        (findings, drafts), = query(db, f"SELECT count(*), count(DISTINCT f.path) FROM findings f JOIN drafts d "
                                        f"USING (path) WHERE {where}")
        shown = figures(page)
        assert (shown["findings"], shown["contradicting"]) == (findings, drafts) and findings > 0
        listed = query(db, f"SELECT sum(min(n, 100)) FROM (SELECT count(*) AS n FROM findings f JOIN drafts d "
                           f"USING (path) WHERE {where} GROUP BY rule)")[0][0]   # 100 rows per fact, then "… and N more"
        assert page.execute_script("return document.querySelectorAll('#fact-details .finding-row').length") == listed
    finally:
        element.select_by_index(0)


def test_nothing_is_fetched_and_the_console_has_no_errors(page, tmp_path):
    requests = [json.loads(entry["message"])["message"] for entry in page.get_log("performance")]
    urls = {m["params"]["request"]["url"] for m in requests if m["method"] == "Network.requestWillBeSent"}
    assert urls and not [url for url in urls if url.startswith(("http:", "https:", "ws:", "wss:", "ftp:"))], urls
    errors = [entry for entry in page.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    shot = tmp_path / "report.png"
    page.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_the_file_references_no_outside_resource(report):
    text = re.sub(r"(?s)<script>.*?</script>", "", report.read_text(encoding="utf-8"))   # code, not tags
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)=", text)
    assert '<html lang="de">' in text and "Archiv-Prüfung" in text


def test_the_page_speaks_the_chosen_language(audited):
    done = factlint("report", "audit.sqlite", "-o", "en.html", "--lang", "en", cwd=audited)
    assert done.returncode == 0, done.stderr
    text = (audited / "en.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in text and "Drafts with most findings" in text and "Archiv-Prüfung" not in text


def test_a_title_cannot_break_out_of_the_page(tmp_path):
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "a.md").write_text("---\ntitle: \"</script><script>alert(1)</script>\"\n---\n"
                                               "Sora erzeugt Clips von bis zu zwei Minuten Länge.\n", encoding="utf-8")
    factlint("audit", "archive", "--db", "a.sqlite", "--no-config", "--jobs", "1", cwd=tmp_path)
    assert factlint("report", "a.sqlite", "-o", "r.html", cwd=tmp_path).returncode == 0
    text = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "</script><script>alert(1)" not in text and "<\\/script><script>alert(1)<\\/script>" in text


@pytest.mark.parametrize("args, message", [
    (["missing.sqlite", "-o", "r.html"], "no such audit database"),
    (["notes.txt", "-o", "r.html"], "not an SQLite audit database"),
], ids=["missing", "not-a-database"])
def test_a_bad_database_is_a_clear_error(tmp_path, args, message):
    (tmp_path / "notes.txt").write_text("notes " * 200)
    done = factlint("report", *args, cwd=tmp_path)
    assert (done.returncode, message in done.stderr, "Traceback" in done.stderr) == (2, True, False), done.stderr
