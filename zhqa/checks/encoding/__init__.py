"""Encoding checks E1xx: what went wrong between bytes and text.

decoding: E101 E102 E103 E105 E107 · chars: E104 E110 E111 E112 · mojibake: E106 ·
script: E108 · radicals: E109.
"""

from zhqa.checks.encoding import chars, decoding, mojibake, radicals, script  # noqa: F401
