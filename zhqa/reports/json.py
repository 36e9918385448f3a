"""``--format json``: exactly ``RunReport.model_dump_json()``, written as a stream."""

from __future__ import annotations

from itertools import islice
from typing import TextIO

from zhqa.reports.base import Results


def write(res: Results, out: TextIO) -> None:
    out.write('{"tool":' + res.tool.model_dump_json() + ',"summary":' + res.summary.model_dump_json())
    out.write(',"findings":[')
    payloads = res.finding_payloads()
    sep = ""
    while batch := list(islice(payloads, 4096)):  # one write per few thousand findings
        out.write(sep + ",".join(batch))
        sep = ","
    out.write("]}")
