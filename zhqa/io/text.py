"""Plain-text pages (``.txt``, ``.md``): one document per file."""

from __future__ import annotations

from collections.abc import Iterator

from zhqa.io.compression import open_binary, read_all
from zhqa.io.decode import decode_file
from zhqa.io.discover import Input
from zhqa.io.errors import InputError
from zhqa.schemas.config import Limits
from zhqa.schemas.document import Document


def document_from_bytes(data: bytes, doc_id: str, source: str) -> Document:
    decoded = decode_file(data)
    return Document(
        id=doc_id,
        source=source,
        text=decoded.text,
        encoding=decoded.encoding,
        invalid_bytes=decoded.invalid,
    )


def read_text(inp: Input, limits: Limits) -> Iterator[Document]:
    assert inp.path is not None
    too_big = f"document larger than limits.max_document_chars ({limits.max_document_chars:,})"
    with open_binary(inp.path, inp.compression, limits.max_decompressed_bytes) as f:
        data = read_all(f, inp.source, cap=4 * limits.max_document_chars, too_big=too_big)
    doc = document_from_bytes(data, inp.rel, inp.source)
    if len(doc.text) > limits.max_document_chars:
        raise InputError(too_big)
    yield doc
