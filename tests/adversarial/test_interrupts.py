"""SIGINT/SIGTERM during ``check`` or ``fix``: exit 130/143, one line, no partial output files."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest

ROW = "本报讯 今年以来,全市新增就业岗位1.2万个;其中,制造业占比较高!记者从会上获悉。" * 6


def make_corpus(folder, files=12, rows=3000):
    folder.mkdir()
    for i in range(files):
        with open(folder / f"part-{i:02d}.jsonl", "w", encoding="utf-8") as f:
            for j in range(rows):
                f.write(json.dumps({"id": f"{i}-{j}", "text": f"{j}号：{ROW}"}, ensure_ascii=False) + "\n")


def start(args, cwd):
    return subprocess.Popen(
        [sys.executable, "-m", "zhqa", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _workers_started(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return bool(f.read().split())
    except OSError:
        return False


def interrupt(proc, sig, after=1.0):
    """Signal once the run is under way (its worker pool exists), not while it still imports."""
    deadline = time.monotonic() + 180
    while not _workers_started(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(after)
    assert proc.poll() is None, "finished before the signal: make the corpus bigger"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=300)
    return proc.returncode, err.decode()


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_check_interrupted_leaves_no_output(tmp_path, sig, code):
    make_corpus(tmp_path / "c")
    proc = start(["check", "c", "--format", "json", "--output", "out/report.json", "--jobs", "2"], tmp_path)
    rc, err = interrupt(proc, sig)
    assert rc == code, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_fix_interrupted_leaves_only_complete_files(tmp_path, sig, code):
    make_corpus(tmp_path / "c")
    proc = start(["fix", "c", "--output", "out", "--jobs", "2"], tmp_path)
    rc, err = interrupt(proc, sig, after=2)
    assert rc == code, err
    assert "Traceback" not in err
    out = tmp_path / "out"
    written = sorted(out.iterdir()) if out.exists() else []
    assert all(not p.name.startswith(".") and p.suffix == ".jsonl" for p in written), written
    for p in written:  # every file that exists is whole: one fixed record per input record
        lines = p.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 3000 and all(json.loads(x)["text"] for x in lines)
    assert len(written) < 12, "the run finished before the signal: make the corpus bigger"
