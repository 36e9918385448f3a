"""Find the inputs of a run: files, directories (recursive, sorted) and ``-`` for stdin."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

from zhqa.io.compression import COMPRESSIONS
from zhqa.io.errors import UsageError

FORMATS = {
    ".txt": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".parquet": "parquet",
}
STDIN = "-"


@dataclass(frozen=True)
class Input:
    """One file to read: where it is, how it is named in ids, and its format."""

    source: str  # the path as shown in reports (PATH argument joined with the relative path)
    rel: str  # the doc-id prefix: path relative to the PATH argument it was found under
    path: Path | None  # None for stdin
    fmt: str  # text | jsonl | json | parquet | unsupported | stdin
    compression: str | None = None
    problem: str | None = None  # why the file cannot be read, known before reading


def classify(name: str) -> tuple[str, str | None]:
    """Format and compression from a file name (``a.jsonl.gz`` -> jsonl, gzip)."""
    lower = name.lower()
    compression = None
    for ext, comp in COMPRESSIONS.items():
        if lower.endswith(ext):
            compression, lower = comp, lower[: -len(ext)]
            break
    for ext, fmt in FORMATS.items():
        if lower.endswith(ext):
            return fmt, compression
    return "unsupported", compression


def _excluded(rel: str, patterns: list[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def _file_input(path: Path, source: str, rel: str) -> Input:
    fmt, comp = classify(path.name)
    problem = None
    if fmt == "unsupported":
        supported = " ".join(FORMATS)
        problem = f"unsupported file type (supported: {supported}, optionally compressed)"
    return Input(source, rel, path, fmt, comp, problem)


def _walk(root: Path, shown: str, exclude: list[str]) -> list[Input]:
    found: list[Input] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=None):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel_dir = os.path.relpath(dirpath, root)
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            rel = name if rel_dir == "." else f"{rel_dir}/{name}".replace(os.sep, "/")
            if _excluded(rel, exclude):
                continue
            path = Path(dirpath) / name
            source = f"{shown.rstrip('/')}/{rel}"
            if not path.is_file():  # broken link, symlink loop, socket, ...
                found.append(Input(source, rel, path, "unsupported", None, _not_a_file(path)))
            else:
                found.append(_file_input(path, source, rel))
    found.sort(key=lambda i: i.rel)
    return found


def _not_a_file(path: Path) -> str:
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:
            return "symlink loop"
        except OSError:
            return "broken symlink"
    return "not a regular file"


def discover(paths: list[str], exclude: list[str] | None = None) -> list[Input]:
    """The inputs for the given PATH arguments, in argument order, each folder sorted."""
    exclude = exclude or []
    out: list[Input] = []
    for arg in paths:
        if arg == STDIN:
            out.append(Input("<stdin>", "<stdin>", None, "stdin"))
            continue
        path = Path(arg)
        if path.is_dir():
            out.extend(_walk(path, arg, exclude))
        elif path.is_file():
            out.append(_file_input(path, arg, path.name))
        elif path.is_symlink():
            out.append(Input(arg, path.name, path, "unsupported", None, _not_a_file(path)))
        else:
            raise UsageError(f"{arg}: no such file or directory")
    return out
