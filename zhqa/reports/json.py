"""``--format json``: exactly ``RunReport.model_dump_json()``, written as a stream."""

from __future__ import annotations

from typing import TextIO

from zhqa.reports.base import Results


def write(res: Results, out: TextIO) -> None:
    out.write('{"tool":' + res.tool.model_dump_json() + ',"summary":' + res.summary.model_dump_json())
    out.write(',"findings":[')
    for i, payload in enumerate(res.finding_payloads()):
        if i:
            out.write(",")
        out.write(payload)
    out.write("]}")
