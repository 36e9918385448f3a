"""S502, S505, S506: headlines, bylines and photo items of the parsed articles."""

from __future__ import annotations

from collections.abc import Iterator

from zhqa.checks.registry import Bad, Good, check
from zhqa.checks.structure._common import flow, is_record, snippet
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit, Related

_BODY = "本报讯（记者邢生祥）近日，招聘会在乐都区举办。\n\n现场提供就业岗位信息1.2万个。"


@check(
    code="S502",
    name="missing-title",
    severity="warning",
    examples=[
        Bad(
            "本报记者 赖志凯\n\n对于首都环卫工王进吉而言，过去的一年既有挑战。\n\n青海海东规范化发展劳务品牌\n\n"
            + _BODY,
            why="the first article of the page has a byline and a body but no headline",
        ),
        Bad(record={"id": "r1", "title": "", "text": "会议召开。"}, why="a record whose title is empty"),
        Good(
            "鲜花快递换新装\n\n快递公司采用定制纸盒。\n\n图为快递员打包鲜花。 本报记者 甘哲 摄",
            why="a photo item",
        ),
        Good(
            "会议在北京召开。\n\n代表们审议了报告。", why="plain text with no headlines at all is not a page"
        ),
        Good(record={"id": "r2", "text": "会议召开。"}, why="records without a title field"),
    ],
)
def missing_title(doc: Document) -> Iterator[Hit]:
    """An article without a headline.

    On a page (a `.txt` document with at least one headline) every news article
    needs a title; a record needs a non-empty `title` when it has the field.

    ## Why is this bad?
    Headlines are how readers and indexes find an article; a body without one
    usually means the headline was lost or merged into the previous article.
    """
    if is_record(doc):
        if "title" in doc.meta and not (isinstance(doc.meta["title"], str) and doc.meta["title"].strip()):
            yield Hit(start=0, end=0, message="record has an empty title")
        return
    arts = flow(doc).articles
    if not arts or not any(a.title for a in arts):
        return
    for art in arts:
        if art.title is None:
            first = next(art.elements())
            yield Hit(start=first.start, end=first.end, message="article has no headline")


@check(
    code="S505",
    name="malformed-byline",
    severity="warning",
    examples=[
        Bad(
            "从田埂少年成长为首都劳模\n\n本报记者\n\n对于首都环卫工王进吉而言，过去的一年既有挑战。",
            why="no name",
        ),
        Bad(
            "青海海东规范化发展劳务品牌\n\n本报讯（记者）近日，招聘会在乐都区举办。",
            why="a dateline without a name",
        ),
        Good("从田埂少年成长为首都劳模\n\n本报记者 赖志凯\n\n对于首都环卫工王进吉而言，过去的一年既有挑战。"),
        Good("本报讯（记者吴锋忠 通讯员余思民）近日，喀什地区推出服务举措。", why="two roles"),
        Good("记者 巴图尔江·玉苏甫\n\n骑手们在驿站休息。", why="a name with ·"),
        Good(
            "本报记者 康功\n本报通讯员 姜海波 张萍\n\n清晨6点，村民已陆续将玉米运往酒庄。",
            why="a byline over two lines",
        ),
    ],
)
def malformed_byline(doc: Document) -> Iterator[Hit]:
    """A byline-like line (`本报记者`, `本报讯(…)`, `通讯员`, `… 摄`) that does not parse into roles and names.

    A well-formed byline is one or more roles (`本报记者`, `通讯员`, `实习生`,
    `文/`…) each followed by names of 2–4 hanzi or with `·`, optionally ending `摄`.

    ## Why is this bad?
    A byline without a name, with a merged or truncated name, is an extraction
    slip; author metadata built from it is wrong.
    """
    for art in flow(doc).articles:
        for b in (art.byline, *art.extra_bylines):
            if b is None or b.credits or (b.dateline and "(" not in b.text and "（" not in b.text):
                continue
            yield Hit(
                start=b.start,
                end=b.end,
                message=f"byline {snippet(b.text, 20)!r} has no parsable role and name",
            )


@check(
    code="S506",
    name="misplaced-caption",
    severity="warning",
    examples=[
        Bad(
            "推动产业链人才链融合，苏州打破技能人才评价壁垒\n\n“链主”企业发证书，一证“链通”上下游\n\n"
            "鲜花快递换新装\n\n3月进入鲜花销售旺季，快递公司采用定制纸盒套装。\n\n"
            "图为快递员正在用定制的纸盒打包鲜花。 本报记者 甘哲 摄\n\n"
            "企业盖章的技能等级证书，实现了评价标准统一化。\n\n长期以来，产业链技能人才评价存在壁垒。",
            why="a photo item between an article's headline and its body",
        ),
        Good(
            "鲜花快递换新装\n\n快递公司采用定制纸盒套装。\n\n图为快递员打包鲜花。 本报记者 甘哲 摄\n\n"
            "青海海东规范化发展劳务品牌\n\n" + _BODY,
            why="a photo item standing on its own",
        ),
    ],
)
def misplaced_caption(doc: Document) -> Iterator[Hit]:
    """A photo item (title, photo text, `图为…` caption, `… 摄` credit) printed inside another article.

    The span is the photo item; `related` is the article it interrupts.

    ## Why is this bad?
    Extraction in reading order puts the photo block where it sat on the page,
    splitting the surrounding article: its headline is cut off from its body,
    and the caption's text is read as part of the story.

    ## Known limits
    Captions without a photo title inside a news article are that article's own captions.
    """
    arts = flow(doc).articles
    if not arts:
        return
    for photo in (a for a in arts if a.kind == "photo"):
        for host in arts:
            if host.kind != "news" or not host.start < photo.start < host.end:
                continue
            if not any(e.start >= photo.end for e in host.elements()):
                continue
            name = host.title.text if host.title else "untitled"
            title = photo.title.text if photo.title else ""
            yield Hit(
                start=photo.start,
                end=photo.end,
                message=f"photo item {snippet(title)!r} printed inside article {snippet(name)!r}",
                related=[
                    Related(doc_id=doc.id, start=host.start, end=(host.title or next(host.elements())).end)
                ],
            )
            break
