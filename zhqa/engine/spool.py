"""Findings and metrics kept on disk during a run, so memory stays flat on big corpora."""

from __future__ import annotations

import bisect
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
        for chunk in self.chunks():
            yield from chunk

    def chunks(self) -> Iterator[list[Row]]:
        """The rows, a written chunk (a list) at a time."""
        self._flush()
        self._file.flush()
        self._file.seek(0)
        seen = 0
        while seen < self.count:
            chunk = pickle.load(self._file)  # one unpickler per chunk: no memo shared
            seen += len(chunk)
            yield chunk
        self._file.seek(0, 2)

    def close(self) -> None:
        self._buffer = []
        self._file.close()


def merged(spools: Iterable[Spool]) -> Iterator[str]:
    """The JSON payloads of several spools, each sorted by key, merged by key (rows with
    equal keys in the order of the spools, as :func:`heapq.merge` gives them)."""
    live = [s for s in spools if s.count]
    if len(live) == 1:  # no corpus findings: no merge needed
        for chunk in live[0].chunks():
            yield from [payload for _, payload in chunk]
        return
    if len(live) == 2:  # the common case: document findings and corpus findings
        big, small = sorted(live, key=lambda s: -s.count)
        yield from _merge_two(big, small, small_first=small is live[0])
        return
    for _, payload in heapq.merge(*(s.rows() for s in live), key=_KEY):
        yield payload


def _merge_two(big: Spool, small: Spool, small_first: bool) -> Iterator[str]:
    """Merge by whole chunks of ``big``: each row of ``small`` is put in place by bisection,
    so the per-row work is a list comprehension, not a heap step."""
    place = bisect.bisect_left if small_first else bisect.bisect_right
    others = small.rows()
    head = next(others, None)
    for chunk in big.chunks():
        keys = [k for k, _ in chunk]
        last, at = keys[-1], 0
        while head is not None and (head[0] <= last if small_first else head[0] < last):
            cut = place(keys, head[0], at)
            yield from [payload for _, payload in chunk[at:cut]]
            yield head[1]
            at = cut
            head = next(others, None)
        yield from [payload for _, payload in chunk[at:]]
    while head is not None:
        yield head[1]
        head = next(others, None)


def findings(payloads: Iterable[str]) -> Iterator[Finding]:
    for p in payloads:
        yield Finding.model_validate_json(p)


def metric_rows(spool: Spool) -> Iterator[dict[str, Any]]:
    """The metrics rows: spooled as dicts (local engine) or as JSON (Spark engine)."""
    for _, payload in spool.rows():
        yield payload if isinstance(payload, dict) else json.loads(payload)
