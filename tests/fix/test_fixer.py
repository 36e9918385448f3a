"""The fixer: edits in groups, conflicts wait for the next pass, offsets move with edits."""

from __future__ import annotations

from zhqa.checks.runner import Plan
from zhqa.config import from_dict
from zhqa.engine.fixer import apply_edits, apply_fixes, apply_groups, fix_document, shift
from zhqa.schemas.document import Document, InvalidBytes
from zhqa.schemas.finding import Edit, Fix, Hit


def test_overlapping_edits_are_skipped_not_merged():
    text, _, skipped = apply_edits("甲,乙,丙。", [(1, 2, "，"), (3, 4, "，"), (1, 2, "、")])
    assert text == "甲，乙，丙。" and skipped == [(1, 2, "、")]


def test_a_group_applies_all_or_none():
    text = "开头。断开的\n\n中间。\n\n句子结尾。"
    move = [(6, 6, "句子结尾。"), (11, 18, "")]  # insert at the break, delete the fragment
    blocked = [(5, 6, "X")]  # touches the insertion: the whole move waits, deletion included
    new, done, _ = apply_groups(text, [move, blocked])
    assert done == [1] and new == text.replace("的", "X", 1)
    new, done, _ = apply_groups(text, [move])
    assert done == [0] and new == "开头。断开的句子结尾。\n\n中间。"


def test_insertion_touching_a_replacement_conflicts():
    _, done, _ = apply_groups("甲乙", [[(1, 2, "丙")], [(1, 1, "，")]])
    assert len(done) == 1


def test_unsafe_fixes_need_opting_in():
    hits = [
        Hit(start=0, end=1, message="m", fix=Fix(replacement="")),
        Hit(start=2, end=3, message="m", fix=Fix(replacement="", applicability="unsafe")),
        Hit(start=4, end=5, message="m", fix=Fix(replacement="", applicability="display")),
    ]
    assert apply_fixes("a1b2c3", hits) == "1b2c3"
    assert apply_fixes("a1b2c3", hits, unsafe=True) == "12c3"


def test_fix_with_also_edits_serialises_them():
    fix = Fix(replacement="x", applicability="unsafe", also=[Edit(start=5, end=6, replacement="")])
    assert fix.model_dump() == {
        "replacement": "x",
        "applicability": "unsafe",
        "also": [{"start": 5, "end": 6, "replacement": ""}],
    }
    assert Fix(replacement="，").model_dump() == {"replacement": "，"}


def test_shift_moves_offsets_after_edits_and_drops_replaced_ones():
    made = [(1, 2, "，，"), (5, 7, "")]
    assert shift(0, made) == 0 and shift(3, made) == 4 and shift(8, made) == 7
    assert shift(1, made) is None and shift(6, made) is None


def test_fix_document_converges_and_keeps_decode_facts_in_place():
    plan = Plan.build(from_dict({}), select=["E10"])
    doc = Document(
        id="d",
        text="\ufeff甲\ufffd乙",
        invalid_bytes=[InvalidBytes(char_offset=2, byte_offset=6)],
    )
    out = fix_document(plan, doc)
    assert out.text == "甲\ufffd乙" and out.applied["E102"] == 1
    assert [(f.code, f.start) for f in out.remaining] == [("E101", 1)]
    assert fix_document(plan, doc.model_copy(update={"text": out.text, "invalid_bytes": []})).applied == {}
