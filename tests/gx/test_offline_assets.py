"""The shipped offline assets and the page rewrite (no GX needed)."""

from __future__ import annotations

from zhqa.reports.gx_offline import (
    ASSETS,
    assets_root,
    make_offline,
    missing_assets,
    package_dir,
    remote_urls,
)

PAGE = """<html><head>
<link href="https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css" rel="stylesheet">
<script src="https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js" integrity="sha384-abc" crossorigin="anonymous"></script>
<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>
</head><body><img src="https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/logo-long.png?d=1">
<a href="https://docs.greatexpectations.io/">docs</a></body></html>"""


def test_every_cdn_asset_ships_with_its_licence_record():
    assert missing_assets() == []
    for spec in {s for s, _ in ASSETS.values()}:
        folder = assets_root() / package_dir(spec)
        assert (folder / "package.json").is_file(), spec
    fonts = assets_root() / package_dir("@fortawesome/fontawesome-free@6.6.0") / "webfonts"
    assert any(fonts.glob("fa-solid-900.*"))


def test_pages_at_any_depth_point_at_the_local_copies(tmp_path):
    site = tmp_path / "site"
    deep = site / "validations" / "suite" / "run"
    deep.mkdir(parents=True)
    for p in (site / "index.html", deep / "v.html"):
        p.write_text(PAGE, encoding="utf-8")
    assert remote_urls(site).keys() == {"index.html", "validations/suite/run/v.html"}
    assert make_offline(site) == 2
    assert remote_urls(site) == {}
    top, inner = (site / "index.html").read_text(), (deep / "v.html").read_text()
    assert '"./static/vendor/bootstrap-4.3.1/dist/css/bootstrap.min.css"' in top
    assert '"../../../static/vendor/vega-5.33.1/build/vega.min.js"' in inner
    assert "integrity=" not in inner and "crossorigin" not in inner  # file:// pages cannot use SRI+CORS
    assert "../../../static/images/logo-long.png" in inner
    assert 'href="https://docs.greatexpectations.io/"' in inner  # a link, never fetched: left alone
    assert (site / "static/vendor/jquery-3.7.1/dist/jquery.min.js").is_file()
    assert make_offline(site) == 0  # idempotent
