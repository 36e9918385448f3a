"""S503, S504, S507: paragraphs broken mid-sentence, a truncated end, orphan fragments."""

from __future__ import annotations

from collections.abc import Iterator

from zhqa.checks.registry import Bad, Good, check
from zhqa.checks.structure._common import flow, snippet
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Fix, Hit, Related
from zhqa.text.page_flow import last_sentence_start

_TITLE = "甘肃瓜州以人才振兴促产业振兴\n\n"


def _related(doc: Document, start: int, end: int) -> list[Related]:
    return [Related(doc_id=doc.id, start=start, end=end)]


@check(
    code="S503",
    name="broken-paragraph",
    severity="error",
    fix="sometimes",
    examples=[
        Bad(
            "面对行业呼声，政策率先破局。人社部等8部门联合发文，支持企业开展技能等级\n\n评价。同年5月，江苏省制定了工作指引。",
            fixed="面对行业呼声，政策率先破局。人社部等8部门联合发文，支持企业开展技能等级评价。同年5月，江苏省制定了工作指引。",
            unsafe=True,
        ),
        Bad(
            "近年来，该公司瞄准国内外市场需要，\n\n研发生产的积木拼图等文创用品畅销海内外市场。",
            fixed="近年来，该公司瞄准国内外市场需要，研发生产的积木拼图等文创用品畅销海内外市场。",
            unsafe=True,
            why="a paragraph ending with a comma",
        ),
        Good(
            "青海海东规范化发展劳务品牌\n\n本报讯（记者邢生祥）近日，招聘会在乐都区举办。", why="a headline"
        ),
        Good("本报记者 赖志凯\n\n对于首都环卫工王进吉而言，过去的一年既有挑战。", why="a byline"),
        Good("主要措施包括：\n\n1. 建立乡村工匠信息库\n\n2. 实施一人一策精准扶持", why="list items"),
        Good(
            "他说：“以前觉得砚台赚不到钱。”\n\n目前，她的作品已售出百余方。",
            why="a final mark inside the quote",
        ),
    ],
)
def broken_paragraph(doc: Document) -> Iterator[Hit]:
    """A paragraph that ends mid-sentence and is continued by the next paragraph.

    A paragraph is unfinished when it ends with a pause mark (`，` `、` `；` `：`,
    or their ASCII forms after NFKC), an opening bracket, or a bare character; a
    final mark (`。！？…`, ASCII `.!?` after hanzi), even inside closing quotes,
    finishes it. Headline-like lines, bylines, captions and list items are not paragraphs
    of running text. The span is the break itself; `related` is the continuation.

    ## Why is this bad?
    Text extracted from print columns breaks where the column ended: a sentence
    split over two paragraphs reads as two fragments to every downstream tool
    (sentence splitters, deduplication, training data).

    ## Fix safety
    Joining the two paragraphs is unsafe: the line could be a deliberate short
    paragraph whose final mark was lost, which only a reader can tell. No fix is
    offered when something else (a caption, a photo item) sits between the two.

    ## Known limits
    A paragraph that ends with a closing quote and no final mark is treated as
    finished (quotations often end paragraphs that way). A paragraph ending with
    a bare character before one that opens with a pronoun, conjunction or time
    word (`这`, `他`, `但`, `目前`…) is taken as a lost full stop, not a break;
    one-clause short lines (headings, bio lines) are not paragraphs of running text.
    Ending colons introduce lists and quotations and are not breaks.
    """
    for b in flow(doc).breaks:
        fix = Fix(replacement="", applicability="unsafe", title="join with the next paragraph")
        yield Hit(
            start=b.para.end,
            end=b.nxt.start,
            message=f"paragraph ends mid-sentence ({snippet(b.para.text[-8:], 8)!r}); "
            f"it continues in the next paragraph ({snippet(b.nxt.text, 8)!r})",
            fix=fix if b.clean_gap else None,
            related=_related(doc, b.nxt.start, b.nxt.end),
            excerpt=f"{b.para.text[-12:]}⏎{b.nxt.text[:12]}",
        )


@check(
    code="S504",
    name="truncated-document",
    severity="error",
    examples=[
        Bad(
            _TITLE + "瓜州县已培育省级名匠2人。\n\n从玉米地里酿出的“梦城御液”，到戈壁",
            why="ends mid-sentence",
        ),
        Bad(
            _TITLE + "移民乡的一方洮砚，瓜州县以培育乡村工匠为目标，走出了新路径。\n\n"
            "瓜州县已培育省级名匠2人。\n\n从玉米地里酿出的“梦城御液”，到戈壁",
            why="the continuation is printed earlier on the page (related)",
        ),
        Good(_TITLE + "瓜州县已培育省级名匠2人。\n\n本报记者 康功", why="ends with a byline"),
        Good(
            _TITLE + "瓜州县已培育省级名匠2人。\n\n图为工匠在雕刻洮砚。 本报记者 康功 摄",
            why="ends with a caption",
        ),
        Good("瞄准市场需要 加工文创产品", why="a lone headline-like line is a snippet, not a document"),
    ],
)
def truncated_document(doc: Document) -> Iterator[Hit]:
    """The document's last body paragraph ends mid-sentence: the rest of the text is missing.

    The span is the unfinished last sentence. When a paragraph elsewhere in the
    document continues it (an orphan fragment, S507), `related` points to it.

    ## Why is this bad?
    A cut-off ending means text was lost in extraction or the continuation was
    printed elsewhere ("转第X版"); the document is incomplete as data.
    """
    f = flow(doc)
    tail = f.truncated
    if tail is None:
        return
    start = last_sentence_start(tail)
    related = _related(doc, f.orphan.start, f.orphan.end) if f.orphan else []
    where = f"; it continues at {snippet(f.orphan.text, 10)!r}" if f.orphan else ""
    yield Hit(
        start=start,
        end=tail.end,
        message=f"document ends mid-sentence ({snippet(doc.text[start : tail.end], 12)!r}){where}",
        related=related,
    )


@check(
    code="S507",
    name="orphan-fragment",
    severity="warning",
    examples=[
        Bad(
            _TITLE + "移民乡的一方洮砚，瓜州县以培育乡村工匠为目标，走出了新路径。\n\n"
            "瓜州县已培育省级名匠2人。\n\n从玉米地里酿出的“梦城御液”，到戈壁",
            why="continues the truncated end (related)",
        ),
        Bad(
            _TITLE + "瓜州县已培育省级名匠2人。\n\n，带动就业300余人，年人均增收超8000元。",
            why="starts with a comma",
        ),
        Good(
            _TITLE + "瓜州县已培育省级名匠2人。\n\n但是，人才缺口依然存在。",
            why="a conjunction opens a sentence",
        ),
        Good(
            _TITLE + "企业盖章的技能等级证书，实现了评价标准统一化。\n\n此外，流程也更简便了。",
            why="no truncated end",
        ),
    ],
)
def orphan_fragment(doc: Document) -> Iterator[Hit]:
    """A paragraph that starts mid-sentence with no broken paragraph before it.

    Found two ways: a paragraph that cannot open a sentence (it starts with a
    pause mark), or the paragraph that continues the document's truncated end
    (S504) — the first paragraph of an article whose first clause is a dangling
    noun phrase (`移民乡的一方洮砚，…`), preferring the truncated article itself.
    `related` is the truncated paragraph it continues, when found.

    ## Why is this bad?
    The fragment's sentence began somewhere else (another column, another page):
    read alone it is ungrammatical, and its real beginning is elsewhere.

    ## Known limits
    A dangling first clause is only looked for when the document has a truncated end.
    """
    f = flow(doc)
    if f.screened:
        return  # plain, and no line starts with a pause mark
    seen = set()
    if f.orphan is not None and f.truncated is not None:
        tail = f.truncated
        seen.add(f.orphan.start)
        yield Hit(
            start=f.orphan.start,
            end=f.orphan.end,
            message=f"paragraph starts mid-sentence; it continues {snippet(tail.text[-8:], 8)!r} at the end",
            related=_related(doc, last_sentence_start(tail), tail.end),
        )
    continued = {b.nxt.start for b in f.breaks}
    for p in f.bad_starts():
        if p.start not in seen and p.start not in continued:
            yield Hit(start=p.start, end=p.end, message=f"paragraph starts mid-sentence ({p.text[:6]!r})")
