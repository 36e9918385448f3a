"""``zhqa parse FILE``: the page/article structure of a ``.txt`` page as the parser sees it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from zhqa.io.errors import UsageError
from zhqa.text.locate import shorten


def add_parser(sub: Any) -> None:
    p = sub.add_parser("parse", help="the page/article structure of a .txt page", description=__doc__)
    p.add_argument("file", help="a .txt page ('-' reads stdin)")
    p.add_argument("--format", "-f", choices=["text", "json"], default="text")
    p.add_argument("--record", action="store_true", help="parse as one article (a record's text), not a page")
    p.set_defaults(func=run)


def _read(name: str) -> str:
    from zhqa.io.decode import decode_file

    if name == "-":
        return decode_file(sys.stdin.buffer.read()).text
    path = Path(name)
    if not path.is_file():
        raise UsageError(f"{name}: no such file")
    try:
        return decode_file(path.read_bytes()).text
    except OSError as e:
        raise UsageError(f"{name}: cannot read: {e.strerror}") from None


def _line(label: str, el: Any) -> str:
    text = shorten(el.text.replace("\n", " / "), 40)
    return f"  {label:<9} {el.start:>5}-{el.end:<5} {text}"


def render_text(page: Any) -> str:
    """A one-line-per-element outline of the page."""
    out = []
    for n, art in enumerate(page.articles, 1):
        out.append(f"#{n} {art.kind} [{art.start}-{art.end}]")
        heads = {id(getattr(art, k)): k for k in ("kicker", "title", "subtitle") if getattr(art, k)}
        for el in art.elements():
            out.append(_line(heads.get(id(el), type(el).__name__.lower()), el))
            credits = getattr(el, "credits", None)
            if credits:
                out.append(" " * 12 + "; ".join(f"{c.role}: {' '.join(c.names)}" for c in credits))
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    from zhqa.text.page import parse_article, parse_page

    text = _read(args.file)
    page = parse_article(text) if args.record else parse_page(text)
    if args.format == "json":
        data = {"source": args.file, **page.model_dump(mode="json")}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(render_text(page))
    return 0
