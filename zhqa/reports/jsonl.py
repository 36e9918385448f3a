"""``--format jsonl``: one finding per line, then one ``{"summary": …}`` line."""

from __future__ import annotations

from typing import TextIO

from zhqa.reports.base import Results


def write(res: Results, out: TextIO) -> None:
    for payload in res.finding_payloads():
        out.write(payload + "\n")
    out.write('{"summary":' + res.summary.model_dump_json() + "}\n")
