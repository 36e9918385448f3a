"""Numeric consistency checks N4xx (GB/T 15835-2011 and arithmetic).

Numbers come from :mod:`zhqa.text.numbers` (Decimal values with tolerances); each
module holds the checks of one relation.
"""

from zhqa.checks.numeric import dates, enums, parts, ranges, shares, style, trends  # noqa: F401
