"""The HTML report without a browser: escaping, self-containment, embedded data, large runs."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

from tests.reports.conftest import PAYLOADS, render, run
from zhqa.reports.html_data import FULL_TEXT_MAX, ReportData, script_json


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(page: str) -> _Tags:
    p = _Tags()
    p.feed(page)
    return p


def embedded(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="zhqa-data">(.*?)</script>', page, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def test_script_json_leaves_nothing_that_closes_or_comments_the_element():
    obj = {"t": "</script><!-- <script>alert(1)</script> & \u2028", "</script>": ["<!--"]}
    out = script_json(obj)
    assert not set("<>&") & set(out)
    assert json.loads(out) == obj


def test_hostile_corpus_is_never_inserted_unescaped(hostile_run):
    page = render(hostile_run, "html")
    for payload in PAYLOADS[:2]:
        assert payload not in page
    assert "<img" not in page
    assert page.count("</script>") == 2  # the data block's and the code's, nothing from the corpus
    assert "<!--" not in page
    tags = parse(page)
    names = [t for t, _ in tags.tags]
    assert "img" not in names
    assert names.count("script") == 2
    assert all(not attrs.get("src") and not any(k.startswith("on") for k in attrs) for _, attrs in tags.tags)
    # the payloads are there, as data, exactly as the corpus has them
    data = embedded(page)
    ids = {d["id"] for d in data["docs"]}
    assert '"><img src=x onerror=alert(1)>' in ids
    texts = "".join(d.get("t", "") for d in data["docs"])
    assert "<script>alert(1)</script>" in texts and "</script><!--" in texts
    # and the file name with a payload is escaped where the page shows it as HTML
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;.txt" in page


def test_page_is_self_contained_and_its_csp_allows_only_its_own_code(seed_run):
    page = render(seed_run, "html")
    tags = parse(page)
    assert not [t for t, a in tags.tags if t in ("link", "img", "iframe", "object", "embed")]
    for _, attrs in tags.tags:
        for key in ("src", "href", "action"):
            value = attrs.get(key) or ""
            assert not re.match(r"(https?:)?//", value), (key, value)
    csp = next(
        a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp
    code = tags.scripts[-1]
    digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in csp
    assert "innerHTML" not in code and "eval(" not in code


def test_seed_page_holds_verdict_totals_and_every_finding(seed_run, seed_text):
    page = render(seed_run, "html")
    s = seed_run.summary
    assert ("Gate failed" if not s.gate.passed else "Gate passed") in page
    for reason in s.gate.reasons:
        assert reason in page
    data = embedded(page)
    assert len(data["f"]) == data["total"] == s.findings
    # every finding's span can be cut from the embedded text, as the page does
    assert data["docs"][0]["t"] == seed_text
    for f, row in zip(seed_run.findings(), data["f"], strict=True):
        assert data["codes"][row[1]] == f.code and row[3:7] == [f.start, f.end, f.line, f.column]
        assert data["msgs"][row[7]] == f.message
    for code in s.by_code:
        assert f'id="doc-{code}"' in page  # each code links to its docs from the registry


def test_long_document_is_embedded_as_windows_around_its_findings(tmp_path):
    filler = "今天天气很好我们一起去公园散步看花" * 2000  # 34,000 characters
    text = filler[:10_000] + "坏了,这里" + filler[10_000:30_000] + "又坏,这里" + filler[30_000:]
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    res = run([tmp_path / "long.txt"], {"select": ["P201"]})
    page = render(res, "html")
    res.close()
    data = embedded(page)
    (doc,) = data["docs"]
    assert len(text) > FULL_TEXT_MAX and "t" not in doc and doc["n"] == len(text)
    assert len(doc["w"]) == 2
    for off, chunk in doc["w"]:
        assert text[off : off + len(chunk)] == chunk and "," in chunk
    assert sum(len(c) for _, c in doc["w"]) < 400


def test_findings_past_the_cap_are_counted_not_embedded(seed_run):
    data = ReportData(seed_run.summary.findings, max_findings=10).add_all(
        (f, None) for f in seed_run.findings()
    )
    assert len(data.rows) == 10 and data.total == seed_run.summary.findings
    # without the document text, each row carries its excerpt instead
    assert all(row[10] for row in data.rows)


def test_gx_data_docs_are_linked_when_built(seed_run, tmp_path):
    docs = tmp_path / "gx" / "index.html"
    docs.parent.mkdir()
    docs.write_text("<html></html>", encoding="utf-8")
    seed_run.extras["gx_docs"] = str(docs)
    seed_run.extras["written"] = {"html": str(tmp_path / "reports" / "index.html")}
    page = render(seed_run, "html")
    assert 'href="../gx/index.html"' in page
    del seed_run.extras["gx_docs"]
    assert "Data Docs" not in render(seed_run, "html")
