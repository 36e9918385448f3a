"""The map output of D302 as columns, and its compact per-document form (one ``bytes``).

A document's record is ``length, content, template`` (3 x 8 bytes), its band keys
(8 bytes each) and its shingle hashes (4 bytes each): about 4.5 bytes per character
of text plus a fixed part, and one Python object per document in the engine.
In the corpus phase (:func:`spilled`) only the fixed part stays in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy as np


class Sketches(NamedTuple):
    """Map output of a batch, as columns (row i = document i of the batch)."""

    length: np.ndarray  # int64, content characters
    content: np.ndarray  # uint64
    template: np.ndarray  # uint64
    bands: np.ndarray  # uint64 (docs, bands)
    shingles: np.ndarray  # uint32 shingle hashes per document (in text order), concatenated
    offsets: np.ndarray  # int64 (docs + 1): shingles[offsets[i]:offsets[i+1]]

    def shingles_of(self, i: int) -> np.ndarray:
        return self.shingles[self.offsets[i] : self.offsets[i + 1]]

    def record(self, i: int) -> bytes:
        """Row ``i`` as one bytes object (what a document's map step hands over)."""
        import numpy as np

        head = np.array([self.length[i], self.content[i], self.template[i]], dtype=np.uint64)
        return head.tobytes() + self.bands[i].tobytes() + self.shingles_of(i).tobytes()

    def records(self) -> list[bytes]:
        """``[self.record(i) for i in rows]``, with two array-to-bytes copies for the whole batch."""
        import numpy as np

        n = len(self.length)
        head = np.empty((n, 3 + self.bands.shape[1]), np.uint64)
        head[:, 0], head[:, 1], head[:, 2], head[:, 3:] = self.length, self.content, self.template, self.bands
        heads, body, width = head.tobytes(), self.shingles.tobytes(), head.shape[1] * 8
        cut = (self.offsets * 4).tolist()
        return [heads[i * width : i * width + width] + body[cut[i] : cut[i + 1]] for i in range(n)]


def concat(parts: list[Sketches | None]) -> Sketches:
    """Several batches' sketches as one (rows in order). Consumes ``parts``: each entry
    is set to None once copied, so the peak is the result plus one part."""
    import numpy as np

    given = [p for p in parts if p is not None]
    n = sum(len(p.length) for p in given)
    m = sum(len(p.shingles) for p in given)
    out = Sketches(
        length=np.empty(n, np.int64),
        content=np.empty(n, np.uint64),
        template=np.empty(n, np.uint64),
        bands=np.empty((n, given[0].bands.shape[1] if given else 0), np.uint64),
        shingles=np.empty(m, np.uint32),
        offsets=np.empty(n + 1, np.int64),
    )
    del given
    r = s = 0
    for k, p in enumerate(parts):
        parts[k] = None
        if p is None:
            continue
        rows, size = len(p.length), len(p.shingles)
        for name in ("length", "content", "template", "bands"):
            getattr(out, name)[r : r + rows] = getattr(p, name)
        out.shingles[s : s + size] = p.shingles
        out.offsets[r : r + rows] = p.offsets[:-1] + s
        r, s = r + rows, s + size
    out.offsets[n] = m
    return out


def from_records(records: list[bytes | None], bands: int, chunk: int = 8192) -> Sketches:
    """Rows from :meth:`Sketches.record` bytes; entries of ``records`` are set to None
    as they are read, so the bytes are freed while the columns are built."""
    import numpy as np

    fixed = 24 + 8 * bands
    parts: list[Sketches | None] = []
    for c0 in range(0, len(records), chunk):
        blobs = records[c0 : c0 + chunk]
        records[c0 : c0 + chunk] = [None] * len(blobs)
        sizes = np.array([len(b) for b in blobs if b is not None], dtype=np.int64)
        buf = np.frombuffer(b"".join(b for b in blobs if b is not None), dtype=np.uint8)
        del blobs
        starts = np.cumsum(sizes) - sizes
        head = buf[starts[:, None] + np.arange(fixed)].view(np.uint64)
        counts = (sizes - fixed) // 4
        body = np.repeat(  # False over each record's head, True over its shingle bytes
            np.tile(np.array([False, True]), len(sizes)),
            np.stack((np.full_like(sizes, fixed), sizes - fixed), 1).ravel(),
        )
        parts.append(
            Sketches(
                length=head[:, 0].astype(np.int64),
                content=head[:, 1].copy(),
                template=head[:, 2].copy(),
                bands=head[:, 3:].copy(),
                shingles=buf[body].view(np.uint32),
                offsets=np.concatenate(([0], np.cumsum(counts))),
            )
        )
    if len(parts) == 1:
        return parts[0]  # type: ignore[return-value]  # one chunk: its columns are already fresh arrays
    return concat(parts) if parts else concat([_empty(bands)])


BATCH_BYTES = 1 << 22  # records decoded at a time in the corpus phase (a few times this in memory)


def spilled(records: Iterable[bytes], bands: int, chunk: int = 1024) -> Sketches:
    """Rows from a stream of records, with the shingle hashes on disk (:class:`OnDisk`).

    While the stream is read (``chunk`` records or :data:`BATCH_BYTES` at a time, so
    long documents do not multiply the batch), every part goes to temp files: the fixed part of each
    row (length, keys, band keys; read back at the end as one array, the only part
    kept in memory) and the shingle hashes (4 bytes per character), which
    verification reads back for the candidate rows alone.
    """
    import tempfile

    import numpy as np

    row = np.dtype(
        [
            ("length", "<i8"),
            ("content", "<u8"),
            ("template", "<u8"),
            ("count", "<i8"),
            ("bands", "<u8", (bands,)),
        ]
    )
    spill, fixed = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    batch: list[bytes | None] = []

    def flush() -> None:
        part = from_records(batch, bands, chunk)
        batch.clear()
        part.shingles.tofile(spill)
        head = np.empty(len(part.length), row)
        for name in ("length", "content", "template", "bands"):
            head[name] = getattr(part, name)
        head["count"] = np.diff(part.offsets)
        head.tofile(fixed)

    size = 0
    for rec in records:
        batch.append(rec)
        size += len(rec)
        if len(batch) >= chunk or size >= BATCH_BYTES:
            flush()
            size = 0
    flush()
    spill.flush()
    fixed.seek(0)
    head = np.fromfile(fixed, row)
    fixed.close()
    offsets = np.zeros(len(head) + 1, np.int64)
    np.cumsum(head["count"], out=offsets[1:])
    return Sketches(
        length=head["length"],
        content=head["content"],
        template=head["template"],
        bands=head["bands"],
        shingles=OnDisk(spill, int(offsets[-1])),  # type: ignore[arg-type]
        offsets=offsets,
    )


class OnDisk:
    """uint32 shingle hashes in a temporary file, read back with ``pread``. Never
    memory-mapped: mapped pages (and the kernel's fault-around) would count in the
    process's resident set, reading candidates back must not grow it."""

    def __init__(self, file: IO[bytes], total: int) -> None:
        self._file, self._total = file, total

    def __len__(self) -> int:
        return self._total

    def __getitem__(self, span: slice) -> np.ndarray:
        import numpy as np

        start, stop, _ = span.indices(self._total)
        return self.take(np.array([start]), np.array([max(stop - start, 0)]))

    def take(self, starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """The ranges ``[starts[i], starts[i] + counts[i])``, concatenated."""
        import os

        import numpy as np

        fd = self._file.fileno()
        chunks = [os.pread(fd, 4 * n, 4 * s) for s, n in zip(starts.tolist(), counts.tolist(), strict=True)]
        return np.frombuffer(b"".join(chunks), np.uint32)


def take(shingles: np.ndarray | OnDisk, starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The shingle ranges ``[starts[i], starts[i] + counts[i])`` concatenated, from memory or disk."""
    import numpy as np

    if isinstance(shingles, OnDisk):
        return shingles.take(starts, counts)
    first = np.cumsum(counts) - counts
    return shingles[np.repeat(starts - first, counts) + np.arange(int(counts.sum()))]


def _empty(bands: int) -> Sketches:
    import numpy as np

    z = np.zeros(0, np.uint64)
    return Sketches(
        z.astype(np.int64), z, z, np.zeros((0, bands), np.uint64), z.astype(np.uint32), np.zeros(1, np.int64)
    )
