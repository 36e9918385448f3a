"""An ordered, bounded process pool: results come back in input order, memory stays flat.

Workers are forked and talk to the main process over two pipes each: tasks in,
results out, each message a length-prefixed pickle. The main process writes tasks
and reads results through one ``selectors`` loop with non-blocking pipes, so a
large result never deadlocks against a large task, and no helper thread polls
(``multiprocessing.Pool``'s worker handler spins while a big result is being read,
burning the CPU the workers need). Without ``fork`` it falls back to that Pool.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import pickle
import selectors
import signal
import struct
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_STATE: Any = None
_LEN = struct.Struct("<Q")
_F_SETPIPE_SZ = 1031  # fcntl.F_SETPIPE_SZ (Linux), named in fcntl from Python 3.10


class WorkerDied(RuntimeError):
    """A worker process ended without sending its result (killed, or out of memory)."""


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
    ``state`` (e.g. a plan holding check functions) is inherited, not pickled; an
    exception raised by ``func`` in a worker is raised here.
    """
    if jobs <= 1:
        for item in items:
            yield func(state, item)
        return
    if "fork" not in mp.get_all_start_methods():
        yield from _spawned(func, items, state, jobs, window)
        return
    workers: list[_Worker] = []
    for _ in range(jobs):
        workers.append(_Worker.start(func, state, workers))
    finished = False
    try:
        yield from _Loop(workers).run(items, jobs * window)
        finished = True
    finally:
        for w in workers:
            w.close()
        for w in workers:
            w.wait(kill=not finished)


def _spawned(
    func: Callable[[Any, T], R], items: Iterable[T], state: Any, jobs: int, window: int
) -> Iterator[R]:
    ctx = mp.get_context("spawn")
    with ctx.Pool(jobs, initializer=_init, initargs=(state,)) as pool:
        pending: deque[Any] = deque()
        for item in items:
            pending.append(pool.apply_async(_call, (func, item)))
            if len(pending) >= jobs * window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _frame(obj: Any) -> bytes:
    data = pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)
    return _LEN.pack(len(data)) + data


def _read_exact(fd: int, n: int) -> bytes | None:
    parts, got = [], 0
    while got < n:
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            return None
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def _serve(func: Callable[[Any, Any], Any], state: Any, tasks: int, results: int) -> None:
    """A worker's life: read a task, run it, write ``(ok, value or exception)``; stop at EOF."""
    _init(state)
    while (head := _read_exact(tasks, _LEN.size)) is not None:
        body = _read_exact(tasks, _LEN.unpack(head)[0])
        if body is None:
            break
        try:
            out = _frame((True, func(_STATE, pickle.loads(body))))
        except BaseException as e:  # sent to the parent, which raises it
            try:
                out = _frame((False, e))
            except Exception:  # an exception that does not pickle
                out = _frame((False, RuntimeError(f"{type(e).__name__}: {e}")))
        view = memoryview(out)
        while view:
            view = view[os.write(results, view) :]


class _Worker:
    def __init__(self, pid: int, tasks: int, results: int) -> None:
        self.pid, self.tasks, self.results = pid, tasks, results
        self.outbox = bytearray()  # task bytes not written yet
        self.head = bytearray()  # the length of the result being received, as far as read
        self.body: bytearray | None = None  # that result, ``got`` bytes of it read so far
        self.got = 0
        self.sent: deque[int] = deque()  # the numbers of the tasks it was given, oldest first
        self.done: deque[tuple[bool, Any]] = deque()

    @classmethod
    def start(cls, func: Callable[[Any, Any], Any], state: Any, others: list[_Worker]) -> _Worker:
        import fcntl  # POSIX, like fork

        task_r, task_w = os.pipe()
        res_r, res_w = os.pipe()
        for fd in (task_w, res_r):
            with contextlib.suppress(OSError):  # fewer wake-ups for big messages (Linux; 64 KB by default)
                fcntl.fcntl(fd, _F_SETPIPE_SZ, 1 << 20)
        pid = os.fork()
        if pid == 0:  # the child: serve, then leave without running the parent's cleanups
            code = 0
            try:
                for fd in [task_w, res_r, *(x for o in others for x in (o.tasks, o.results))]:
                    os.close(fd)  # a worker sees EOF when the parent alone closes its task pipe
                _serve(func, state, task_r, res_w)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(task_r)
        os.close(res_w)
        os.set_blocking(task_w, False)
        os.set_blocking(res_r, False)
        return cls(pid, task_w, res_r)

    def read(self) -> None:
        """Read what the result pipe holds into the message being received (no copies)."""
        if self.body is None:
            data = os.read(self.results, _LEN.size - len(self.head))
            if not data:
                raise WorkerDied(_died(self.pid))
            self.head += data
            if len(self.head) == _LEN.size:
                self.body, self.got = bytearray(_LEN.unpack(self.head)[0]), 0
                self.head = bytearray()
            return
        n = os.readv(self.results, [memoryview(self.body)[self.got :]])
        if not n:
            raise WorkerDied(_died(self.pid))
        self.got += n
        if self.got == len(self.body):
            self.done.append(pickle.loads(self.body))
            self.body = None

    def close(self) -> None:
        for fd in (self.tasks, self.results):
            with contextlib.suppress(OSError):
                os.close(fd)

    def wait(self, kill: bool) -> None:
        """Reap the worker (it ends at EOF); one still busy after an error or interrupt is killed."""
        try:
            if kill:
                os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass


class _Loop:
    """Tasks out and results in through one selector. A task goes to a worker with fewer
    than ``_QUEUED`` tasks (so a slow task never holds up the others); results are
    yielded in submission order, at most ``limit`` tasks submitted and not yet yielded."""

    _QUEUED = 2  # per worker: the one it runs and the next, so it never waits for the parent

    def __init__(self, workers: list[_Worker]) -> None:
        self.workers = workers
        self.results: dict[int, tuple[bool, Any]] = {}
        self.sel = selectors.DefaultSelector()
        for w in workers:
            self.sel.register(w.results, selectors.EVENT_READ, w)

    def run(self, items: Iterable[Any], limit: int) -> Iterator[Any]:
        it = iter(items)
        more, sent, given = True, 0, 0
        try:
            while more or given < sent:
                while more and sent - given < limit:
                    w = min(self.workers, key=lambda w: len(w.sent))
                    if len(w.sent) >= self._QUEUED:
                        break
                    item = next(it, _END)
                    if item is _END:
                        more = False
                        break
                    self._send(w, _frame(item))
                    w.sent.append(sent)
                    sent += 1
                if given in self.results:
                    ok, value = self.results.pop(given)
                    given += 1
                    if not ok:
                        raise value
                    yield value
                elif given < sent:
                    self._poll()
        finally:
            self.sel.close()

    def _send(self, w: _Worker, data: bytes) -> None:
        if not w.outbox:
            self.sel.register(w.tasks, selectors.EVENT_WRITE, w)
        w.outbox += data
        self._write(w)

    def _write(self, w: _Worker) -> None:
        try:
            n = os.write(w.tasks, w.outbox)
        except BlockingIOError:
            return
        except BrokenPipeError:
            raise WorkerDied(_died(w.pid)) from None
        del w.outbox[:n]
        if not w.outbox:
            self.sel.unregister(w.tasks)

    def _poll(self) -> None:
        """Wait for the pipes, write what they take and read what they hold."""
        for key, events in self.sel.select():
            w: _Worker = key.data
            if key.fd == w.tasks:
                self._write(w)
            elif events & selectors.EVENT_READ:
                w.read()
                while w.done:
                    self.results[w.sent.popleft()] = w.done.popleft()


_END = object()


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


def _died(pid: int) -> str:
    return f"a worker process (pid {pid}) stopped unexpectedly: killed, or out of memory (try fewer --jobs)"
