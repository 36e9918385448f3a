"""D302: near-duplicate documents (MinHash LSH, verified on the shingle sets).

The stages live in :mod:`zhqa.checks.duplication.minhash`; :func:`matches` is
the last one (clusters -> what to report) and :class:`NearDuplicate` wires them
into the local engine's ``map`` / ``collect``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from zhqa.checks.duplication import minhash as mh
from zhqa.checks.duplication.sketches import spilled
from zhqa.checks.registry import Bad, CorpusCheck, CorpusHit, Good, MapItem, corpus_check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit, Related, Severity

_BASE = "国家统计局今天发布数据显示，全国规模以上工业增加值同比增长，其中制造业增长较快，高技术制造业增加值增长明显，"
_NEWS = [
    _BASE + "装备制造业增加值增长，对全部规模以上工业增长的贡献率达到四成以上，市场预期总体稳定。",
    _BASE + "装备制造业增加值增长，对全部规模以上工业增长的贡献率达到四成以上，市场预期总体向好。",
]
_TEMPLATE = "本市气象台今天发布天气预报：今天晴，最高气温{}度，最低气温{}度，空气质量良，适宜户外活动，请市民注意防晒补水。"


class NearDuplicateOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    threshold: float = Field(0.8, gt=0, le=1, description="Jaccard similarity that counts as near-duplicate")
    shingle: int = Field(5, ge=2, le=16, description="characters per shingle")
    permutations: int = Field(128, ge=16, le=1024, description="MinHash signature size")
    bands: int = Field(0, ge=0, description="LSH bands (0: chosen from the threshold)")
    rows: int = Field(0, ge=0, description="rows per band (0: chosen from the threshold)")
    min_chars: int = Field(50, ge=1, description="shorter documents are compared exactly only (D301)")
    seed: int = 1

    def params(self) -> mh.Params:
        return mh.Params(self.shingle, self.permutations, self.threshold, self.bands, self.rows, self.seed)


class Match(NamedTuple):
    """One document to report: its row, the cluster's first row, and how similar they are."""

    row: int
    first: int
    size: int
    sim_first: float
    partner: int  # the most similar verified neighbour (== first when that is it)
    sim_partner: float
    template: bool


def matches(sk: mh.Sketches, params: mh.Params, min_chars: int = 50) -> list[Match]:
    """Stages 2-5 over one corpus of sketches: copies, templates, candidates, clusters."""
    import numpy as np

    rows = np.flatnonzero(sk.length >= min_chars)
    if len(rows) < 2:
        return []
    copies = mh.first_of(sk.content[rows]) != np.arange(len(rows))  # identical content: D301's
    rows = rows[~copies]
    tfirst = rows[mh.first_of(sk.template[rows])]
    out = []
    tsize = np.bincount(np.searchsorted(rows, tfirst), minlength=len(rows))
    for r, f in zip(rows[tfirst != rows].tolist(), tfirst[tfirst != rows].tolist(), strict=True):
        out.append(Match(r, f, int(tsize[np.searchsorted(rows, f)]), 1.0, f, 1.0, True))
    reps = rows[tfirst == rows]
    pairs, sims_ = mh.verify(mh.bucket_pairs(sk.bands, reps), sk, params.threshold)
    edges = list(zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), sims_.tolist(), strict=True))
    best: dict[int, tuple[float, int]] = {}
    sims: dict[tuple[int, int], float] = {}
    for a, b, s in edges:
        sims[a, b] = s
        for x, y in ((a, b), (b, a)):
            if s > best.get(x, (-1.0, 0))[0]:
                best[x] = (s, y)
    clusters: dict[int, list[int]] = defaultdict(list)
    for r, root in mh.components([(a, b) for a, b, _ in edges]).items():
        clusters[root].append(r)
    for root, members in clusters.items():
        for r in sorted(members)[1:]:
            s_first = sims.get((root, r))
            if s_first is None:  # linked through another member
                s_first = mh.jaccard(*(frozenset(sk.shingles_of(x).tolist()) for x in (root, r)))
            s_best, partner = best[r]
            out.append(Match(r, root, len(members), s_first, partner, s_best, False))
    return sorted(out)


@corpus_check(
    code="D302",
    name="near-duplicate-document",
    severity="warning",
    options=NearDuplicateOptions,
    examples=[
        Bad(_NEWS, why="one word changed at the end"),
        Bad([_TEMPLATE.format(25, 12), _TEMPLATE.format(28, 15)], why="a template bulletin (info)"),
        Good(
            [
                _NEWS[0],
                "国务院新闻办公室今天举行发布会，介绍一季度国民经济运行情况，有关负责人回答了记者提问。" * 2,
            ]
        ),
        Good(
            ["今天晴，最高气温25度。", "今天晴，最高气温28度。"], why="under 50 characters: exact match only"
        ),
        Good([_NEWS[0], _NEWS[0] + "\n"], why="identical content is D301's"),
    ],
)
class NearDuplicate(CorpusCheck):
    """A document whose character 5-gram shingles overlap an earlier one's by Jaccard >= 0.8.

    Shingles are taken from the text without whitespace and punctuation.
    Candidates come from MinHash LSH (bands chosen from the threshold) and every
    candidate pair is verified on its true Jaccard before it is reported.
    Documents linked by verified pairs form a cluster; `related` is the
    cluster's first document (and the closest one when that is another), and
    the message gives the similarity and the cluster size. Template bulletins
    that differ only in their numbers are reported at info level as `template`.

    ## Why is this bad?
    Near-copies (reprints with a changed line, wire stories with another
    dateline) over-weight one text just like exact copies do, and no hash of
    the whole text finds them.

    ## Known limits
    Documents under `min_chars` content characters are left to D301. Copies
    whose content characters are identical (they differ only in spaces or
    punctuation) are not reported here either. The corpus phase keeps about 200
    bytes per document in memory (band keys, sequence number, length); the
    shingle hashes (4 bytes per character) wait on disk until verification reads
    the candidates' back.
    """

    def map(self, doc: Document, options: NearDuplicateOptions) -> Iterable[tuple[Hashable, Any]]:
        sk = mh.sketch([doc.text], options.params())
        if sk.length[0] >= options.min_chars:
            yield "D302", (len(doc.text), sk.record(0))

    def map_many(
        self, docs: Sequence[Document], options: NearDuplicateOptions
    ) -> list[list[tuple[Hashable, Any]]]:
        """``map`` of a batch of documents with one vectorised sketch (same records)."""
        sk = mh.sketch([d.text for d in docs], options.params())
        keep = (sk.length >= options.min_chars).tolist()
        recs = sk.records()
        return [[("D302", (len(d.text), recs[i]))] if keep[i] else [] for i, d in enumerate(docs)]

    def collect(self, items: Iterable[MapItem], options: NearDuplicateOptions) -> Iterator[CorpusHit]:
        from array import array

        seqs, sizes = array("q"), array("q")  # per row; the records stream to disk (sketches.spilled)
        again = iter(items) is not items  # a store or a list: ids are read again for the hits only
        ids: list[str] = []

        def records() -> Iterator[bytes]:
            for item in sorted(items, key=lambda i: i.seq) if isinstance(items, list) else items:
                seqs.append(item.seq)
                sizes.append(item.value[0])
                if not again:
                    ids.append(item.doc_id)
                yield item.value[1]

        sk = spilled(records(), options.params().banding()[0])
        if len(seqs) < 2:
            return
        found = matches(sk, options.params(), options.min_chars)
        if not found:
            return  # no second read of the store
        need = {seqs[r]: r for m in found for r in (m.row, m.first, m.partner)}
        if again:  # ids and keys alone: a store leaves the values (the shingles) on disk
            heads = items.heads() if hasattr(items, "heads") else items
            named = {need[i.seq]: i.doc_id for i in heads if i.seq in need}
        else:
            named = {r: ids[r] for r in need.values()}
        got = {r: MapItem(seqs[r], named[r], "D302", (sizes[r], None)) for r in need.values()}
        for m in found:
            yield CorpusHit(seqs[m.row], _hit(m, got, options.shingle))


def _hit(m: Match, got: Mapping[int, MapItem], n: int) -> Hit:
    """The finding of one match; ``got[row]`` gives the id and length of the rows it names."""

    def rel(row: int) -> Related:
        return Related(doc_id=got[row].doc_id, start=0, end=got[row].value[0])

    first = got[m.first].doc_id
    if m.template:
        msg = f"template: same text as document {first!r} except its numbers ({m.size} documents)"
        return Hit(
            start=0, end=got[m.row].value[0], message=msg, related=[rel(m.first)], severity=Severity.info
        )
    msg = f"near-duplicate of document {first!r}: Jaccard {m.sim_first:.2f} on character {n}-grams"
    related = [rel(m.first)]
    if m.partner != m.first and m.sim_partner > m.sim_first:
        msg += f" ({m.sim_partner:.2f} with {got[m.partner].doc_id!r})"
        related.append(rel(m.partner))
    return Hit(
        start=0, end=got[m.row].value[0], message=f"{msg}; cluster of {m.size} documents", related=related
    )
