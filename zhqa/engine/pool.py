"""An ordered, bounded process pool: results come back in input order, memory stays flat."""

from __future__ import annotations

import multiprocessing as mp
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_STATE: Any = None


def _init(state: Any) -> None:
    global _STATE
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles interrupts, once
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _STATE = state


def _call(func: Callable[[Any, T], R], item: T) -> R:
    return func(_STATE, item)


def ordered_map(
    func: Callable[[Any, T], R], items: Iterable[T], state: Any, jobs: int, window: int = 3
) -> Iterator[R]:
    """``func(state, item)`` for each item, in order; at most ``jobs * window`` items in flight.

    With ``jobs == 1`` everything runs in this process. Workers are forked, so
    ``state`` (e.g. a plan holding check functions) is inherited, not pickled.
    """
    if jobs <= 1:
        for item in items:
            yield func(state, item)
        return
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    with ctx.Pool(jobs, initializer=_init, initargs=(state,)) as pool:
        pending: deque[Any] = deque()
        for item in items:
            pending.append(pool.apply_async(_call, (func, item)))
            if len(pending) >= jobs * window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def batched(
    items: Iterable[T], size_of: Callable[[T], int], max_size: int, max_count: int
) -> Iterator[list[T]]:
    """Group items into lists of at most ``max_count`` items or about ``max_size`` units."""
    batch: list[T] = []
    size = 0
    for item in items:
        batch.append(item)
        size += size_of(item)
        if size >= max_size or len(batch) >= max_count:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
