"""``pytest --zhqa``: corpus files as items (document × family), with pytester."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import ROOT, SEED

pytest_plugins = ["pytester"]

CLEAN = {
    "a.txt": "春耕时节，田间地头一片繁忙。\n\n各地抢抓农时，推进春播工作。\n",
    "b.txt": "会议强调，要做好就业服务工作。\n\n农技人员深入一线，指导农民科学种田。\n",
}
# a finding line of a failing item: "  P201 3:11 message «excerpt»"
LINE = re.compile(r"^\s+[A-Z]\d{3} \d+:\d+ .+ «.*»$", re.M)
ARGS = ("-p", "no:randomly", "-p", "no:cacheprovider")


def _seed_repo(pytester: pytest.Pytester) -> None:
    (pytester.path / "seeds").mkdir()
    shutil.copy(SEED, pytester.path / "seeds" / "page-001.txt")


def _outcomes(result: pytest.RunResult) -> dict[str, str]:
    """nodeid -> outcome from the -rA short summary."""
    out = {}
    for line in result.outlines:
        m = re.match(r"^(PASSED|FAILED) (\S+)", line)
        if m:
            out[m.group(2)] = m.group(1)
    return out


def test_seed_page_fails_with_readable_per_family_items(pytester):
    _seed_repo(pytester)
    r = pytester.runpytest_subprocess("--zhqa", "seeds", "-rA", *ARGS)
    res = _outcomes(r)
    assert "seeds/page-001.txt::punctuation" in res, r.stdout.str()
    assert res["seeds/page-001.txt::punctuation"] == "FAILED"
    assert all(k.startswith("seeds/page-001.txt::") and k.count("::") == 1 for k in res)
    assert {k.split("::")[1] for k in res} >= {"encoding", "punctuation", "duplication", "structure"}
    text = r.stdout.str()
    assert LINE.search(text), text
    assert "P201 3:11 ASCII ','" in text or re.search(r"P201 3:\d+ ", text)
    assert "Traceback" not in text and "def runtest" not in text
    assert r.ret == 1


def test_xdist_gives_the_same_result(pytester):
    _seed_repo(pytester)
    one = _outcomes(pytester.runpytest_subprocess("--zhqa", "seeds", "-rA", *ARGS))
    two = _outcomes(pytester.runpytest_subprocess("--zhqa", "seeds", "-rA", "-n", "2", *ARGS))
    assert one and one == two


def test_clean_corpus_passes_and_paths_come_from_the_config(pytester):
    (pytester.path / "corpus").mkdir()
    for name, text in CLEAN.items():
        (pytester.path / "corpus" / name).write_text(text, encoding="utf-8")
    pytester.makefile(".toml", zhqa='paths = ["corpus"]\n')
    r = pytester.runpytest_subprocess("--zhqa", "-rA", *ARGS)
    res = _outcomes(r)
    assert r.ret == 0, r.stdout.str()
    assert {k.split("::")[0] for k in res} == {"corpus/a.txt", "corpus/b.txt"}
    assert set(res.values()) == {"PASSED"}


def test_k_x_and_junitxml(pytester):
    _seed_repo(pytester)
    (pytester.path / "seeds" / "page-002.txt").write_bytes(SEED.read_bytes())
    r = pytester.runpytest_subprocess("--zhqa", "seeds", "-rA", "-k", "punctuation", *ARGS)
    assert set(_outcomes(r)) == {"seeds/page-001.txt::punctuation", "seeds/page-002.txt::punctuation"}
    r = pytester.runpytest_subprocess("--zhqa", "seeds", "-rA", "-x", "-k", "punctuation", *ARGS)
    assert list(_outcomes(r).values()) == ["FAILED"], "-x stops after the first failing item"
    r = pytester.runpytest_subprocess("--zhqa", "seeds", "--junitxml=out.xml", *ARGS)
    cases = ET.parse(pytester.path / "out.xml").getroot().iter("testcase")
    failed = {c.get("name"): c.find("failure") for c in cases}
    assert failed["punctuation"] is not None and "P201" in (failed["punctuation"].text or "")


def test_records_nest_under_their_id(pytester):
    rows = [{"id": "r1", "text": CLEAN["a.txt"]}, {"id": "r2", "text": "推动融合,苏州打破壁垒,实现互认。"}]
    (pytester.path / "news.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8"
    )
    r = pytester.runpytest_subprocess("--zhqa", "news.jsonl", "-rA", *ARGS)
    res = _outcomes(r)
    assert res["news.jsonl::r1::punctuation"] == "PASSED"
    assert res["news.jsonl::r2::punctuation"] == "FAILED"
    assert "r2: " in r.stdout.str()


def test_baseline_option_and_unreadable_input(pytester):
    _seed_repo(pytester)
    assert pytester.run("zhqa", "baseline", "seeds", "--no-progress", "-o", "b.json").ret == 0
    r = pytester.runpytest_subprocess("--zhqa", "seeds", "--zhqa-baseline", "b.json", *ARGS)
    assert r.ret == 0, r.stdout.str()
    (pytester.path / "seeds" / "broken.jsonl.gz").write_bytes(b"not gzip")
    r = pytester.runpytest_subprocess("--zhqa", "seeds", "-rA", *ARGS)
    assert _outcomes(r)["seeds/broken.jsonl.gz::input"] == "FAILED"


def test_results_are_cached_on_content(pytester):
    _seed_repo(pytester)
    pytester.runpytest_subprocess("--zhqa", "seeds", "-p", "no:randomly")
    keys = list((pytester.path / ".pytest_cache" / "v" / "zhqa" / "run").iterdir())
    assert len(keys) == 1
    pytester.runpytest_subprocess("--zhqa", "seeds", "-p", "no:randomly")
    assert len(list(keys[0].parent.iterdir())) == 1, "same content, same cache entry"
    (pytester.path / "seeds" / "page-001.txt").write_text("正文。\n", encoding="utf-8")
    r = pytester.runpytest_subprocess("--zhqa", "seeds", "-p", "no:randomly")
    assert r.ret == 0 and len(list(keys[0].parent.iterdir())) == 2


def test_zhqa_check_fixture(pytester):
    pytester.makepyfile(
        """
        def test_my_corpus(zhqa_check):
            found = zhqa_check("推动融合,苏州打破壁垒。", select=["P201"])
            assert [(f.code, f.start) for f in found] == [("P201", 4)]
            assert zhqa_check("推动融合，苏州打破壁垒。", select="P2") == []
        """
    )
    r = pytester.runpytest_subprocess(*ARGS)
    r.assert_outcomes(passed=1)


def test_without_the_flag_nothing_is_collected(pytester):
    _seed_repo(pytester)
    r = pytester.runpytest_subprocess("seeds", *ARGS)
    assert r.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_bad_plugin_path_is_a_usage_error(pytester):
    _seed_repo(pytester)
    pytester.makefile(".toml", zhqa='plugins = ["nowhere"]\n')
    r = pytester.runpytest_subprocess("--zhqa", "seeds", *ARGS)
    assert r.ret == pytest.ExitCode.USAGE_ERROR
    assert "plugins: 'nowhere' not found" in r.stderr.str()


def test_repo_root_has_the_suite_config():
    assert (ROOT / "checks").is_dir() and (ROOT / "schemas" / "news.py").is_file()


def test_items_agree_with_zhqa_check_on_real_records(pytester):
    """Failing items are exactly the (document, family) pairs with error findings in `zhqa check`."""
    from tests.conftest import corpus_records

    rows = corpus_records("defects-sogouca/sogouca_smarty_decoded.jsonl")[:40]
    rows += corpus_records("ntrex128-zh/ntrex128_zho-CN.jsonl")[:20]
    (pytester.path / "news.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8"
    )
    r = pytester.run("zhqa", "check", "news.jsonl", "--format", "json", "--output", "out.json")
    assert r.ret in (0, 1)
    report = json.loads((pytester.path / "out.json").read_text(encoding="utf-8"))
    expected = {
        f"news.jsonl::{f['doc_id']}::{f['family']}" for f in report["findings"] if f["severity"] == "error"
    }
    res = _outcomes(pytester.runpytest_subprocess("--zhqa", "news.jsonl", "-rA", "-n", "2", *ARGS))
    assert {k for k, v in res.items() if v == "FAILED"} == expected
    assert len(res) == len(rows) * len({k.rsplit("::", 1)[1] for k in res})


def _records(pytester: pytest.Pytester, config: str) -> None:
    lines = [{"id": "a", "text": "会议召开。"}, {"id": "b", "text": "会议召开。", "source": "新华社"}]
    (pytester.path / "corpus").mkdir()
    (pytester.path / "corpus" / "r.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8"
    )
    (pytester.path / "rs.toml").write_text(
        '[fields.source]\ntype = "str"\nrequired = true\n', encoding="utf-8"
    )
    (pytester.path / "zhqa.toml").write_text(config, encoding="utf-8")


def test_the_suites_record_schema_is_used_as_by_zhqa_check(pytester):
    _records(pytester, '[tool.zhqa]\nrecord_schema = "rs.toml"\nselect = ["S501"]\n')
    r = pytester.runpytest_subprocess("--zhqa", "corpus", "-rA", *ARGS)
    res = _outcomes(r)
    assert res == {"corpus/r.jsonl::a::structure": "FAILED", "corpus/r.jsonl::b::structure": "PASSED"}, (
        r.stdout.str()
    )
    assert re.search(r"S501 .*source", r.stdout.str())


def test_a_bad_record_schema_is_a_usage_error_not_a_traceback(pytester):
    _records(pytester, '[tool.zhqa]\nrecord_schema = "missing.py:Model"\n')
    r = pytester.runpytest_subprocess("--zhqa", "corpus", *ARGS)
    assert r.ret == pytest.ExitCode.USAGE_ERROR
    assert "record_schema" in r.stderr.str() and "Traceback" not in r.stderr.str() + r.stdout.str()
