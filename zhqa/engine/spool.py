"""Findings and metrics kept on disk during a run, so memory stays flat on big corpora."""

from __future__ import annotations

import heapq
import json
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

from zhqa.schemas.finding import Finding

SortKey = tuple[int, int, int, str, str]


class Spool:
    """An append-only file of ``(sort key, json)`` rows, read back in order of writing.

    Rows are pickled (a private temporary file): about ten times cheaper than a JSON
    key per row, which mattered on runs with many findings.
    """

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile("w+b")
        self.count = 0

    def add(self, key: SortKey, payload: str) -> None:
        self._file.write(pickle.dumps((key, payload), pickle.HIGHEST_PROTOCOL))
        self.count += 1

    def rows(self) -> Iterator[tuple[SortKey, str]]:
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.count):
            key, payload = pickle.load(self._file)  # one unpickler per row: no memo shared
            yield key, payload
        self._file.seek(0, 2)

    def close(self) -> None:
        self._file.close()


def merged(spools: Iterable[Spool]) -> Iterator[str]:
    """The JSON payloads of several spools, each sorted by key, merged by key."""
    for _, payload in heapq.merge(*(s.rows() for s in spools), key=lambda r: r[0]):
        yield payload


def findings(payloads: Iterable[str]) -> Iterator[Finding]:
    for p in payloads:
        yield Finding.model_validate_json(p)


def metric_rows(spool: Spool) -> Iterator[dict[str, Any]]:
    for _, payload in spool.rows():
        yield json.loads(payload)
