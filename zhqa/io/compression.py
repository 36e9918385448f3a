"""Open plain or compressed files as binary streams, with a decompressed-size limit."""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

from zhqa.io.errors import InputError

COMPRESSIONS = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd"}


class LimitedReader(io.RawIOBase):
    """Raises :class:`InputError` once more than ``limit`` bytes were read."""

    def __init__(self, raw: BinaryIO, limit: int, name: str) -> None:
        self._raw, self._limit, self._name, self._n = raw, limit, name, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(b))
        self._n += len(data)
        if self._n > self._limit:
            raise InputError(
                f"decompressed size exceeds limits.max_decompressed_bytes ({self._limit:,} bytes)"
            )
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_binary(path: Path, compression: str | None, limit: int) -> BinaryIO:
    """A buffered binary stream of the file's (decompressed) bytes."""
    if compression is None:
        return open(path, "rb")
    if compression == "gzip":
        import gzip

        raw: BinaryIO = gzip.open(path, "rb")  # type: ignore[assignment]
    elif compression == "bz2":
        import bz2

        raw = bz2.open(path, "rb")  # type: ignore[assignment]
    elif compression == "xz":
        import lzma

        raw = lzma.open(path, "rb")  # type: ignore[assignment]
    elif compression == "zstd":
        try:
            import zstandard
        except ImportError as e:  # pragma: no cover - zstandard is a dependency
            raise InputError("reading .zst needs the 'zstandard' package") from e
        raw = zstandard.ZstdDecompressor().stream_reader(open(path, "rb"), closefd=True)  # type: ignore[assignment]
    else:  # pragma: no cover
        raise InputError(f"unknown compression {compression}")
    return io.BufferedReader(LimitedReader(raw, limit, str(path)), buffer_size=1 << 20)  # type: ignore[return-value]


def read_all(stream: BinaryIO, what: str, cap: int | None = None, too_big: str = "") -> bytes:
    """Read a whole stream (at most ``cap`` bytes, else InputError ``too_big``).

    Decompression errors become one-line input errors.
    """
    try:
        data = stream.read() if cap is None else stream.read(cap + 1)
        if cap is not None and len(data) > cap:
            raise InputError(too_big or f"larger than {cap:,} bytes")
        return data
    except InputError:
        raise
    except (OSError, EOFError, ValueError) as e:
        raise InputError(f"cannot decompress {what}: {e}") from None
