"""Corpus-check map outputs kept on disk, partitioned by key: the corpus phase stays small.

Items are appended in document order; every item of one key lands in the same
partition, so a reduce can group one partition at a time (an external group-by).
Iterating the store gives every item in document order again. Items are pickled a
chunk (a list) at a time; a worker can pack a batch's chunks (:func:`pack_items`) as
long as it shares this process's ``hash`` (a forked worker does).
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

from zhqa.checks.registry import MapItem

PARTITIONS = 32
Chunk = tuple[int, bytes, int]  # partition, pickled list of item tuples, number of items


def pack_items(items: Iterable[tuple[int, str, Any, Any]], partitions: int = PARTITIONS) -> list[Chunk]:
    """``(seq, doc_id, key, value)`` items, in document order, as one chunk per partition."""
    parts: dict[int, list[tuple[int, str, Any, Any]]] = {}
    for item in items:
        i = hash(item[2]) % partitions
        got = parts.get(i)
        if got is None:
            parts[i] = [item]
        else:
            got.append(item)
    return [(i, pickle.dumps(rows, pickle.HIGHEST_PROTOCOL), len(rows)) for i, rows in parts.items()]


class MapStore:
    """The map items of one corpus check, spooled to ``PARTITIONS`` temp files."""

    def __init__(self, partitions: int = PARTITIONS) -> None:
        self._files: list[IO[bytes] | None] = [None] * partitions
        self.count = 0

    def add(self, item: MapItem) -> None:
        self.add_many([tuple(item)])

    def add_many(self, items: Iterable[tuple[int, str, Any, Any]]) -> None:
        """Items (tuples in MapItem order) of some documents, in document order."""
        for chunk in pack_items(items, len(self._files)):
            self.add_chunk(*chunk)

    def add_chunk(self, part: int, chunk: bytes, count: int) -> None:
        f = self._files[part]
        if f is None:
            f = self._files[part] = tempfile.TemporaryFile()
        f.write(chunk)
        self.count += count

    def _read(self, f: IO[bytes]) -> Iterator[MapItem]:
        f.flush()
        f.seek(0)
        make = MapItem._make
        while True:
            try:
                rows = pickle.load(f)  # one unpickler per chunk: memo indices start at 0
            except EOFError:
                break
            for row in rows:
                yield make(row)
        f.seek(0, 2)

    def flush(self) -> None:
        """Write out what is buffered (before a fork: the children read these files)."""
        for f in self._files:
            if f is not None:
                f.flush()

    def partition_ids(self) -> list[int]:
        return [i for i, f in enumerate(self._files) if f is not None]

    def part(self, i: int) -> _Part:
        """Partition ``i`` alone, as a store a reduce can iterate (the keys of one partition)."""
        return _Part(self, i)

    def partitions(self) -> Iterator[Iterator[MapItem]]:
        """One iterator per non-empty partition; a key never spans two partitions."""
        for f in self._files:
            if f is not None:
                yield self._read(f)

    def __iter__(self) -> Iterator[MapItem]:
        """Every item, in document order."""
        return heapq.merge(*self.partitions(), key=lambda i: i.seq)

    def __len__(self) -> int:
        return self.count

    def close(self) -> None:
        for f in self._files:
            if f is not None:
                f.close()
        self._files = [None] * len(self._files)


class _Part:
    """One partition of a :class:`MapStore` (items in document order)."""

    def __init__(self, store: MapStore, i: int) -> None:
        self._store, self._i = store, i

    def partitions(self) -> Iterator[Iterator[MapItem]]:
        yield iter(self)

    def __iter__(self) -> Iterator[MapItem]:
        f = self._store._files[self._i]
        return iter(()) if f is None else self._store._read(f)
