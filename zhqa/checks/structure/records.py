"""S501: records that do not fit the record schema."""

from __future__ import annotations

from collections.abc import Iterator

from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit


@check(
    code="S501",
    name="record-schema-violation",
    severity="error",
    examples=[
        Bad(record={"id": "a1", "title": "无正文"}, why="no text field"),
        Bad(record={"id": "a2", "text": 42}, why="text is a number"),
        Bad(record={"id": "a3", "text": "  "}, why="empty text"),
        Good(record={"id": "a4", "text": "本报讯 会议召开。"}),
        Good(
            record={
                "id": "a5",
                "text": "会议召开。",
                "title": "会议",
                "date": "2025-03-25",
                "source": "工人日报",
            },
            why="every optional field of the default record model, well typed",
        ),
    ],
)
def record_schema_violation(doc: Document) -> Iterator[Hit]:
    """A record that does not fit the record schema (missing or empty text, wrong types, bad date).

    The schema is `record_schema` in the config: the default record model (`id`,
    `text`, optional `title`, `date`, `source`, `url`), a pydantic model
    (`"schemas/news.py:NewsRecord"`) or a TOML table of fields (`"record.toml"`);
    see `zhqa.schemas.record`. The message names the field path (`meta.author`,
    `tags[1]`) and the record's line; one finding per field.

    ## Why is this bad?
    A record a pipeline cannot use is usually dropped without a word; zhqa keeps
    it in the report, names the field and the line, and counts it.
    """
    if not doc.problems:
        return  # most records fit
    where = f"record {doc.line}: " if doc.line is not None else ""
    raw = doc.meta.get("raw") if isinstance(doc.meta.get("raw"), str) else None
    seen: set[str] = set()
    for p in doc.problems:
        if p.field in seen:
            continue  # the reader and the schema both saw it: report the field once
        seen.add(p.field)
        field = "" if p.field == "$" else f"{p.field}: "
        msg = p.message if p.message.startswith("line ") else f"{where}{field}{p.message}"
        yield Hit(start=0, end=0, message=msg, excerpt=raw)
