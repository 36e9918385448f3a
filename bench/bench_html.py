"""HTML report for N findings (default 50,000): file size, render time, and load time in Chromium.

Documents are real Chinese sentences from ../shared/corpora (as bench/corpus.py
uses); findings are spread over every registered code and family, on real
spans, some with fixes. The page is opened in Debian's Chromium (Playwright,
no network); "load" is navigation start to the load event, which includes the
page's own script (JSON parse, indexes, first table page, histogram).
Then one family filter and one click-to-document are timed.

    python bench/bench_html.py [--findings 50000] [--docs 2500] [--runs 3]
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from corpus import sentences  # noqa: E402

from zhqa.checks import CATALOGUE  # noqa: E402
from zhqa.config import from_dict  # noqa: E402
from zhqa.reports.html import write  # noqa: E402
from zhqa.schemas.document import Document  # noqa: E402
from zhqa.schemas.finding import Finding, Fix  # noqa: E402
from zhqa.schemas.report import GateResult, InputStatus, Summary, ToolInfo  # noqa: E402

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip


class Synthetic:
    """A Results object: N findings over D documents of real text."""

    def __init__(self, n_findings: int, n_docs: int, seed: int = 7) -> None:
        rng = random.Random(seed)
        sents = sentences()
        self.config = from_dict({})
        self.docs = []
        for i in range(n_docs):
            text, size = "", rng.randint(600, 3000)
            while len(text) < size:
                text += rng.choice(sents) + ("\n\n" if rng.random() < 0.2 else "")
            self.docs.append(Document(id=f"news-{i:06d}", source="bench/news.jsonl", text=text, line=i + 1))
        codes = sorted(CATALOGUE)
        self._findings: list[Finding] = []
        per_doc = [n_findings // n_docs + (1 if i < n_findings % n_docs else 0) for i in range(n_docs)]
        for doc, k in zip(self.docs, per_doc, strict=True):
            spans = sorted(rng.sample(range(len(doc.text) - 2), k))
            for start in spans:
                chk = CATALOGUE[rng.choice(codes)]
                end = start + rng.choice([1, 1, 1, 2, 4])
                line = doc.text.count("\n", 0, start) + 1
                fix = Fix(replacement="，") if rng.random() < 0.5 else None
                self._findings.append(
                    Finding(code=chk.code, name=chk.name, family=chk.family, severity=chk.severity,
                            doc_id=doc.id, source=doc.source, start=start, end=end, line=line,
                            column=start - (doc.text.rfind("\n", 0, start) + 1) + 1,
                            message=f"{chk.name}: {doc.text[start:end]!r} at {start}",
                            excerpt=doc.text[max(0, start - 10) : end + 10], fix=fix)
                )  # fmt: skip
        by_code = Counter(f.code for f in self._findings)
        by_sev = Counter({"error": 0, "warning": 0, "info": 0}) + Counter(
            f.severity.value for f in self._findings
        )
        self.summary = Summary(
            documents=n_docs, characters=sum(len(d.text) for d in self.docs), findings=len(self._findings),
            by_code=dict(sorted(by_code.items())), by_severity=dict(by_sev),
            gate=GateResult(passed=False, reasons=[f"{c}: {n} errors (max 0)" for c, n in sorted(by_code.items())][:5]),
            inputs=[InputStatus(source="bench/news.jsonl", documents=n_docs)],
        )  # fmt: skip
        self.extras: dict[str, Any] = {"documents": lambda: iter(self.docs)}

    @property
    def tool(self) -> ToolInfo:
        return ToolInfo(name="zhqa", version="bench")

    def findings(self) -> Iterator[Finding]:
        return iter(self._findings)

    def finding_payloads(self) -> Iterator[str]:
        return (f.model_dump_json() for f in self._findings)

    def metrics(self) -> Iterator[dict[str, Any]]:
        counts: dict[str, Counter[str]] = {}
        for f in self._findings:
            counts.setdefault(f.doc_id, Counter())[f"{f.family}_findings"] += 1
        for seq, d in enumerate(self.docs):
            yield {
                "seq": seq,
                "doc_id": d.id,
                "source": d.source,
                "characters": len(d.text),
                **counts.get(d.id, {}),
            }


def measure(path: Path, runs: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    out: dict[str, list[float]] = {"load": [], "filter": [], "open": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=FLAGS)
        for _ in range(runs):
            ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
            ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page = ctx.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.goto(path.resolve().as_uri(), wait_until="load")
            timing = page.evaluate(
                "() => { const t = performance.timing; return t.loadEventEnd - t.navigationStart; }"
            )
            out["load"].append(timing / 1000)
            t = time.perf_counter()
            page.select_option("#f-family", "structure")
            page.locator("#count").filter(has_text="filtered").wait_for()
            out["filter"].append(time.perf_counter() - t)
            t = time.perf_counter()
            page.locator("#rows tr").nth(3).locator("td:nth-child(6)").click()
            page.locator("#doc-text mark.sel").first.wait_for()
            out["open"].append(time.perf_counter() - t)
            if errors:
                raise SystemExit(f"page errors: {errors}")
            ctx.close()
        browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--findings", type=int, default=50_000)
    ap.add_argument("--docs", type=int, default=2_500)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    res = Synthetic(args.findings, args.docs)
    t = time.perf_counter()
    buf = io.StringIO()
    write(res, buf)
    render_s = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.html"
        path.write_text(buf.getvalue(), encoding="utf-8")
        size = path.stat().st_size
        times = measure(path, args.runs)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"HTML report, {res.summary.findings:,} findings in {args.docs:,} documents "
          f"({res.summary.characters:,} characters); median of {args.runs} Chromium loads\n")  # fmt: skip
    print("| measure | value | target |")
    print("| --- | ---: | --- |")
    print(f"| file size | {size / 1e6:.2f} MB | < 10 MB |")
    print(f"| render (Python, write) | {render_s:.2f} s | |")
    print(f"| Chromium load event | {med['load']:.2f} s | < 3 s |")
    print(f"| filter by family | {med['filter']:.2f} s | |")
    print(f"| open a finding in its document | {med['open']:.2f} s | |")


if __name__ == "__main__":
    main()
