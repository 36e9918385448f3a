"""E107 and the legacy-encoding decode: GBK/GB18030 and Big5 files are decoded, checked, reported once."""

from __future__ import annotations

import pytest

from tests.conftest import CORPORA
from tests.encoding.conftest import raw_doc
from zhqa.checks import CATALOGUE
from zhqa.io.decode import decode_file

SIMPLIFIED = "本报讯 全国缉枪制爆统一销毁行动今天在河北唐山正式启动，十万余支非法枪支被集中销毁。\n"
TRADITIONAL = "搭載俄羅斯與美國太空人的聯盟號太空船自拜科努爾航天發射場發射升空，並與國際太空站完成對接。\n"


def e107(data: bytes) -> list:
    return CATALOGUE["E107"].run(raw_doc(data))


@pytest.mark.parametrize(
    ("text", "codec", "expected", "name"),
    [
        (SIMPLIFIED, "gbk", "gb18030", "GB18030"),
        (SIMPLIFIED, "gb18030", "gb18030", "GB18030"),
        (TRADITIONAL, "gbk", "gb18030", "GB18030"),
        (TRADITIONAL, "big5", "big5", "Big5"),
    ],
)
def test_legacy_file_is_decoded_and_reported_once(text, codec, expected, name):
    data = (text * 3).encode(codec)
    doc = raw_doc(data)
    assert doc.encoding == expected
    assert doc.text == text * 3
    found = e107(data)
    assert len(found) == 1 and name in found[0].message


def test_utf8_and_ascii_files_are_not_legacy():
    assert e107(SIMPLIFIED.encode()) == []
    assert e107(b"plain ascii\n") == []


def test_utf8_file_with_one_bad_byte_stays_utf8():
    data = SIMPLIFIED.encode() * 5 + b"\xff" + SIMPLIFIED.encode()
    decoded = decode_file(data)
    assert decoded.encoding == "utf-8" and len(decoded.invalid) == 1


def test_sogouca_file_is_gb18030_with_mojibake_inside():
    path = CORPORA / "defects-sogouca" / "news_tensite_xml.smarty.dat"
    if not path.is_file():
        pytest.skip("SogouCA sample not available")
    doc = raw_doc(path.read_bytes())
    assert doc.encoding == "gb18030"
    assert "公安机关销毁" in doc.text
    assert len(CATALOGUE["E107"].run(doc)) == 1
    assert len(CATALOGUE["E106"].run(doc)) >= 100
