"""Bytes to text, recording every invalid sequence (for E101) and legacy encodings (E107)."""

from __future__ import annotations

import codecs
import threading
from dataclasses import dataclass, field

from zhqa.schemas.document import InvalidBytes

_local = threading.local()
LEGACY = ("gb18030", "big5")
# A file is taken as UTF-8 while at most this share of its non-ASCII bytes is invalid.
UTF8_TOLERANCE = 0.02


def _record(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    _local.errors.append((exc.start, exc.end))
    return "\ufffd", exc.end


codecs.register_error("zhqa.record", _record)


@dataclass
class Decoded:
    text: str
    encoding: str = "utf-8"
    invalid: list[InvalidBytes] = field(default_factory=list)


def decode_with(data: bytes, encoding: str = "utf-8", base: int = 0) -> Decoded:
    """Decode like ``data.decode(encoding, "replace")`` and say where each U+FFFD came from.

    ``base`` is added to byte offsets (the position of ``data`` in its file).
    """
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        pass
    _local.errors = []
    try:
        text = data.decode(encoding, "zhqa.record")
        errors = _local.errors
    finally:
        _local.errors = []
    invalid, chars, prev = [], 0, 0
    for k, (start, end) in enumerate(errors):
        chars += len(data[prev:start].decode(encoding, "replace"))
        invalid.append(InvalidBytes(char_offset=chars + k, byte_offset=base + start, length=end - start))
        prev = end
    return Decoded(text, encoding, invalid)


def _nonascii(data: bytes) -> int:
    return len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))


# Where each legacy encoding keeps its common characters: GB2312 punctuation rows and
# level-1 hanzi; Big5 symbols and its frequent-character block (0xA440–0xC67E).
_COMMON = {"gb18030": ((0xA1A1, 0xA3FE), (0xB0A1, 0xD7FE)), "big5": ((0xA140, 0xA3BF), (0xA440, 0xC67E))}


def _common_share(text: str, encoding: str) -> float:
    """Share of non-ASCII characters that sit in ``encoding``'s common blocks."""
    total = common = 0
    for ch in text:
        if ch < "\x80":
            continue
        total += 1
        try:
            code = int.from_bytes(ch.encode(encoding), "big")
        except UnicodeEncodeError:
            continue
        common += any(lo <= code <= hi for lo, hi in _COMMON[encoding])
    return common / total if total else 0.0


def decode_file(data: bytes) -> Decoded:
    """Decode a whole file: UTF-8 unless it is clearly a legacy Chinese encoding.

    A file counts as UTF-8 while few of its non-ASCII bytes are invalid; otherwise
    GB18030 (a superset of GBK; never GB2312) and Big5 are tried. Both accept most
    double-byte text, so among the candidates with few invalid sequences the one whose
    characters are mostly that encoding's common characters wins (Big5 bytes read as
    GB18030 give rare hanzi; GBK bytes read as Big5 likewise).
    """
    utf8 = decode_with(data)
    if not utf8.invalid:
        return utf8
    high = max(_nonascii(data), 1)
    if len(utf8.invalid) / high <= UTF8_TOLERANCE:
        return utf8
    cands = [c for c in (decode_with(data, enc) for enc in LEGACY) if len(c.invalid) < len(utf8.invalid)]
    cands = [c for c in cands if len(c.invalid) / high <= 0.05]
    if not cands:
        return utf8
    sample = {c.encoding: _common_share(c.text[:20_000], c.encoding) for c in cands}
    return max(cands, key=lambda c: (sample[c.encoding] - 0.01 * len(c.invalid), -LEGACY.index(c.encoding)))
