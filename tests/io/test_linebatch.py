"""Line batches give exactly the lines, numbers and offsets that raw_lines gives."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhqa.io import InputError
from zhqa.io.discover import discover
from zhqa.io.linebatch import line_batches
from zhqa.io.records import read_jsonl_lines
from zhqa.schemas.config import Limits

# lines built from pieces that matter: blanks, whitespace only, CRLF, long runs, multibyte text
_PIECE = st.sampled_from(
    [b"", b" ", b"\t", b"\r", b"\x0b", b'{"text": "', "正文，".encode(), b"x" * 40, b"}"]
)
_LINE = st.lists(_PIECE, max_size=6).map(b"".join)


def _expand(batches) -> list[tuple[bytes, int, int]]:
    out = []
    for b in batches:
        at = 0
        for number, start, size in zip(b.numbers, b.starts, b.sizes, strict=True):
            out.append((b.data[at : at + size], number, start))
            at += size
        assert at == len(b.data)
    return out


def _input(tmp_path, data: bytes, name: str = "c.jsonl"):
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return discover([str(path)], [])[0]


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(_LINE, max_size=30),
    last_newline=st.booleans(),
    cap=st.sampled_from([8, 30, 1000]),
    max_lines=st.integers(1, 7),
)
def test_the_same_lines_as_raw_lines(tmp_path_factory, lines, last_newline, cap, max_lines):
    data = b"\n".join(lines) + (b"\n" if last_newline and lines else b"")
    tmp = tmp_path_factory.mktemp("lb")
    limits = Limits(max_record_bytes=cap)
    for name in ("c.jsonl", "c.jsonl.gz"):
        inp = _input(tmp, data, name)
        want = [tuple(r) for r in read_jsonl_lines(inp, limits)]
        assert _expand(line_batches(inp, limits, max_bytes=50, max_lines=max_lines)) == want


def test_a_broken_gzip_gives_its_lines_then_a_clear_error(tmp_path):
    good = b"".join(b'{"id": "%d", "text": "\xe6\xad\xa3\xe6\x96\x87"}\n' % i for i in range(120_000))
    blob = gzip.compress(good)
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(blob[: len(blob) * 2 // 3])  # cut short: the stream ends mid-record
    inp = discover([str(path)], [])[0]
    limits = Limits()
    got, want = [], []
    with pytest.raises(InputError) as new:
        for b in line_batches(inp, limits, max_bytes=1 << 20, max_lines=256):
            got += _expand([b])
    with pytest.raises(InputError) as old:
        for r in read_jsonl_lines(inp, limits):
            want.append(tuple(r))
    assert got == want and len(got) > 20_000  # the reader buffers 1 MB: the lines before that
    assert str(new.value) == str(old.value)
