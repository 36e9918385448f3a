"""Numbers in Chinese text: exact values (Decimal), tolerances, units and spans."""

from zhqa.text.numbers.parse import CN_CHARS, DIGITS, is_chinese, parse_arabic, parse_number
from zhqa.text.numbers.scan import HAS_NUMBER, NUMBER, UNITS, Num, scan

__all__ = [
    "CN_CHARS",
    "DIGITS",
    "HAS_NUMBER",
    "NUMBER",
    "UNITS",
    "Num",
    "is_chinese",
    "parse_arabic",
    "parse_number",
    "scan",
]
