"""Sharing one extractor between threads; forking after using threads."""

import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import whosaid
from helpers import TEXTS


def test_thread_pool_shares_one_extractor(ex, texts):
    want = [ex.extract(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(ex.extract, texts * 3))
    assert got == want * 3
    with ThreadPoolExecutor(max_workers=4) as pool:
        futs = [pool.submit(ex.extract_many, texts, 2) for _ in range(4)]
        for f in futs:
            assert f.result() == want


def test_gil_is_released_during_extract_many(ex):
    # While one thread runs a long extract_many, another Python thread keeps
    # running (it could not if the GIL were held).
    big = ["\u201cQuote,\u201d Joe Biden said. " * 200] * 400
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        start = time.perf_counter()
        ex.extract_many(big, threads=1)
        elapsed = time.perf_counter() - start
    finally:
        stop.set()
        t.join()
    during = [x for x in ticks if start <= x <= start + elapsed]
    if elapsed < 0.05:
        pytest.skip(f"extraction too fast ({elapsed:.3f}s) to observe")
    # With the GIL held there would be at most a tick or two.
    assert len(during) >= 5, (len(during), elapsed)


def _child_extracts(conn, texts):
    try:
        ex = whosaid.Extractor()
        conn.send(("ok", ex.extract_many(texts, threads=2)))
    except BaseException as e:  # pragma: no cover - reported to the parent
        conn.send(("error", repr(e)))
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork on this platform")
def test_fork_after_threads(ex, texts):
    want = ex.extract_many(texts, threads=2)  # worker threads have run
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(ex.extract, texts[:10]))
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: use the inherited extractor, with threads, and a new one
        code = 1
        try:
            ok = ex.extract_many(texts, threads=2) == want
            ok = ok and whosaid.Extractor().extract_many(texts, threads=2) == want
            ok = ok and [ex.extract(t) for t in texts] == want
            os.write(w, b"ok" if ok else b"different")
            code = 0
        finally:
            os._exit(code)
    os.close(w)
    deadline = time.time() + 120
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.time() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            pytest.fail("the forked child hung (deadlock after fork?)")
        time.sleep(0.05)
    msg = os.read(r, 100)
    os.close(r)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
    assert msg == b"ok"


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork start method"
)
def test_multiprocessing_fork_pool(ex):
    ex.extract_many(TEXTS, threads=2)
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        got = pool.map(ex.extract, TEXTS, chunksize=2)  # pickles ex to each worker
    assert got == [ex.extract(t) for t in TEXTS]
    parent, child = ctx.Pipe()
    p = ctx.Process(target=_child_extracts, args=(child, TEXTS))
    p.start()
    assert parent.poll(120), "the forked child did not answer"
    status, docs = parent.recv()
    p.join(10)
    assert status == "ok", docs
    assert docs == ex.extract_many(TEXTS)


def test_spawn_pool(ex):
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        got = pool.map(ex.extract, TEXTS[:6])
    assert got == [ex.extract(t) for t in TEXTS[:6]]


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="no setitimer")
def test_signals_interrupt_a_long_batch(ex):
    import signal

    class Stop(Exception):
        pass

    def handler(signum, frame):
        raise Stop

    texts = ["\u201cQuote,\u201d Joe Biden said. Then Assange wrote a letter."] * 200_000
    old = signal.signal(signal.SIGALRM, handler)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        start = time.perf_counter()
        with pytest.raises(Stop):
            ex.extract_many(texts, threads=1)
        # Stopped after the chunk that was running, not at the end.
        assert time.perf_counter() - start < 10
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
