"""E109: radicals and compatibility ideographs, with the shipped EquivalentUnifiedIdeograph table."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import CORPORA
from tests.encoding.conftest import hits
from zhqa.checks.encoding.radicals import UNIFIED_IN_COMPAT, equivalents
from zhqa.engine.fixer import apply_fixes

UNICODE = Path("/usr/share/unicode/EquivalentUnifiedIdeograph.txt")


def test_table_covers_every_kangxi_and_supplement_radical():
    table = equivalents()
    kangxi = [chr(c) for c in range(0x2F00, 0x2FD6)]
    supplement = [chr(c) for c in range(0x2E80, 0x2EF4) if unicodedata.category(chr(c)) != "Cn"]
    assert all(c in table for c in kangxi)
    assert sum(c in table for c in supplement) == len(supplement) - 1  # U+2E80 has no equivalent
    nfkc = sum(unicodedata.normalize("NFKC", c) != c for c in supplement)
    assert nfkc == 2  # why the table exists: NFKC maps only two supplement radicals


@pytest.mark.skipif(not UNICODE.is_file(), reason="unicode-data not installed")
def test_shipped_table_matches_unicode_data():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "gen", Path(__file__).parents[2] / "tools" / "gen_radicals.py"
    )
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    expected = {chr(a): chr(b) for a, b in gen.parse(UNICODE.read_text(encoding="utf-8")).items()}
    assert equivalents() == expected


def test_every_supplement_radical_in_text_is_fixed():
    for rad, ideo in equivalents().items():
        if not ("\u2e80" <= rad <= "\u2ef3"):
            continue
        text = f"黄河{rad}流域"
        assert apply_fixes(text, hits("E109", text)) == f"黄河{ideo}流域"


def test_compatibility_ideographs_fire_except_the_twelve_unified():
    compat = [chr(c) for c in range(0xF900, 0xFB00) if unicodedata.category(chr(c)) == "Lo"]
    assert len(UNIFIED_IN_COMPAT) == 12
    for ch in compat:
        found = hits("E109", f"姓{ch}的人")
        if ch in UNIFIED_IN_COMPAT:
            assert found == [], f"U+{ord(ch):04X}"
        else:
            assert found and found[0].fix.replacement == unicodedata.normalize("NFC", ch)


def test_supplementary_compatibility_ideograph():
    ch = "\U0002f800"
    (hit,) = hits("E109", f"一{ch}二")
    assert hit.fix.replacement == unicodedata.normalize("NFC", ch)


def test_radical_table_is_not_flagged_but_prose_next_to_it_is():
    assert hits("E109", "部首：⼀ ⼁ ⼂ ⼃ ⼄ ⼅ ⼆") == []
    assert len(hits("E109", "部首：⼀ ⼁ ⼂\n这是⼀个例子")) == 1


def test_oiwiki_kangxi_fixes_are_reproduced():
    path = CORPORA / "defects-oiwiki" / "oiwiki_kangxi_fixes.jsonl"
    if not path.is_file():
        pytest.skip("OI-wiki pairs not available")
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 17
    for r in recs:
        found = hits("E109", r["before"])
        assert found, r["id"]
        assert apply_fixes(r["before"], found) == r["after"], r["id"]
        assert hits("E109", r["after"]) == []
