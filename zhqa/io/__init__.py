"""Readers: every input becomes a stream of Documents (ids and offsets per DESIGN.md)."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

from zhqa.io.discover import STDIN, Input, discover
from zhqa.io.errors import InputError, UsageError
from zhqa.io.records import (
    Validator,
    jsonl_from_stream,
    read_json,
    read_jsonl,
    read_parquet,
    records_from_json,
)
from zhqa.io.text import document_from_bytes, read_text
from zhqa.schemas.config import Limits, SuiteConfig
from zhqa.schemas.document import Document

__all__ = ["Input", "InputError", "UsageError", "discover", "read_input"]

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
    if inp.problem:
        raise InputError(inp.problem)
    lim, tf, idf = config.limits, config.text_field, config.id_field
    try:
        if inp.fmt == "text":
            yield from read_text(inp, lim)
        elif inp.fmt == "jsonl":
            yield from read_jsonl(inp, lim, tf, idf, validate)
        elif inp.fmt == "json":
            yield from read_json(inp, lim, tf, idf, validate)
        elif inp.fmt == "parquet":
            yield from read_parquet(inp, lim, tf, idf, validate)
        elif inp.fmt == "stdin":
            yield from _read_stdin(lim, tf, idf, validate)
        else:
            raise InputError(f"cannot read format {inp.fmt}")
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except MemoryError:
        raise InputError("out of memory while reading; lower limits.max_document_chars") from None
    except OSError as e:
        raise InputError(e.strerror or str(e)) from None
