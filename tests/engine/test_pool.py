"""The ordered process pool: order, errors, dead workers, big messages both ways, clean exit."""

from __future__ import annotations

import os
import signal
import time

import pytest

from zhqa.engine.pool import WorkerDied, batched, ordered_map


def _square(state, item):
    if item % 7 == 3:
        time.sleep(0.01)  # out-of-order completion must not reorder the results
    return state * item * item


def test_results_come_back_in_input_order_for_any_jobs():
    want = [2 * i * i for i in range(200)]
    for jobs in (1, 2, 3):
        assert list(ordered_map(_square, range(200), 2, jobs)) == want


def _echo_big(state, item):
    return item * 3  # a result three times the task: both far over a pipe's buffer


def test_big_tasks_and_big_results_do_not_deadlock():
    items = [bytes([i]) * (3 << 20) for i in range(8)]  # 3 MB each way, 9 MB back
    got = list(ordered_map(_echo_big, items, None, 2, window=4))
    assert [len(g) for g in got] == [9 << 20] * 8
    assert [g[:1] for g in got] == [bytes([i]) for i in range(8)]


def _fail_on_five(state, item):
    if item == 5:
        raise ValueError(f"bad item {item}")
    return item


def test_an_exception_in_a_worker_is_raised_in_the_parent():
    got = []
    with pytest.raises(ValueError, match="bad item 5"):
        for r in ordered_map(_fail_on_five, range(20), None, 2):
            got.append(r)
    assert got == [0, 1, 2, 3, 4]  # everything before it, in order


def _die_on_three(state, item):
    if item == 3:
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
    return item


def test_a_killed_worker_stops_the_run_with_a_clear_error_not_a_hang():
    with pytest.raises(WorkerDied, match="stopped unexpectedly"):
        list(ordered_map(_die_on_three, range(10), None, 2))


def _slow(state, item):
    time.sleep(0.05)
    return item


def test_stopping_early_leaves_no_worker_behind():
    before = _children()
    gen = ordered_map(_slow, range(100), None, 2)
    assert next(gen) == 0
    gen.close()  # the consumer stops (an error or an interrupt in the engine)
    assert _children() == before


def _children() -> set[int]:
    pid = os.getpid()
    out = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out |= {int(p) for p in f.read().split()}
        except FileNotFoundError:
            pass
    return out


def test_batched_groups_by_size_and_count():
    assert list(batched(range(7), lambda _: 1, 3, 10)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched(range(5), lambda _: 0, 3, 2)) == [[0, 1], [2, 3], [4]]


def _pid_after(state, seconds):
    time.sleep(seconds)
    return os.getpid()


def test_a_slow_task_does_not_hold_up_the_tasks_after_it():
    """Tasks go to whichever worker is free: the worker with the slow task gets at most
    the one task queued behind it while the other worker runs all the rest."""
    tasks = [1.0] + [0.05] * 10
    pids = list(ordered_map(_pid_after, tasks, None, 2, window=len(tasks)))
    slow = pids[0]
    assert sum(p == slow for p in pids[1:]) <= 1
