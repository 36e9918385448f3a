"""The Data Docs open in headless Chromium with every non-file request aborted: styled, filled, no errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import chromium

pytestmark = pytest.mark.browser

pd = pytest.importorskip("pandas")
pytest.importorskip("great_expectations")
pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    from zhqa.config import from_dict
    from zhqa.reports import gx as zgx
    from zhqa.reports.expectations import suite_spec

    table = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "source": ["s"] * 3,
            "characters": [120, 300, 80],
            "hanzi_share": [0.9, 0.2, 0.8],
            "halfwidth_per_1000": [0.0, 0.5, 3.0],
            "duplicate_cluster_size": [1, 1, 1],
        }
    )
    _, index = zgx.validate(
        table, suite_spec(from_dict({"script": "any"})), tmp_path_factory.mktemp("r") / "gx"
    )
    assert index is not None
    return index.parent


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _open(browser, page_path: Path):
    """Open a page offline; returns (page, console errors, blocked URLs)."""
    ctx = browser.new_context()
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    ctx.route("**/*", route)
    page, errors = ctx.new_page(), []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    page.goto(page_path.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, errors, blocked


def test_index_is_styled_and_its_table_filled_offline(browser, docs, tmp_path):
    page, errors, blocked = _open(browser, docs / "index.html")
    page.wait_for_selector("table tbody tr", timeout=5000)  # bootstrap-table fills it from JS
    rows = page.locator("table tbody tr").all_inner_texts()
    assert any("zhqa_metrics" in r for r in rows), rows
    # bootstrap's CSS applied: .container gets a max-width, buttons get padding
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("-apple-system")
    assert page.evaluate("typeof jQuery") == "function"
    page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
    assert blocked == [] and errors == []


def test_validation_page_renders_results_offline(browser, docs, tmp_path):
    (page_path,) = list((docs / "validations").rglob("*.html"))
    page, errors, blocked = _open(browser, page_path)
    text = page.inner_text("body")
    assert "hanzi_share" in text and "halfwidth_per_1000" in text
    assert page.evaluate("typeof vegaEmbed") == "function"
    # Font Awesome's webfont loaded from the local copy (icons of passed/failed rows)
    assert page.evaluate("document.fonts.check('900 16px \"Font Awesome 6 Free\"')")
    page.screenshot(path=str(tmp_path / "validation.png"), full_page=True)
    assert blocked == [] and errors == []
