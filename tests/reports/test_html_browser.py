"""The HTML report in real headless Chromium (Debian's, driven by Playwright; no `playwright install`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import CHROMIUM
from tests.browser import chromium as launch
from tests.reports.conftest import render

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect


pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed"),
]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with launch() as b:
        yield b


class Opened:
    """A report open in a fresh context that aborts every non-file request and records trouble."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []

        def route(r: Any) -> None:
            self.requests.append(r.request.url)
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                r.abort()

        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("requestfailed", lambda r: self.errors.append("failed: " + r.url))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_load_state("load")

    def visible_families(self) -> list[str]:
        return self.page.locator("#rows tr td:nth-child(3)").all_inner_texts()

    def close(self) -> None:
        self.context.close()


def write_page(res: Any, path: Path) -> Path:
    path.write_text(render(res, "html"), encoding="utf-8")
    return path


def test_seed_report_filters_and_shows_a_finding_in_its_document(chromium, seed_run, seed_text, tmp_path):
    report = write_page(seed_run, tmp_path / "index.html")
    found = list(seed_run.findings())
    opened = Opened(chromium, report)
    page = opened.page
    try:
        shown = page.locator("#rows tr").count()
        assert shown == min(50, len(found))
        families = opened.visible_families()
        target = next(f for f in sorted({f.family for f in found}) if families.count(f) < len(families))
        page.select_option("#f-family", target)
        expect(page.locator("#count")).to_contain_text("filtered")
        after = opened.visible_families()
        assert after and set(after) == {target} and after != families
        assert (
            page.locator("#count")
            .inner_text()
            .split(" of ")[1]
            .startswith(f"{sum(f.family == target for f in found):,} matching")
        )
        # click the third visible finding: its span is highlighted, in place, in its document
        row = page.locator("#rows tr").nth(min(2, len(after) - 1))
        i = int(row.get_attribute("data-i"))
        f = found[i]
        row.locator("td:nth-child(6)").click()
        sel = page.locator("#doc-text mark.sel")
        sel.first.wait_for()
        expected = seed_text[f.start : f.end]
        if f.start < f.end:
            assert "".join(sel.all_text_contents()) == expected
        assert sel.first.is_visible()
        box, view = sel.first.bounding_box(), page.locator("#docview").bounding_box()
        assert view["y"] <= box["y"] <= view["y"] + view["height"]
        assert page.locator("#detail .msg").inner_text() == f.message
        if f.fix is not None:
            assert page.locator("#detail ins").inner_text().replace("∅", "") == f.fix.replacement.replace(
                "\n", "⏎"
            )
        # the document view shows the page's own text around the mark
        assert seed_text[:20].strip().splitlines()[0] in page.locator("#doc-text").inner_text()
        # the code links to its docs from the registry, rendered in the page
        page.locator("#detail a.code").click()
        expect(page.locator(f"#doc-{f.code}")).to_be_in_viewport()
        assert f.name in page.locator(f"#doc-{f.code} h3").inner_text()
        shot = tmp_path / "seed-report.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        assert opened.errors == []
        assert opened.requests == [report.resolve().as_uri()]
    finally:
        opened.close()


def test_sorting_and_paging_change_the_rows(chromium, seed_run, tmp_path):
    report = write_page(seed_run, tmp_path / "index.html")
    opened = Opened(chromium, report)
    page = opened.page
    try:
        if seed_run.summary.findings <= 50:
            pytest.skip("the seed has too few findings to page")
        first = page.locator("#rows tr").first.get_attribute("data-i")
        page.click("#next")
        assert page.locator("#rows tr").first.get_attribute("data-i") != first
        assert page.locator("#page").inner_text().startswith("page 2 of ")
        page.click("#ftable th[data-key=code]")
        codes = page.locator("#rows tr td:nth-child(2)").all_inner_texts()
        assert codes == sorted(codes)
        page.click("#ftable th[data-key=code]")
        codes = page.locator("#rows tr td:nth-child(2)").all_inner_texts()
        assert codes == sorted(codes, reverse=True)
        page.fill("#f-q", "zzzz-no-such-text")
        expect(page.locator("#rows tr")).to_have_count(0)
        assert "No finding matches" in page.locator("#count").inner_text()
        assert opened.errors == []
    finally:
        opened.close()


def test_hostile_report_runs_nothing_from_the_corpus_and_requests_nothing(chromium, hostile_run, tmp_path):
    report = write_page(hostile_run, tmp_path / "index.html")
    opened = Opened(chromium, report)
    page = opened.page
    try:
        assert page.locator("img").count() == 0
        assert page.locator("script").count() == 2
        n = page.locator("#rows tr").count()
        assert n == hostile_run.summary.findings
        texts = []
        for k in range(n):
            page.locator("#rows tr").nth(k).locator("td:nth-child(6)").click()
            texts.append(page.locator("#doc-text").inner_text())
        joined = "\n".join(texts)
        # shown as text, exactly as the corpus has it
        assert "<script>alert(1)</script>" in joined
        assert '"><img src=x onerror=alert(1)>' in joined
        assert "</script><!--" in joined
        assert page.locator("img").count() == 0
        page.screenshot(path=str(tmp_path / "hostile-report.png"), full_page=True)
        assert opened.dialogs == []
        assert opened.errors == []
        assert opened.requests == [report.resolve().as_uri()]
    finally:
        opened.close()


def test_real_damaged_corpus_report_opens_cleanly(chromium, sogouca_run, tmp_path):
    report = write_page(sogouca_run, tmp_path / "index.html")
    opened = Opened(chromium, report)
    page = opened.page
    try:
        assert page.locator("#rows tr").count() == 50
        page.select_option("#f-family", "encoding")
        expect(page.locator("#count")).to_contain_text("filtered")
        assert set(opened.visible_families()) == {"encoding"}
        page.locator("#rows tr").nth(5).locator("td:nth-child(6)").click()
        expect(page.locator("#doc-text mark.sel").first).to_be_visible()
        page.screenshot(path=str(tmp_path / "sogouca-report.png"))
        assert opened.errors == [] and opened.requests == [report.resolve().as_uri()]
    finally:
        opened.close()
