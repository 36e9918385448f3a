"""D301: exact duplicate documents (normalised text hashed with xxh3)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import xxhash

from zhqa.checks.registry import Bad, CorpusCheck, CorpusHit, Good, MapItem, corpus_check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit, Related
from zhqa.text.normal import folded, folds


def normalised(text: str) -> str:
    """NFKC with all whitespace folded to single spaces and trimmed (cached per string)."""
    return folded(text)


_digests: dict[str, int] = {}
_digest_chars = 0
_MEMO_CHARS = 1_000_000  # a few engine batches (D301's map runs on a batch, then D305's)


def digest(norm: str) -> int:
    """The xxh3-128 of a folded text's UTF-8: D301's key and D305's document identity
    (the latest are kept, so the second asks for it for free)."""
    global _digest_chars
    got = _digests.get(norm)
    if got is None:
        got = xxhash.xxh3_128_intdigest(norm.encode("utf-8", "surrogatepass"))
        if _digest_chars + len(norm) > _MEMO_CHARS:
            _digests.clear()
            _digest_chars = 0
        _digests[norm] = got
        _digest_chars += len(norm) + 64
    return got


@corpus_check(
    code="D301",
    name="duplicate-document",
    severity="error",
    examples=[
        Bad(["本报讯 今天召开了全市就业工作会议。", "本报讯  今天召开了全市就业工作会议。\n"]),
        Good(
            ["本报讯 今天召开了全市就业工作会议。", "本报讯 明天召开全市就业工作会议。"], why="different text"
        ),
    ],
)
class DuplicateDocument(CorpusCheck):
    """A document whose normalised text (NFKC, whitespace folded) equals an earlier one.

    ## Why is this bad?
    Exact copies waste training compute, over-weight one text and leak between
    train and test splits. `related` points at the first copy.

    ## Known limits
    Empty documents are not compared (S501 reports empty records).
    """

    def map(self, doc: Document, options: object) -> Iterable[tuple[Hashable, int]]:
        norm = folds(doc.text).whole  # folded(doc.text), shared with D303-D306
        if not norm:
            return ()
        return ((digest(norm), len(doc.text)),)

    def reduce(self, key: Hashable, items: list[MapItem], options: object) -> Iterable[CorpusHit]:
        if len(items) < 2:
            return
        items = sorted(items, key=lambda i: i.seq)
        first = items[0]
        for item in items[1:]:
            yield CorpusHit(
                item.seq,
                Hit(
                    start=0,
                    end=item.value,
                    message=f"duplicate of document {first.doc_id!r} ({len(items)} copies in all)",
                    related=[Related(doc_id=first.doc_id, start=0, end=first.value)],
                ),
            )
