"""Record formats: JSONL, JSON arrays and Parquet; one document per record.

A record that cannot be used still becomes a document (with empty text) that
carries its problems, so S501 reports it and nothing is dropped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from zhqa.io.compression import open_binary, read_all
from zhqa.io.decode import decode_with
from zhqa.io.discover import Input
from zhqa.io.errors import InputError
from zhqa.schemas.config import Limits
from zhqa.schemas.document import Document, InvalidBytes, RecordProblem

_SURROGATE = re.compile("[\ud800-\udfff]")
Validator = Callable[[dict[str, Any]], list[RecordProblem]]


def _type_name(v: Any) -> str:
    return "null" if v is None else type(v).__name__


def document_from_record(
    obj: Any,
    *,
    rel: str,
    line: int,
    source: str,
    text_field: str = "text",
    id_field: str = "id",
    invalid: list[InvalidBytes] | None = None,
    validate: Validator | None = None,
    max_chars: int | None = None,
) -> Document:
    """Turn one parsed record into a Document; problems are kept, never raised."""
    problems: list[RecordProblem] = []
    fallback_id = f"{rel}:{line}"
    if not isinstance(obj, dict):
        problems.append(RecordProblem(field="$", message=f"record is {_type_name(obj)}, expected an object"))
        return Document(id=fallback_id, source=source, text="", problems=problems, line=line)
    raw_id = obj.get(id_field)
    doc_id = fallback_id
    if isinstance(raw_id, str) and raw_id:
        doc_id = raw_id
    elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
        doc_id = str(raw_id)
    elif raw_id is not None:
        problems.append(
            RecordProblem(field=id_field, message=f"expected a string or integer, got {_type_name(raw_id)}")
        )
    text = obj.get(text_field)
    if text_field not in obj:
        problems.append(RecordProblem(field=text_field, message="field required"))
        text = ""
    elif not isinstance(text, str):
        problems.append(RecordProblem(field=text_field, message=f"expected a string, got {_type_name(text)}"))
        text = ""
    elif not text.strip():
        problems.append(RecordProblem(field=text_field, message="empty text"))
    elif max_chars is not None and len(text) > max_chars:
        problems.append(
            RecordProblem(field=text_field, message=f"longer than limits.max_document_chars ({max_chars:,})")
        )
        text = ""
    if _SURROGATE.search(text):
        problems.append(RecordProblem(field=text_field, message="lone surrogate escapes replaced by U+FFFD"))
        text = _SURROGATE.sub("\ufffd", text)
    if validate is not None:
        problems.extend(validate(obj))
    meta = {k: v for k, v in obj.items() if k != text_field}
    invalid = _invalid_in_text(text, invalid or [])
    return Document(
        id=doc_id, source=source, text=text, meta=meta, invalid_bytes=invalid, problems=problems, line=line
    )


def _invalid_in_text(text: str, invalid: list[InvalidBytes]) -> list[InvalidBytes]:
    """Re-anchor a line's invalid sequences on the U+FFFD they left in the text field."""
    if not invalid:
        return []
    spots = [i for i, ch in enumerate(text) if ch == "\ufffd"]
    return [
        InvalidBytes(
            char_offset=spots[k] if k < len(spots) else 0, byte_offset=b.byte_offset, length=b.length
        )
        for k, b in enumerate(invalid)
    ]


def _bad_line(rel: str, line: int, source: str, message: str, raw: str) -> Document:
    snippet = raw.strip()[:60]
    return Document(
        id=f"{rel}:{line}",
        source=source,
        text="",
        meta={"raw": snippet},
        problems=[RecordProblem(field="$", message=message)],
        line=line,
    )


def read_jsonl(
    inp: Input, limits: Limits, text_field: str, id_field: str, validate: Validator | None = None
) -> Iterator[Document]:
    assert inp.path is not None
    with open_binary(inp.path, inp.compression, limits.max_decompressed_bytes) as f:
        yield from jsonl_from_stream(f, inp, limits, text_field, id_field, validate)


class RawRecord(NamedTuple):
    """One non-blank JSONL line: its number, bytes, parsed object (None if unusable) and document."""

    number: int
    raw: bytes
    obj: Any
    doc: Document


def parse_line(
    raw: bytes,
    number: int,
    start: int,
    inp: Input,
    limits: Limits,
    text_field: str,
    id_field: str,
    validate: Validator | None = None,
) -> RawRecord:
    """Parse one JSONL line (``start`` = its byte offset in the file) into a record."""
    if len(raw) > limits.max_record_bytes:
        msg = f"record larger than limits.max_record_bytes ({limits.max_record_bytes:,} bytes)"
        return RawRecord(number, raw, None, _bad_line(inp.rel, number, inp.source, msg, ""))
    decoded = decode_with(raw, base=start)
    try:
        obj = json.loads(decoded.text)
    except json.JSONDecodeError as e:
        msg = f"line {number}: invalid JSON ({e.msg} at column {e.colno})"
        return RawRecord(number, raw, None, _bad_line(inp.rel, number, inp.source, msg, decoded.text))
    except RecursionError:
        msg = f"line {number}: JSON nested too deeply"
        return RawRecord(number, raw, None, _bad_line(inp.rel, number, inp.source, msg, ""))
    doc = document_from_record(
        obj,
        rel=inp.rel,
        line=number,
        source=inp.source,
        text_field=text_field,
        id_field=id_field,
        invalid=decoded.invalid,
        validate=validate,
        max_chars=limits.max_document_chars,
    )
    return RawRecord(number, raw, obj, doc)


class RawLine(NamedTuple):
    """One non-blank JSONL line, not parsed yet: its bytes, number and byte offset in the file."""

    raw: bytes
    number: int
    start: int


def raw_lines(f: Any, inp: Input, limits: Limits) -> Iterator[RawLine]:
    """Every non-blank line of a JSONL stream, in order (parse each with :func:`parse_line`)."""
    offset = 0
    for number, (raw, size) in enumerate(sized_lines(f, inp.source, limits.max_record_bytes), start=1):
        start, offset = offset, offset + size
        if raw and not raw.isspace():  # what raw.strip() tests, without a copy
            yield RawLine(raw, number, start)


def read_jsonl_lines(inp: Input, limits: Limits) -> Iterator[RawLine]:
    assert inp.path is not None
    with open_binary(inp.path, inp.compression, limits.max_decompressed_bytes) as f:
        yield from raw_lines(f, inp, limits)


def jsonl_records(
    f: Any, inp: Input, limits: Limits, text_field: str, id_field: str, validate: Validator | None = None
) -> Iterator[RawRecord]:
    """Every non-blank line of a JSONL stream as a RawRecord, in order."""
    for raw, number, start in raw_lines(f, inp, limits):
        yield parse_line(raw, number, start, inp, limits, text_field, id_field, validate)


def jsonl_from_stream(
    f: Any, inp: Input, limits: Limits, text_field: str, id_field: str, validate: Validator | None = None
) -> Iterator[Document]:
    for rec in jsonl_records(f, inp, limits, text_field, id_field, validate):
        yield rec.doc


def sized_lines(f: Any, what: str, cap: int) -> Iterator[tuple[bytes, int]]:
    """(line, its size in bytes); a line over ``cap`` bytes is cut at cap + 1 and the rest skipped."""
    try:
        while line := f.readline(cap + 1):
            size = len(line)
            if size > cap and not line.endswith(b"\n"):
                while (rest := f.readline(1 << 20)) and not rest.endswith(b"\n"):
                    size += len(rest)
                size += len(rest)
            yield line, size
    except InputError:
        raise
    except (OSError, EOFError, ValueError) as e:
        raise InputError(f"cannot decompress {what}: {e}") from None


def records_from_json(
    data: bytes, inp: Input, limits: Limits, text_field: str, id_field: str, validate: Validator | None = None
) -> Iterator[Document]:
    decoded = decode_with(data)
    try:
        obj = json.loads(decoded.text)
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON: {e.msg} at line {e.lineno} column {e.colno}") from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    rows = obj if isinstance(obj, list) else [obj]
    for number, row in enumerate(rows, start=1):
        yield document_from_record(
            row,
            rel=inp.rel,
            line=number,
            source=inp.source,
            text_field=text_field,
            id_field=id_field,
            validate=validate,
            max_chars=limits.max_document_chars,
        )


def read_json(
    inp: Input, limits: Limits, text_field: str, id_field: str, validate: Validator | None = None
) -> Iterator[Document]:
    assert inp.path is not None
    with open_binary(inp.path, inp.compression, limits.max_decompressed_bytes) as f:
        too_big = f"JSON file larger than limits.max_json_bytes ({limits.max_json_bytes:,}); use JSONL"
        data = read_all(f, inp.source, cap=limits.max_json_bytes, too_big=too_big)
    yield from records_from_json(data, inp, limits, text_field, id_field, validate)


def read_parquet(
    inp: Input, limits: Limits, text_field: str, id_field: str, validate: Validator | None = None
) -> Iterator[Document]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install 'zhqa[parquet]'") from None
    assert inp.path is not None
    try:
        pf = pq.ParquetFile(inp.path)
        batches = pf.iter_batches(batch_size=1024)
        number = 0
        for batch in batches:
            for row in batch.to_pylist():
                number += 1
                yield document_from_record(
                    row,
                    rel=inp.rel,
                    line=number,
                    source=inp.source,
                    text_field=text_field,
                    id_field=id_field,
                    validate=validate,
                    max_chars=limits.max_document_chars,
                )
    except InputError:
        raise
    except Exception as e:  # pyarrow raises its own ArrowInvalid/OSError family
        raise InputError(f"cannot read Parquet: {str(e).splitlines()[0]}") from None
