"""Run one function in a forked child process while the parent keeps working.

Used to let frictionless (layer 3) read the files while the hygiene and domain layers read them
too: two cores, one wall-clock. The work has a deadline: a check that has not answered by then is
killed (`Deadline`), so a pattern that backtracks for ever cannot hang the validator. Where fork is unavailable (or ILO_VALIDATE_SEQUENTIAL=1), the
caller runs the function in-process instead; results are identical, only slower.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import time
import traceback

CHUNK = 10_000
DEADLINE = 600.0   # seconds; a million rows take about 20 s. ILO_VALIDATE_DEADLINE overrides it.


class Deadline(RuntimeError):
    """The background work did not finish in time and was stopped."""


def deadline() -> float:
    try:
        return max(0.1, float(os.environ.get("ILO_VALIDATE_DEADLINE", DEADLINE)))
    except ValueError:
        return DEADLINE


def available() -> bool:
    if os.environ.get("ILO_VALIDATE_SEQUENTIAL") == "1" or (os.cpu_count() or 1) < 2:
        return False
    return "fork" in multiprocessing.get_all_start_methods()


def _child(conn, fn, args) -> None:
    try:
        result = fn(*args)
        if not isinstance(result, list):
            conn.send(("value", result))
            return
        for start in range(0, len(result), CHUNK):
            conn.send(("part", result[start:start + CHUNK]))
        conn.send(("done", None))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which decides
        conn.send(("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}"))
    finally:
        conn.close()


class Background:
    """fn(*args), computed in a forked process; `result()` collects it, `cancel()` drops it.
    A list travels in chunks; any other (picklable) value in one message."""

    def __init__(self, fn, *args) -> None:
        for stream in (sys.stdout, sys.stderr):   # else the child would write out the parent's pending output again
            stream.flush()
        context = multiprocessing.get_context("fork")
        self.conn, child_conn = context.Pipe(duplex=False)
        self.process = context.Process(target=_child, args=(child_conn, fn, args), daemon=True)
        self.process.start()
        self.started = time.monotonic()
        child_conn.close()

    def result(self, seconds: float | None = None):
        """What fn returned, or Deadline when the work has not finished `seconds` after it started."""
        limit = self.started + (deadline() if seconds is None else seconds)
        items: list = []
        try:
            while True:
                if not self.conn.poll(max(0.0, limit - time.monotonic())):
                    self.process.kill()
                    raise Deadline(f"did not finish within {limit - self.started:.0f} s")
                kind, payload = self.conn.recv()
                if kind == "part":
                    items.extend(payload)
                elif kind == "done":
                    return items
                elif kind == "value":
                    return payload
                else:
                    raise RuntimeError(f"background check failed: {payload.splitlines()[0]}")
        except (EOFError, pickle.UnpicklingError) as exc:
            raise RuntimeError(f"background check ended unexpectedly (exit code {self.process.exitcode})") from exc
        finally:
            self.conn.close()
            self.process.join(timeout=5)

    def cancel(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()
