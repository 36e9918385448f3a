"""Inputs as an RDD of ``(cseq, Document | error)`` read by Spark's own readers.

``cseq`` is ``input number << 40 | record number``: it sorts like the local
engine's ``seq`` (inputs in discovery order, records in file order), so every
ordering (first copy, cluster root, report order) is the same. Text files are read
whole as bytes (``binaryFiles``, decoded by :func:`zhqa.io.decode.decode_file`),
uncompressed JSON lines by Hadoop's ``TextInputFormat`` (byte offset per line;
line numbers from ``zipWithIndex``) and parsed by :func:`zhqa.io.records.parse_line`.
Other inputs (JSON arrays, Parquet, compressed files) are read by zhqa's own
readers inside a task, one task per file: they must be on a path every worker sees.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from zhqa.io.discover import Input, classify, discover
from zhqa.io.errors import InputError, UsageError
from zhqa.schemas.config import SuiteConfig

SHIFT = 40
TEXT_INPUT = "org.apache.hadoop.mapreduce.lib.input.TextInputFormat"


def is_uri(path: str) -> bool:
    scheme = urlparse(path).scheme
    return len(scheme) > 1 and scheme != "file"


def find_inputs(spark: Any, paths: Sequence[str], exclude: list[str]) -> list[Input]:
    """Local paths as :func:`discover` finds them; Hadoop URIs listed by Hadoop (sorted)."""
    out: list[Input] = []
    for arg in paths:
        if arg == "-":
            raise UsageError("--engine spark cannot read stdin; give files or URIs")
        out.extend(_hadoop_list(spark, arg, exclude) if is_uri(arg) else discover([arg], exclude))
    return out


def _hadoop_list(spark: Any, uri: str, exclude: list[str]) -> list[Input]:
    jvm, conf = spark.sparkContext._jvm, spark.sparkContext._jsc.hadoopConfiguration()
    root = jvm.org.apache.hadoop.fs.Path(uri)
    fs = root.getFileSystem(conf)
    if not fs.exists(root):
        raise UsageError(f"{uri}: no such file or directory")
    if fs.getFileStatus(root).isFile():
        name = uri.rstrip("/").rsplit("/", 1)[-1]
        return [_uri_input(uri, name)]
    base = fs.getFileStatus(root).getPath().toString().rstrip("/")
    found, it = [], fs.listFiles(root, True)
    while it.hasNext():
        full = it.next().getPath().toString()
        rel = full[len(base) + 1 :]
        name = rel.rsplit("/", 1)[-1]
        if any(p.startswith(".") for p in rel.split("/")):
            continue
        from fnmatch import fnmatch

        if any(fnmatch(rel, p) or fnmatch(name, p) for p in exclude):
            continue
        found.append(_uri_input(f"{uri.rstrip('/')}/{rel}", rel))
    return sorted(found, key=lambda i: i.rel)


def _uri_input(uri: str, rel: str) -> Input:
    fmt, comp = classify(rel)
    problem = None
    if fmt == "unsupported":
        problem = "unsupported file type"
    elif comp or fmt not in ("text", "jsonl"):
        problem = f"the Spark engine reads {fmt} files{' compressed' if comp else ''} from local paths only"
    return Input(uri, rel, None, fmt, comp, problem)


def location(inp: Input) -> str:
    """The URI Spark opens for an input."""
    return inp.path.resolve().as_uri() if inp.path is not None else inp.source


def _norm(uri: str) -> str:
    u = urlparse(uri)
    return f"{u.scheme or 'file'}://{u.netloc}{unquote(u.path)}"


def documents(spark: Any, inputs: Sequence[Input], config: SuiteConfig, state: Any, keep: Any = None) -> Any:
    """The RDD of ``(cseq, Document)``, or ``(cseq, "error message")`` for an unreadable input.

    ``keep(cseq) -> bool`` (pass 2) drops the other records before they are decoded or parsed.
    """
    sc = spark.sparkContext
    parts = []
    text = [(i, inp) for i, inp in enumerate(inputs) if inp.fmt == "text" and not inp.compression]
    text = [(i, inp) for i, inp in text if not inp.problem]
    if text:
        where = {_norm(location(inp)): (i, inp) for i, inp in text}
        locs = [location(inp) for _, inp in text]
        joined = ",".join(loc.replace(",", "\\,") for loc in locs)
        raw = sc.binaryFiles(joined, minPartitions=max(1, min(len(text), sc.defaultParallelism * 4)))
        if keep is not None:
            raw = raw.filter(lambda kv: keep(where[_norm(kv[0])][0] << SHIFT))
        parts.append(raw.map(lambda kv: _text_doc(where[_norm(kv[0])], kv[1], config)))
    for i, inp in enumerate(inputs):
        if inp.problem or inp.compression or inp.fmt != "jsonl":
            continue
        lines = sc.newAPIHadoopFile(
            location(inp), TEXT_INPUT, "org.apache.hadoop.io.LongWritable", "org.apache.hadoop.io.Text"
        )
        parts.append(lines.zipWithIndex().mapPartitions(_jsonl_docs(i, inp, config, state, keep)))
    rest = [
        (i, inp)
        for i, inp in enumerate(inputs)
        if not inp.problem and (inp.compression or inp.fmt not in ("text", "jsonl"))
    ]
    if rest:
        parts.append(
            sc.parallelize(rest, len(rest)).flatMap(lambda x: _other_docs(x[0], x[1], config, state))
        )
        if keep is not None:
            parts[-1] = parts[-1].filter(lambda kv: keep(kv[0]))
    if not parts:
        return sc.emptyRDD()
    return sc.union(parts) if len(parts) > 1 else parts[0]


def _text_doc(found: tuple[int, Input], data: bytes, config: SuiteConfig) -> tuple[int, Any]:
    from zhqa.io.text import document_from_bytes

    i, inp = found
    lim = config.limits
    too_big = f"document larger than limits.max_document_chars ({lim.max_document_chars:,})"
    if len(data) > 4 * lim.max_document_chars:
        return i << SHIFT, too_big
    doc = document_from_bytes(data, inp.rel, inp.source)
    if len(doc.text) > lim.max_document_chars:
        return i << SHIFT, too_big
    return i << SHIFT, doc


def _jsonl_docs(i: int, inp: Input, config: SuiteConfig, state: Any, keep: Any = None) -> Any:
    def run(rows: Iterator[tuple[tuple[int, str], int]]) -> Iterator[tuple[int, Any]]:
        from zhqa.engine.spark.worker import validator
        from zhqa.io.records import parse_line

        validate = validator(state)
        lim, tf, idf = config.limits, config.text_field, config.id_field
        for (offset, line), index in rows:
            number = index + 1
            if keep is not None and not keep((i << SHIFT) | number):
                continue
            raw = line.encode("utf-8", "surrogatepass") + b"\n"
            if offset == 0 or "\ufffd" in line:  # Hadoop skips a BOM and decodes lossily
                raw = _exact_line(inp, offset, lim.max_record_bytes) or raw
            if not raw.strip():
                continue
            rec = parse_line(raw, number, offset, inp, lim, tf, idf, validate)
            yield (i << SHIFT) | number, rec.doc

    return run


def _exact_line(inp: Input, offset: int, cap: int) -> bytes | None:
    """The line's bytes as Python's reader sees them (local files only)."""
    if inp.path is None:
        return None
    with Path(inp.path).open("rb") as f:
        f.seek(offset)
        return f.readline(cap + 1)


def _other_docs(i: int, inp: Input, config: SuiteConfig, state: Any) -> Iterator[tuple[int, Any]]:
    from zhqa.engine.spark.worker import validator
    from zhqa.io import read_input

    try:
        for k, doc in enumerate(read_input(inp, config, validator(state))):
            yield (i << SHIFT) | k, doc
    except InputError as e:
        yield (i << SHIFT) | ((1 << SHIFT) - 1), str(e)
