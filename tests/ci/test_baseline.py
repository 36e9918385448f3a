"""Baselines in a temporary corpus repo: accepted findings pass, new ones fail, edits above survive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from zhqa.engine.baseline import Baseline, context, fingerprint

PAGE = """鲜花快递换新装

图为3月25日,在云南昆明一快递云仓,快递员正在用定制的纸盒打包鲜花。

本报特约记者 王强

3月进入云南昆明鲜花销售旺季,快递公司采用定制纸盒套装。

图为工人在产线上加工文创产品。

本报讯 会议昨日召开。
"""
NEW_CAPTION = "图为新建成的物流园区全景。\n\n"
ABOVE = "本报讯 春耕时节,田间地头一片繁忙。\n\n各地抢抓农时,推进春播。\n\n农技人员深入一线指导。\n\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A corpus repo whose gate runs this suite's house-style checks (X9xx) only."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "page-a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "corpus" / "page-b.txt").write_text("图为会议现场。 本报记者 甘哲 摄\n", encoding="utf-8")
    checks = json.dumps(str(ROOT / "checks"))
    (tmp_path / "zhqa.toml").write_text(f'select = ["X9"]\nplugins = [{checks}]\n', encoding="utf-8")
    return tmp_path


def _json(zhqa_cli, repo: Path, *args: str) -> tuple[int, dict]:
    r = zhqa_cli(
        "check", "corpus", "--no-progress", "--format", "json", "--output", "out.json", *args, cwd=repo
    )
    assert r.returncode in (0, 1), r.stderr.decode()
    return r.returncode, json.loads((repo / "out.json").read_text(encoding="utf-8"))


def _edit(repo: Path, new: str) -> None:
    (repo / "corpus" / "page-a.txt").write_text(new, encoding="utf-8")


def test_baseline_lifecycle(zhqa_cli, repo):
    code, before = _json(zhqa_cli, repo)
    assert code == 1 and before["summary"]["by_code"] == {"X901": 1, "X902": 2}

    r = zhqa_cli("baseline", "corpus", "--no-progress", "--output", "zhqa-baseline.json", cwd=repo)
    assert r.returncode == 0, r.stderr.decode()
    assert "3 findings" in r.stdout.decode()
    saved = json.loads((repo / "zhqa-baseline.json").read_text(encoding="utf-8"))
    assert saved["format"] == "zhqa-baseline" and saved["findings"] == 3
    assert all("start" not in e and e["doc_id"] == "page-a.txt" for e in saved["entries"])

    # 1. baseline created -> gate passes, nothing counted as new
    r = zhqa_cli("check", "corpus", "--no-progress", "--baseline", "zhqa-baseline.json", cwd=repo)
    out = r.stdout.decode()
    assert r.returncode == 0, out
    assert "Baseline: 0 new, 3 baselined, 0 baseline entries now fixed" in out

    # 2. a new defect -> exit 1 naming exactly the new finding
    _edit(repo, PAGE.replace("本报讯 会议", NEW_CAPTION + "本报讯 会议"))
    code, data = _json(zhqa_cli, repo, "--baseline", "zhqa-baseline.json")
    assert code == 1
    assert [(f["code"], f["excerpt"]) for f in data["findings"]] == [("X902", NEW_CAPTION.strip())]
    assert data["summary"]["findings"] == 1 and data["summary"]["by_code"] == {"X902": 1}
    assert data["summary"]["gate"]["reasons"][0] == "X902: 1 error (max 0)"
    assert "1 new finding (3 baselined, 0 fixed)" in data["summary"]["gate"]["reasons"][-1]
    assert set(data["summary"]) == set(before["summary"]), "the JSON contract keeps its keys"
    r = zhqa_cli("check", "corpus", "--no-progress", "--baseline", "zhqa-baseline.json", cwd=repo)
    assert "图为新建成的物流园区全景" in r.stdout.decode() and "本报特约记者" not in r.stdout.decode()

    # 3. paragraphs inserted above every old finding: all offsets shift, the gate still passes
    _edit(repo, ABOVE + PAGE)
    code, shifted = _json(zhqa_cli, repo)
    assert code == 1
    old = {(f["code"], f["start"], f["line"]) for f in before["findings"]}
    moved = {(f["code"], f["start"], f["line"]) for f in shifted["findings"]}
    assert old.isdisjoint(moved), "the edit must really move every finding"
    code, data = _json(zhqa_cli, repo, "--baseline", "zhqa-baseline.json")
    assert code == 0 and data["findings"] == [] and data["summary"]["gate"]["passed"]

    # 4. an old finding fixed -> reported as fixed
    _edit(repo, ABOVE + PAGE.replace("本报特约记者", "本报记者"))
    r = zhqa_cli("check", "corpus", "--no-progress", "--baseline", "zhqa-baseline.json", cwd=repo)
    assert r.returncode == 0
    assert "Baseline: 0 new, 2 baselined, 1 baseline entry now fixed" in r.stdout.decode()


def test_fixed_entries_are_counted_in_failing_gate_reasons(zhqa_cli, repo):
    assert zhqa_cli("baseline", "corpus", "-o", "b.json", "--no-progress", cwd=repo).returncode == 0
    _edit(repo, PAGE.replace("本报特约记者", "本报见习记者"))
    code, data = _json(zhqa_cli, repo, "--baseline", "b.json")
    assert code == 1
    assert [f["excerpt"] for f in data["findings"]] == ["本报见习记者 王强"]
    assert data["summary"]["gate"]["reasons"][-1] == "baseline: 1 new finding (2 baselined, 1 fixed)"


def test_config_baseline_key_and_no_baseline(zhqa_cli, repo):
    assert zhqa_cli("baseline", "corpus", "-o", "accepted.json", "--no-progress", cwd=repo).returncode == 0
    toml = repo / "zhqa.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + 'baseline = "accepted.json"\n', encoding="utf-8")
    assert zhqa_cli("check", "corpus", "--no-progress", cwd=repo).returncode == 0
    assert zhqa_cli("check", "corpus", "--no-progress", "--no-baseline", cwd=repo).returncode == 1
    # `zhqa baseline` without --output rewrites the configured file
    _edit(repo, PAGE + NEW_CAPTION)
    assert zhqa_cli("check", "corpus", "--no-progress", cwd=repo).returncode == 1
    assert zhqa_cli("baseline", "corpus", "--no-progress", cwd=repo).returncode == 0
    assert zhqa_cli("check", "corpus", "--no-progress", cwd=repo).returncode == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "baseline not found"), ("{", "not a readable baseline"), ('{"a": 1}', "not a zhqa baseline")],
)
def test_bad_baseline_file_is_a_one_line_error(zhqa_cli, repo, content, message):
    if content is not None:
        (repo / "b.json").write_text(content, encoding="utf-8")
    r = zhqa_cli("check", "corpus", "--baseline", "b.json", cwd=repo)
    err = r.stderr.decode()
    assert r.returncode == 2 and message in err and err.count("\n") == 1


def test_fingerprint_ignores_offsets_whitespace_and_width():
    a = fingerprint("P201", "p.txt", "人才链融合,苏州打破")
    assert a == fingerprint("P201", "p.txt", "人才链融合, 苏州打破")
    assert a == fingerprint("P201", "p.txt", "人才链融合，苏州打破")  # a neighbour fixed to full width
    assert a != fingerprint("P201", "q.txt", "人才链融合,苏州打破")
    assert a != fingerprint("P202", "p.txt", "人才链融合,苏州打破")
    assert a != fingerprint("P201", "p.txt", "人才链融合,杭州打破")
    assert context(" 图为\u3000会议 ") == "图为会议"


def test_duplicate_contexts_are_counted(tmp_path):
    from zhqa.schemas import Finding

    def f(start: int) -> Finding:
        return Finding(
            code="X902", name="n", family="structure", severity="error", doc_id="d", source="s",
            start=start, end=start + 1, line=1, column=1, message="m", excerpt="图为会议现场。",
        )  # fmt: skip

    b = Baseline.from_findings([f(0), f(50)])
    path = tmp_path / "b.json"
    path.write_text(b.dump("0"), encoding="utf-8")
    again = Baseline.load(path)
    assert len(again) == 2 and list(again.counts.values()) == [2]


def test_document_level_findings_survive_edits_above():
    from zhqa.schemas import Finding

    def f(message: str, excerpt: str) -> Finding:
        return Finding(
            code="P209", name="n", family="punctuation", severity="error", doc_id="d", source="s",
            start=0, end=0, line=1, column=1, message=message, excerpt=excerpt,
        )  # fmt: skip

    old = f("260 ASCII marks in CJK context", "推动产业链人才链融合,苏州打破")
    new = f("262 ASCII marks in CJK context", "本报讯 春耕时节,田间地头")
    b = Baseline.from_findings([old])
    assert set(b.counts) == set(Baseline.from_findings([new]).counts)
    assert set(b.counts) != set(Baseline.from_findings([f("other message", "x")]).counts)


def test_seed_page_baseline_survives_paragraphs_inserted_between_articles(zhqa_cli, tmp_path):
    """With every built-in check: text inserted above old findings adds no finding outside itself."""
    from tests.conftest import SEED

    (tmp_path / "seeds").mkdir()
    page = tmp_path / "seeds" / "page-001.txt"
    page.write_bytes(SEED.read_bytes())
    cfg = str(ROOT / "pyproject.toml")
    assert zhqa_cli("baseline", "seeds", "--config", cfg, "-o", "b.json", "--no-progress").returncode == 0
    lines = SEED.read_text(encoding="utf-8").split("\n")
    insert = ["各地抢抓农时推进春播工作。", "", "农技人员深入一线指导农民科学种田。", ""]
    at = [3, 16, 40]  # in the first article, and further down
    for n in reversed(at):
        lines[n:n] = insert
    page.write_text("\n".join(lines), encoding="utf-8")
    inserted = {n + i + 1 + k * len(insert) for k, n in enumerate(at) for i in range(len(insert))}
    r = zhqa_cli(
        "check", "seeds", "--config", cfg, "--baseline", "b.json", "--format", "json", "--output", "o.json"
    )
    assert r.returncode in (0, 1), r.stderr.decode()
    data = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert data["summary"]["documents"] == 1
    outside = [(f["code"], f["line"], f["excerpt"]) for f in data["findings"] if f["line"] not in inserted]
    assert outside == [], outside
    assert "0 fixed" in " ".join(data["summary"]["gate"]["reasons"]) or r.returncode == 0


def test_every_format_carries_the_baselined_verdict(zhqa_cli, repo):
    from zhqa.reports import FORMATS

    assert zhqa_cli("baseline", "corpus", "-o", "b.json", "--no-progress", cwd=repo).returncode == 0
    _edit(repo, PAGE + NEW_CAPTION)
    for fmt, (_, name) in FORMATS.items():
        r = zhqa_cli(
            "check", "corpus", "--baseline", "b.json", "--format", fmt, "--report-dir", "out", cwd=repo
        )
        assert r.returncode == 1, (fmt, r.stderr.decode())
        written = (repo / "out" / name).read_text(encoding="utf-8")
        assert "X902: 1 error (max 0)" in written, fmt
