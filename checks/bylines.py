"""House style of this corpus: the roles a byline may name (X901)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from zhqa.checks import Bad, Good, check
from zhqa.schemas import Document, Hit

# Any role a news byline may print, longest first so 本报特约记者 is one role, not 记者.
_ROLE = (
    r"(?:本报|新华社|人民日报|中新社)?(?:特约|见习|实习|首席)?"
    r"(?:摄影记者|记者|通讯员|实习生|编辑)"
)
_NAMES = r"[\u4e00-\u9fff·]{2,5}(?:[ \u3000]+[\u4e00-\u9fff·]{2,5})*"
# a whole line of role + names (本报记者 康功 / 本报通讯员 计海新 摄), or a photo credit at a line's end
_LINE = re.compile(rf"^(?:(?:{_ROLE})[ \u3000]*{_NAMES}[ \u3000]*)+(?:摄|报道)?$")
_CREDIT = re.compile(rf"(?:(?:{_ROLE})[ \u3000]*{_NAMES}[ \u3000]*)+摄$")
# a dateline's parenthesis: 本报讯(记者吴锋忠 通讯员余思民)
_DATELINE = re.compile(r"^本报讯[(（]([^)）\n]{2,40})[)）]")
_ROLE_AT = re.compile(_ROLE)


def _has_role(text: str) -> bool:
    return "记者" in text or "通讯员" in text or "实习生" in text or "编辑" in text


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    allowed: list[str] = ["本报记者", "本报通讯员", "记者", "通讯员"]


@check(
    code="X901",
    name="byline-role",
    severity="error",
    family="structure",
    options=Options,
    examples=[
        Bad("本报特约记者 王强\n\n本报讯 会议昨日召开。", why="特约 is not a house role"),
        Bad("本报讯(实习生 李明)近日,培训班开班。", why="dateline role 实习生"),
        Bad("图为工人在车间加工产品。 本报见习记者 张红 摄", why="photo credit with 见习记者"),
        Good("本报记者 康功\n本报通讯员 姜海波 张萍", why="the four house roles"),
        Good("本报讯(记者吴锋忠 通讯员余思民)“这家餐厅饭菜分量足。”"),
        Good("记者在现场看到,通讯员正在整理材料。", why="roles inside a sentence are not a byline"),
    ],
)
def byline_role(doc: Document, options: Options) -> Iterator[Hit]:
    """A byline, dateline or photo credit names a role outside the house style.

    Our pages credit people as 本报记者, 本报通讯员, 记者 or 通讯员 only
    (`[tool.zhqa.options.X901] allowed = [...]` changes the list).

    ## Why is this bad?
    Roles such as 特约记者, 见习记者 or 实习生 are not printed in this paper's
    bylines; one in the corpus means a wire story or another paper's page slipped
    in, or the byline was typed by hand.
    """
    if not _has_role(doc.text):
        return  # every byline, credit and dateline role holds one of these words
    allowed = set(options.allowed)
    shown = "、".join(options.allowed)
    pos = 0
    for line in doc.text.split("\n"):
        if not _has_role(line):
            pos += len(line) + 1
            continue
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        spans: list[tuple[int, str]] = []
        whole = _LINE.match(stripped)
        credit = None if whole or not stripped.endswith("摄") else _CREDIT.search(stripped)
        if whole or credit:
            at = credit.start() if credit else 0
            spans = [(pos + lead + r.start(), r.group()) for r in _ROLE_AT.finditer(stripped, at)]
        elif d := _DATELINE.match(stripped):
            spans = [(pos + lead + r.start(), r.group()) for r in _ROLE_AT.finditer(stripped, *d.span(1))]
        for start, role in spans:
            if role not in allowed:
                yield Hit(
                    start=start,
                    end=start + len(role),
                    message=f"byline role {role} is not house style (use {shown})",
                )
        pos += len(line) + 1
