"""A JSONL file's lines in batches, as arrays and bytes: no Python object per line.

The local engine's main process only hands lines to its workers, so a batch is what
it needs: each non-blank line's number, byte offset and size, and the lines joined.
Lines are cut and counted by :func:`zhqa.io.records.sized_lines`, as for
:func:`zhqa.io.records.raw_lines` (whitespace-only lines are no record).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import NamedTuple

from zhqa.io.compression import open_binary
from zhqa.io.discover import Input
from zhqa.io.errors import InputError
from zhqa.io.records import sized_lines
from zhqa.schemas.config import Limits


class LineBatch(NamedTuple):
    """Consecutive non-blank lines: ``raw[k]`` is ``data[cuts[k]:cuts[k+1]]``."""

    numbers: array[int]  # 1-based line numbers
    starts: array[int]  # byte offsets in the (decompressed) file
    sizes: array[int]  # bytes of each line kept (its newline included)
    data: bytes

    def __len__(self) -> int:
        return len(self.numbers)


def line_batches(inp: Input, limits: Limits, max_bytes: int, max_lines: int) -> Iterator[LineBatch]:
    """The non-blank lines of a JSONL input, about ``max_bytes`` or ``max_lines`` at a time.

    Errors are :class:`InputError`, raised after the lines read before them were given."""
    from zhqa.io import _input_error

    if inp.problem:
        raise InputError(inp.problem)
    assert inp.path is not None
    try:
        f = open_binary(inp.path, inp.compression, limits.max_decompressed_bytes)
    except (PermissionError, IsADirectoryError, MemoryError, OSError) as e:
        raise _input_error(e) from None
    with f:
        try:
            yield from _batches(sized_lines(f, inp.source, limits.max_record_bytes), max_bytes, max_lines)
        except MemoryError as e:
            raise _input_error(e) from None


def _batches(lines: Iterator[tuple[bytes, int]], max_bytes: int, max_lines: int) -> Iterator[LineBatch]:
    numbers, starts, sizes, kept = array("q"), array("q"), array("q"), []
    offset = held = 0
    try:
        for number, (line, size) in enumerate(lines, start=1):
            if not line.isspace():
                numbers.append(number)
                starts.append(offset)
                sizes.append(len(line))
                kept.append(line)
                held += len(line)
                if held >= max_bytes or len(kept) >= max_lines:
                    yield LineBatch(numbers, starts, sizes, b"".join(kept))
                    numbers, starts, sizes, kept = array("q"), array("q"), array("q"), []
                    held = 0
            offset += size
    except (InputError, MemoryError):
        if kept:  # the lines read before the error are records all the same
            yield LineBatch(numbers, starts, sizes, b"".join(kept))
        raise
    if kept:
        yield LineBatch(numbers, starts, sizes, b"".join(kept))
