"""Structure checks S5xx: records and articles against their pydantic schemas.

Page-level checks share one cached parse (:func:`zhqa.text.page_flow.analyse`).
"""

from zhqa.checks.structure import articles, continuity, furniture, records  # noqa: F401
