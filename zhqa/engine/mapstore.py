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
import struct
import tempfile
from collections.abc import Iterable, Iterator
from itertools import repeat
from operator import attrgetter
from typing import IO, Any

from zhqa.checks.registry import MapItem

PARTITIONS = 32
Chunk = tuple[int, bytes, int]  # partition, the items' heads and values (see _chunk), number of items
_LEN = struct.Struct("<Q")
_SEQ = attrgetter("seq")


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
    return [(i, _chunk(rows), len(rows)) for i, rows in parts.items()]


def _chunk(rows: list[tuple[int, str, Any, Any]]) -> bytes:
    """The rows' seqs, ids and keys (three columns), then their values: two length-prefixed
    pickles, so a reader that needs no values (:meth:`MapStore.heads`) skips them unread."""
    seqs, ids, keys, vals = zip(*rows, strict=True)
    heads = pickle.dumps((seqs, ids, keys), pickle.HIGHEST_PROTOCOL)
    values = pickle.dumps(vals, pickle.HIGHEST_PROTOCOL)
    return b"".join((_LEN.pack(len(heads)), heads, _LEN.pack(len(values)), values))


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

    def _read(self, f: IO[bytes], values: bool = True) -> Iterator[MapItem]:
        """The items of one file in order; with ``values=False`` their values are None,
        skipped on disk."""
        f.flush()
        f.seek(0)
        make = MapItem._make
        while size := f.read(_LEN.size):
            seqs, ids, keys = pickle.loads(f.read(_LEN.unpack(size)[0]))  # a pickle per chunk: no memo shared
            n = _LEN.unpack(f.read(_LEN.size))[0]
            if values:
                yield from map(make, zip(seqs, ids, keys, pickle.loads(f.read(n)), strict=True))
            else:
                f.seek(n, 1)
                yield from map(make, zip(seqs, ids, keys, repeat(None)))
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
        return self._merged(True)

    def heads(self) -> Iterator[MapItem]:
        """Every item in document order, its value left on disk (None): ids and keys alone."""
        return self._merged(False)

    def _merged(self, values: bool) -> Iterator[MapItem]:
        files = [f for f in self._files if f is not None]
        if len(files) == 1:  # one key, or a few in one partition: no merge needed
            return self._read(files[0], values)
        return heapq.merge(*(self._read(f, values) for f in files), key=_SEQ)

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
