"""Pass 2 of the local engine: read again only the documents that corpus hits point at.

A plain JSONL file is read where each such document's line starts: pass 1 notes every
document's line number and byte offset (on disk, 16 bytes a document, so memory stays
flat). Other inputs (compressed, text, JSON, Parquet) cannot seek and are read again
from their start, only as far as their last document with a hit.
"""

from __future__ import annotations

import bisect
import os
import tempfile
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

from zhqa.io import InputError, RawLine, parse_unit, read_units
from zhqa.io.discover import Input
from zhqa.io.records import Validator
from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.document import Document


def seekable(inp: Input) -> bool:
    """Can a document of this input be read at its byte offset?"""
    return inp.fmt == "jsonl" and inp.path is not None and inp.compression is None and inp.problem is None


class LineOffsets:
    """(line number, byte offset) of each document in run order; (-1, -1) where its input
    cannot seek. Kept in two temporary files, read back one document at a time."""

    _FLUSH = 1 << 16

    def __init__(self) -> None:
        self._files: tuple[IO[bytes], IO[bytes]] = (
            tempfile.TemporaryFile("w+b"),
            tempfile.TemporaryFile("w+b"),
        )
        self._bufs = (array("q"), array("q"))
        self.count = 0

    def add_many(self, numbers: array[int], starts: array[int]) -> None:
        """Many documents at once (the arrays of a line batch)."""
        self._bufs[0].extend(numbers)
        self._bufs[1].extend(starts)
        self.count += len(numbers)
        if len(self._bufs[0]) >= self._FLUSH:
            self._flush()

    def add_unknown(self, n: int) -> None:
        """``n`` documents whose input cannot seek."""
        self.add_many(array("q", [-1]) * n, array("q", [-1]) * n)

    def flush(self) -> None:
        """Write out what is buffered (before a fork: children read the files)."""
        self._flush()

    def _flush(self) -> None:
        if self._bufs[0]:
            for buf, f in zip(self._bufs, self._files, strict=True):
                buf.tofile(f)
                f.flush()
            self._bufs = (array("q"), array("q"))

    def get(self, seq: int) -> tuple[int, int]:
        self._flush()
        got = array("q")
        for f in self._files:
            got.frombytes(os.pread(f.fileno(), got.itemsize, got.itemsize * seq))
        return got[0], got[1]

    def close(self) -> None:
        for f in self._files:
            f.close()


@dataclass
class Reread:
    """What reading documents again by number needs: the inputs, the number of each
    input's first document, and the offsets noted in pass 1."""

    inputs: Sequence[Input]
    firsts: Sequence[int]
    offsets: LineOffsets
    config: SuiteConfig
    validate: Validator | None = None

    def at_offset(self, seq: int) -> bool:
        """Is document ``seq`` read at its offset (no scan of its input from the start)?"""
        return self.offsets.get(seq)[0] >= 0

    def documents(self, seqs: Sequence[int]) -> Iterator[tuple[int, Document]]:
        return revisit(seqs, self.inputs, self.firsts, self.offsets, self.config, self.validate)


def revisit(
    seqs: Sequence[int],
    inputs: Sequence[Input],
    firsts: Sequence[int],
    offsets: LineOffsets,
    config: SuiteConfig,
    validate: Validator | None = None,
) -> Iterator[tuple[int, Document]]:
    """The documents numbered ``seqs`` (ascending), each with its number; ``firsts[i]`` is
    the number of input i's first document."""
    cap = config.limits.max_record_bytes
    scan: tuple[int, Iterator[tuple[int, Any]]] | None = None  # an input read from its start
    opened: tuple[int, IO[bytes]] | None = None
    try:
        for seq in seqs:
            idx = bisect.bisect_right(firsts, seq) - 1
            inp = inputs[idx]
            number, start = offsets.get(seq)
            if number >= 0:
                if opened is None or opened[0] != idx:
                    if opened is not None:
                        opened[1].close()
                    assert inp.path is not None
                    opened = (idx, open(inp.path, "rb"))
                opened[1].seek(start)
                yield (
                    seq,
                    parse_unit(RawLine(opened[1].readline(cap + 1), number, start), inp, config, validate),
                )
                continue
            if scan is None or scan[0] != idx:
                scan = (idx, enumerate(read_units(inp, config, validate), firsts[idx]))
            try:
                for at, unit in scan[1]:
                    if at == seq:
                        yield (
                            seq,
                            unit if isinstance(unit, Document) else parse_unit(unit, inp, config, validate),
                        )
                        break
            except InputError:  # it failed in pass 1 as well, after its last document
                continue
    finally:
        if opened is not None:
            opened[1].close()
