"""Write fixed copies in the input's own format and compression, atomically."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from zhqa.io.atomic import atomic_write


@contextlib.contextmanager
def open_output(path: Path, compression: str | None) -> Iterator[IO[bytes]]:
    """A binary stream that lands at ``path`` (compressed like the input) only when complete."""
    with atomic_write(path, "wb") as raw:
        if compression is None:
            yield raw
            return
        if compression == "gzip":
            import gzip

            stream: Any = gzip.GzipFile(fileobj=raw, mode="wb", mtime=0)
        elif compression == "bz2":
            import bz2

            stream = bz2.BZ2File(raw, "wb")
        elif compression == "xz":
            import lzma

            stream = lzma.LZMAFile(raw, "wb")
        else:
            import zstandard

            stream = zstandard.ZstdCompressor().stream_writer(raw, closefd=False)
        try:
            yield stream
        finally:
            stream.close()


def copy_file(src: Path, dest: Path) -> None:
    """Copy a file byte for byte, atomically."""
    with src.open("rb") as fin, atomic_write(dest, "wb") as fout:
        shutil.copyfileobj(fin, fout, 1 << 20)


def write_parquet(src: Path, dest: Path, column: str, texts: dict[int, str]) -> None:
    """Rewrite a Parquet file with rows (0-based) of ``column`` replaced; other columns unchanged."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(src)
    values = table.column(column).to_pylist()
    for row, text in texts.items():
        values[row] = text
    idx = table.schema.get_field_index(column)
    table = table.set_column(
        idx, table.schema.field(idx), pa.array(values, type=table.schema.field(idx).type)
    )
    with atomic_write(dest, "wb") as f:
        pq.write_table(table, f)
