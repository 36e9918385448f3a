"""Findings and metrics kept on disk during a run, so memory stays flat on big corpora."""

from __future__ import annotations

import heapq
import json
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import IO, Any

from zhqa.schemas.finding import Finding

SortKey = tuple[int, int, int, str, str]
Row = tuple[SortKey, Any]  # the payload: JSON text (findings), or a metrics row's dict
CHUNK_ROWS = 512
_KEY = itemgetter(0)


def pack_rows(rows: list[Row]) -> list[tuple[bytes, int]]:
    """Rows as chunks (bytes, rows) for :meth:`Spool.add_chunk`: a worker can pack them."""
    return [
        (pickle.dumps(rows[i : i + CHUNK_ROWS], pickle.HIGHEST_PROTOCOL), len(rows[i : i + CHUNK_ROWS]))
        for i in range(0, len(rows), CHUNK_ROWS)
    ]


class Spool:
    """An append-only file of ``(sort key, json)`` rows, read back in order of writing.

    Rows are pickled in chunks (a list of rows per pickle, in a private temporary file):
    far cheaper than a JSON key per row, or a pickle per row, on runs with many findings.
    """

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile("w+b")
        self._buffer: list[Row] = []
        self.count = 0

    def add(self, key: SortKey, payload: Any) -> None:
        self._buffer.append((key, payload))
        self.count += 1
        if len(self._buffer) >= CHUNK_ROWS:
            self._flush()

    def add_chunk(self, chunk: bytes, rows: int) -> None:
        """Append one chunk of ``rows`` rows from :func:`pack_rows` (after the rows added so far)."""
        if rows:
            self._flush()
            self._file.write(chunk)
            self.count += rows

    def _flush(self) -> None:
        if self._buffer:
            self._file.write(pickle.dumps(self._buffer, pickle.HIGHEST_PROTOCOL))
            self._buffer = []

    def rows(self) -> Iterator[Row]:
        self._flush()
        self._file.flush()
        self._file.seek(0)
        seen = 0
        while seen < self.count:
            chunk = pickle.load(self._file)  # one unpickler per chunk: no memo shared
            seen += len(chunk)
            yield from chunk
        self._file.seek(0, 2)

    def close(self) -> None:
        self._buffer = []
        self._file.close()


def merged(spools: Iterable[Spool]) -> Iterator[str]:
    """The JSON payloads of several spools, each sorted by key, merged by key."""
    live = [s for s in spools if s.count]
    if len(live) == 1:  # the common case (no corpus findings): no merge needed
        for _, payload in live[0].rows():
            yield payload
        return
    for _, payload in heapq.merge(*(s.rows() for s in live), key=_KEY):
        yield payload


def findings(payloads: Iterable[str]) -> Iterator[Finding]:
    for p in payloads:
        yield Finding.model_validate_json(p)


def metric_rows(spool: Spool) -> Iterator[dict[str, Any]]:
    """The metrics rows: spooled as dicts (local engine) or as JSON (Spark engine)."""
    for _, payload in spool.rows():
        yield payload if isinstance(payload, dict) else json.loads(payload)
