"""Regenerate zhqa/reports/gx_assets/ (the offline GX Data Docs assets) from npm.

    python tools/fetch_gx_assets.py [--dest DIR]

``npm pack`` downloads each package at its exact version from the npm registry and
checks its integrity; only the files the Data Docs pages load (plus each package's
licence and package.json, and Font Awesome's webfonts) are kept.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zhqa.reports.gx_offline import ASSETS, EXTRA_DIRS, package_dir  # noqa: E402

# package.json too: it names the licence (popper.js and vega ship no licence file) and the version
LICENCES = ("LICENSE", "LICENSE.txt", "LICENSE.md", "LICENCE", "license", "package.json")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dest", type=Path, default=ROOT / "zhqa" / "reports" / "gx_assets")
    args = ap.parse_args()
    specs = sorted({spec for spec, _ in ASSETS.values()})
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", "--silent", *specs], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        if args.dest.exists():
            shutil.rmtree(args.dest)
        for spec in specs:
            want = {inner for s, inner in ASSETS.values() if s == spec}
            dirs = tuple(f"{d}/" for d in EXTRA_DIRS.get(spec, []))
            tgz = Path(tmp) / f"{package_dir(spec)}.tgz"
            with tarfile.open(tgz) as tf:
                for m in tf.getmembers():
                    rel = m.name.removeprefix("package/")
                    if m.isfile() and (rel in want or rel in LICENCES or rel.startswith(dirs)):
                        out = args.dest / package_dir(spec) / rel
                        out.parent.mkdir(parents=True, exist_ok=True)
                        out.write_bytes(tf.extractfile(m).read())  # type: ignore[union-attr]
    files = [p for p in args.dest.rglob("*") if p.is_file()]
    print(f"{len(files)} files, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB in {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
