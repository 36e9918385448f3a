"""The engine's plumbing: raw lines parsed in workers, chunked spools and map stores,
the corpus reduce spread over processes — all must give what one process gives."""

from __future__ import annotations

import io
import json
from collections.abc import Hashable, Iterable

from zhqa.checks.registry import CorpusCheck, CorpusHit, Good, MapItem, NoOptions
from zhqa.checks.runner import Plan
from zhqa.config import from_dict
from zhqa.engine.local import LocalEngine
from zhqa.engine.mapstore import MapStore
from zhqa.engine.reduce import corpus_hits
from zhqa.engine.spool import Spool, merged, pack_rows
from zhqa.io import RawLine, discover, parse_unit, read_input, read_units
from zhqa.reports import json as json_report
from zhqa.schemas.finding import Hit
from zhqa.schemas.report import RunReport

PAGE = "新华社北京3月1日电\n\n据统计, 2025年全市新增就业2.5万人(同比增长3%)。\n\n他说：“好”。"


def _inputs(tmp_path):
    """Every reader at once: JSONL (blank, broken, invalid bytes, duplicates), JSON, text."""
    a = tmp_path / "a.jsonl"
    lines = []
    for i in range(300):
        text = PAGE if i % 9 == 0 else f"第{i}条新闻，内容各不相同：{i * 7919}。" * (1 + i % 5)
        lines.append(json.dumps({"id": f"a{i}", "text": text}, ensure_ascii=False).encode())
    lines[5] = b"   "  # a blank line is no record
    lines[17] = b'{"id": "broken", "text": '
    lines[23] = '{"id": "bytes", "text": "坏字节'.encode() + b"\xff\xfe" + '在此。"}'.encode()
    a.write_bytes(b"\n".join(lines) + b"\n")
    b = tmp_path / "b.json"
    b.write_text(json.dumps([{"id": "j1", "text": PAGE}, {"id": "j2", "text": 3}], ensure_ascii=False))
    c = tmp_path / "c.txt"
    c.write_text(PAGE, encoding="utf-8")
    return [str(a), str(b), str(c)]


def _run(paths, jobs):
    plan = Plan.build(from_dict({}))
    res = LocalEngine(plan, jobs=jobs).run(paths)
    buf = io.StringIO()
    json_report.write(res, buf)
    metrics = list(res.metrics())
    res.close()
    return buf.getvalue(), metrics


def test_any_number_of_workers_gives_the_same_report_and_metrics(tmp_path):
    paths = _inputs(tmp_path)
    one, m1 = _run(paths, 1)
    assert (one, m1) == _run(paths, 2) == _run(paths, 3)
    report = RunReport.model_validate_json(one)
    statuses = {s.source.rsplit("/", 1)[-1]: (s.status, s.documents) for s in report.summary.inputs}
    assert statuses == {"a.jsonl": ("partial", 299), "b.json": ("partial", 2), "c.txt": ("ok", 1)}
    assert report.summary.documents == len(m1) == 302
    assert report.summary.by_code["D301"] >= 33  # PAGE in 34 documents of a.jsonl (+ b.json, c.txt)
    assert [m["seq"] for m in m1] == list(range(302))
    assert report.summary.characters == sum(m["characters"] for m in m1)


def test_raw_lines_parse_to_the_documents_read_input_gives(tmp_path):
    config = from_dict({})
    for inp in discover(_inputs(tmp_path), []):
        units = list(read_units(inp, config))
        docs = [u if not isinstance(u, RawLine) else parse_unit(u, inp, config) for u in units]
        assert docs == list(read_input(inp, config))
        assert any(isinstance(u, RawLine) for u in units) == (inp.fmt == "jsonl")


def test_spool_keeps_rows_in_order_across_rows_and_chunks():
    s = Spool()
    expect = []
    for i in range(1500):
        key = (i, 0, 0, "", "")
        if i % 400 < 200:
            s.add(key, f"p{i}")
            expect.append((key, f"p{i}"))
        elif i % 400 == 200:
            rows = [((j, 0, 0, "", ""), {"seq": j}) for j in range(i, i + 200)]
            for chunk, n in pack_rows(rows):
                s.add_chunk(chunk, n)
            expect += rows
    assert list(s.rows()) == expect and s.count == len(expect)
    assert list(s.rows()) == expect  # read twice
    s.close()


def test_merged_spools_interleave_by_key():
    a, b = Spool(), Spool()
    for i in range(0, 40, 2):
        a.add((i, 0, 0, "", ""), f"a{i}")
    b.add((3, 1, 2, "D301", "m"), "b3")
    assert list(merged([a, b]))[:4] == ["a0", "a2", "b3", "a4"]
    assert list(merged([a, Spool()])) == [f"a{i}" for i in range(0, 40, 2)]


def test_map_store_chunks_and_partitions_keep_every_item():
    store = MapStore(partitions=4)
    items = [(seq, f"d{seq}", f"k{seq % 7}", seq * 2) for seq in range(200)]
    store.add_many(items[:120])
    for item in items[120:]:
        store.add(MapItem(*item))
    assert [tuple(i) for i in store] == items and len(store) == 200
    parts = [[tuple(i) for i in store.part(p)] for p in store.partition_ids()]
    assert sorted(x for p in parts for x in p) == items
    keys = [{k for _, _, k, _ in p} for p in parts]
    assert sum(map(len, keys)) == len(set().union(*keys)) == 7  # a key never spans two partitions
    store.close()


class _Pairs(CorpusCheck):
    """Each key seen twice or more: one hit per item (test check, not registered)."""

    min_items = 2

    def map(self, doc, options) -> Iterable[tuple[Hashable, int]]:
        return [(doc.text, 0)]

    def reduce(self, key, items, options) -> Iterable[CorpusHit]:
        assert len(items) >= 2  # min_items: singletons never reach the reduce
        for it in items:
            yield CorpusHit(it.seq, Hit(start=0, end=1, message=f"{key} x{len(items)}"))


def _pairs_plan():
    chk = _Pairs(
        code="D399",
        name="pairs",
        severity="warning",
        examples=[Good(text="")],
        doc="",
        options_model=NoOptions,
        fix="never",
        family="duplication",
    )
    return Plan(config=from_dict({}), checks=[chk], options={"D399": chk.options()})


def test_corpus_reduce_over_processes_gives_the_serial_hits_in_order():
    plan = _pairs_plan()
    got = []
    for jobs in (1, 2):
        store = MapStore(partitions=8)
        store.add_many((seq, f"d{seq}", f"t{seq % 23}" if seq % 3 else f"u{seq}", 0) for seq in range(400))
        pending, ready = corpus_hits(plan, {"D399": store}, jobs)
        assert not ready  # no documents to read again: every hit comes back as a hit
        got.append({seq: [(c.code, h.message) for c, h in hits] for seq, hits in pending.items()})
    assert got[0] == got[1]
    assert len(got[0]) == sum(1 for seq in range(400) if seq % 3)  # the u-keys are singletons


def test_a_batch_of_raw_lines_crosses_the_pipe_packed_and_comes_back_whole(tmp_path, monkeypatch):
    import zhqa.engine.batch as batch_mod
    from zhqa.io.linebatch import line_batches

    paths = _inputs(tmp_path)
    inputs = discover(paths, [])
    cfg = from_dict({})
    units = [(seq, 3, u) for seq, u in enumerate(read_units(inputs[0], cfg), start=40)]
    (lines,) = line_batches(inputs[0], cfg.limits, max_bytes=1 << 30, max_lines=10_000)
    seen = []
    monkeypatch.setattr(batch_mod, "work_units", lambda state, b: seen.append(b) or len(b))
    assert batch_mod.work_packed(None, batch_mod.pack_lines(40, 3, lines)) == len(units) == 299
    assert seen == [units]  # the units the main process used to send one by one
    docs = units[:2]
    assert batch_mod.work_packed(None, docs) == 2 and seen[-1] is docs  # a list goes as it is


def test_merging_two_spools_by_chunks_gives_what_a_heap_merge_gives():
    import heapq
    import random

    rng = random.Random(5)
    for trial in range(30):
        spools = [Spool(), Spool()]
        rows = [
            sorted(((rng.randint(0, 60), 0, 0, "", ""), f"{i}-{k}") for k in range(rng.randint(0, 1500)))
            for i in range(2)
        ]
        for spool, got in zip(spools, rows, strict=True):
            for key, payload in got:
                spool.add(key, payload)
        want = [p for _, p in heapq.merge(*rows, key=lambda r: r[0])]
        assert list(merged(spools)) == want, trial
        assert list(merged(spools[::-1])) == [p for _, p in heapq.merge(*rows[::-1], key=lambda r: r[0])]


def test_a_store_gives_its_items_heads_without_reading_their_values():
    for partitions in (1, 8):
        store = MapStore(partitions=partitions)
        store.add_many((seq, f"d{seq}", f"k{seq % 5}", b"x" * seq) for seq in range(300))
        store.add_many((seq, f"d{seq}", f"k{seq % 5}", b"y" * seq) for seq in range(300, 420))
        items = list(store)
        assert [i.seq for i in items] == list(range(420))  # document order across partitions
        assert [i.value for i in items][299:301] == [b"x" * 299, b"y" * 300]
        assert [i[:3] for i in store.heads()] == [i[:3] for i in items]
        assert {i.value for i in store.heads()} == {None}
        store.close()
