"""Corpus-check map outputs kept on disk, partitioned by key: the corpus phase stays small.

Items are appended in document order; every item of one key lands in the same
partition, so a reduce can group one partition at a time (an external group-by).
Iterating the store gives every item in document order again.
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
from collections.abc import Iterator
from typing import IO

from zhqa.checks.registry import MapItem

PARTITIONS = 32


class MapStore:
    """The map items of one corpus check, spooled to ``PARTITIONS`` temp files."""

    def __init__(self, partitions: int = PARTITIONS) -> None:
        self._files: list[IO[bytes] | None] = [None] * partitions
        self.count = 0

    def add(self, item: MapItem) -> None:
        i = hash(item.key) % len(self._files)
        f = self._files[i]
        if f is None:
            f = self._files[i] = tempfile.TemporaryFile()
        pickle.dump(tuple(item), f, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def _read(self, f: IO[bytes]) -> Iterator[MapItem]:
        f.flush()
        f.seek(0)
        while True:  # one Unpickler per item: a long-lived one memoises every object it loads
            try:
                yield MapItem(*pickle.load(f))
            except EOFError:
                break
        f.seek(0, 2)

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
