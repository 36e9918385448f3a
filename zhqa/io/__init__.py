"""Readers: every input becomes a stream of Documents (ids and offsets per DESIGN.md)."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

from zhqa.io.discover import STDIN, Input, discover
from zhqa.io.errors import InputError, UsageError
from zhqa.io.records import (
    RawLine,
    Validator,
    jsonl_from_stream,
    parse_line,
    read_json,
    read_jsonl_lines,
    read_parquet,
    records_from_json,
)
from zhqa.io.text import document_from_bytes, read_text
from zhqa.schemas.config import Limits, SuiteConfig
from zhqa.schemas.document import Document

__all__ = [
    "Input",
    "InputError",
    "RawLine",
    "UsageError",
    "discover",
    "parse_unit",
    "read_input",
    "read_units",
]

_stdin_cache: dict[str, bytes] = {}


def _stdin_bytes() -> bytes:
    """Stdin is read once and kept, so a second pass over the inputs sees the same bytes."""
    if STDIN not in _stdin_cache:
        _stdin_cache[STDIN] = sys.stdin.buffer.read()
    return _stdin_cache[STDIN]


def _read_stdin(
    limits: Limits, text_field: str, id_field: str, validate: Validator | None
) -> Iterator[Document]:
    data = _stdin_bytes()
    head = data.lstrip()[:1]
    inp = Input("<stdin>", "<stdin>", None, "stdin")
    if head == b"[":
        yield from records_from_json(data, inp, limits, text_field, id_field, validate)
    elif head == b"{":
        yield from jsonl_from_stream(io.BytesIO(data), inp, limits, text_field, id_field, validate)
    else:
        yield document_from_bytes(data, "<stdin>", "<stdin>")


def read_input(inp: Input, config: SuiteConfig, validate: Validator | None = None) -> Iterator[Document]:
    """The documents of one input, in file order; raises InputError if it cannot be read."""
    for unit in read_units(inp, config, validate):
        if not isinstance(unit, Document):
            try:
                unit = parse_unit(unit, inp, config, validate)
            except (MemoryError, OSError) as e:
                raise _input_error(e) from None
        yield unit


def parse_unit(unit: RawLine, inp: Input, config: SuiteConfig, validate: Validator | None = None) -> Document:
    """The document of a JSONL line from :func:`read_units` (never raises for bad records)."""
    lim = config.limits
    return parse_line(*unit, inp, lim, config.text_field, config.id_field, validate).doc


def read_units(
    inp: Input, config: SuiteConfig, validate: Validator | None = None
) -> Iterator[Document | RawLine]:
    """Like :func:`read_input`, but a JSONL file's lines come unparsed (:class:`RawLine`): the
    engine parses them in its workers (:func:`parse_unit`), or not at all when it only skips."""
    if inp.problem:
        raise InputError(inp.problem)
    lim, tf, idf = config.limits, config.text_field, config.id_field
    try:
        if inp.fmt == "text":
            yield from read_text(inp, lim)
        elif inp.fmt == "jsonl":
            yield from read_jsonl_lines(inp, lim)
        elif inp.fmt == "json":
            yield from read_json(inp, lim, tf, idf, validate)
        elif inp.fmt == "parquet":
            yield from read_parquet(inp, lim, tf, idf, validate)
        elif inp.fmt == "stdin":
            yield from _read_stdin(lim, tf, idf, validate)
        else:
            raise InputError(f"cannot read format {inp.fmt}")
    except (PermissionError, IsADirectoryError, MemoryError, OSError) as e:
        raise _input_error(e) from None


def _input_error(e: BaseException) -> InputError:
    if isinstance(e, PermissionError):
        return InputError("permission denied")
    if isinstance(e, IsADirectoryError):
        return InputError("is a directory")
    if isinstance(e, MemoryError):
        return InputError("out of memory while reading; lower limits.max_document_chars")
    assert isinstance(e, OSError)
    return InputError(e.strerror or str(e))
