"""Make GX Data Docs work offline: local copies of the CDN assets its pages load.

GX 1.24.1's pages load bootstrap, jquery, bootstrap-table, vega and Font Awesome
from CDNs and a logo from S3. The same files, taken from npm at the exact
versions, ship in ``zhqa/reports/gx_assets/`` (regenerate with
``python tools/fetch_gx_assets.py``); :func:`make_offline` copies them into a
built site and points every page at them. No GX import here.
"""

from __future__ import annotations

import os
import re
import shutil
from importlib import resources
from pathlib import Path

# CDN URL in the GX 1.24.1 templates -> (npm package@version, file inside the package)
ASSETS: dict[str, tuple[str, str]] = {
    "https://code.jquery.com/jquery-3.7.1.min.js": ("jquery@3.7.1", "dist/jquery.min.js"),
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": (
        "bootstrap@4.3.1",
        "dist/css/bootstrap.min.css",
    ),
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": (
        "bootstrap@4.3.1",
        "dist/js/bootstrap.min.js",
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": (
        "popper.js@1.12.9",
        "dist/umd/popper.min.js",
    ),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": (
        "bootstrap-table@1.19.1",
        "dist/bootstrap-table.min.css",
    ),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": (
        "bootstrap-table@1.19.1",
        "dist/bootstrap-table.min.js",
    ),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js": (
        "bootstrap-table@1.19.1",
        "dist/extensions/filter-control/bootstrap-table-filter-control.min.js",
    ),
    # 1.19.0's filter-control CSS equals 1.19.1's apart from the banner: one package serves both URLs.
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css": (
        "bootstrap-table@1.19.1",
        "dist/extensions/filter-control/bootstrap-table-filter-control.css",
    ),
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css": (
        "bootstrap-table@1.19.1",
        "dist/extensions/filter-control/bootstrap-table-filter-control.min.css",
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css": (
        "bootstrap-datepicker@1.9.0",
        "dist/css/bootstrap-datepicker.min.css",
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js": (
        "bootstrap-datepicker@1.9.0",
        "dist/js/bootstrap-datepicker.min.js",
    ),
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css": (
        "@forevolve/bootstrap-dark@1.1.0",
        "dist/css/bootstrap-prefers-dark.css",
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": (
        "@fortawesome/fontawesome-free@6.6.0",
        "css/all.min.css",
    ),
    # jsDelivr's floating tags, pinned to their newest match when GX 1.24.1 was measured
    "https://cdn.jsdelivr.net/npm/vega@5": ("vega@5.33.1", "build/vega.min.js"),
    "https://cdn.jsdelivr.net/npm/vega-lite@5": ("vega-lite@5.23.0", "build/vega-lite.min.js"),
    "https://cdn.jsdelivr.net/npm/vega-embed@6": ("vega-embed@6.29.0", "build/vega-embed.min.js"),
}
# Extra folders a package's files need beside them (Font Awesome's CSS loads ../webfonts/*).
EXTRA_DIRS: dict[str, list[str]] = {"@fortawesome/fontawesome-free@6.6.0": ["webfonts"]}

_S3_LOGO = re.compile(
    r"https://great-expectations-web-assets\.s3\.us-east-2\.amazonaws\.com/"
    r"(?:logo-long|full_logo_dark)\.png(?:\?[^\"')\s]*)?"
)
# Chromium CORS-blocks crossorigin scripts from file:// (origin 'null'); the local copies need no SRI.
_SRI = re.compile(r'\s+integrity="sha384-[^"]*"(?:\s+crossorigin="anonymous")?')
_VENDOR = "static/vendor"


def package_dir(spec: str) -> str:
    """The folder name of ``name@version`` under gx_assets/: ``@scope/name@1.0`` -> ``scope-name-1.0``."""
    name, version = spec.rsplit("@", 1)
    return f"{name.lstrip('@').replace('/', '-')}-{version}"


def assets_root() -> Path:
    return Path(str(resources.files("zhqa.reports") / "gx_assets"))


def missing_assets(root: Path | None = None) -> list[str]:
    """Files of :data:`ASSETS` not present under ``root`` (the shipped copy by default)."""
    root = root or assets_root()
    return sorted(
        f"{package_dir(spec)}/{inner}"
        for spec, inner in set(ASSETS.values())
        if not (root / package_dir(spec) / inner).is_file()
    )


def make_offline(site: Path, assets: Path | None = None) -> int:
    """Copy the assets into ``site/static/vendor`` and point every page at them; returns pages rewritten.

    Idempotent: re-run it after every docs build (each build rewrites the pages).
    """
    assets = assets or assets_root()
    missing = missing_assets(assets)
    if missing:
        raise FileNotFoundError(f"GX offline assets missing under {assets}: {', '.join(missing[:3])}")
    vendor = site / _VENDOR
    shutil.copytree(assets, vendor, dirs_exist_ok=True)
    logo = "static/images/logo-long.png"
    pages = 0
    for page in site.rglob("*.html"):
        up = Path(os.path.relpath(site, page.parent)).as_posix()
        text = original = page.read_text(encoding="utf-8")
        for url, (spec, inner) in ASSETS.items():
            text = text.replace(f'"{url}"', f'"{up}/{_VENDOR}/{package_dir(spec)}/{inner}"')
        text = _S3_LOGO.sub(f"{up}/{logo}", _SRI.sub("", text))
        if text != original:
            page.write_text(text, encoding="utf-8")
            pages += 1
    return pages


def remote_urls(site: Path) -> dict[str, list[str]]:
    """http(s) URLs that pages would still *load* (src=/href= of script, link, img), by page."""
    load = re.compile(r"<(?:script|link|img)\b[^>]*?\b(?:src|href)=\"(https?://[^\"]+)\"", re.I)
    out: dict[str, list[str]] = {}
    for page in site.rglob("*.html"):
        found = load.findall(page.read_text(encoding="utf-8"))
        if found:
            out[page.relative_to(site).as_posix()] = found
    return out
