"""Run one function in a forked child process while the parent keeps working.

Used to let frictionless (layer 3) read the files while the hygiene and domain layers read them
too: two cores, one wall-clock. Where fork is unavailable (or ILO_VALIDATE_SEQUENTIAL=1), the
caller runs the function in-process instead; results are identical, only slower.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback

CHUNK = 10_000


def available() -> bool:
    if os.environ.get("ILO_VALIDATE_SEQUENTIAL") == "1" or (os.cpu_count() or 1) < 2:
        return False
    return "fork" in multiprocessing.get_all_start_methods()


def _child(conn, fn, args) -> None:
    try:
        result = fn(*args)
        items = result if isinstance(result, list) else [result]
        for start in range(0, len(items), CHUNK):
            conn.send(("part", items[start:start + CHUNK]))
        conn.send(("done", None))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which decides
        conn.send(("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}"))
    finally:
        conn.close()


class Background:
    """fn(*args) -> list, computed in a forked process; `result()` collects it, `cancel()` drops it."""

    def __init__(self, fn, *args) -> None:
        context = multiprocessing.get_context("fork")
        self.conn, child_conn = context.Pipe(duplex=False)
        self.process = context.Process(target=_child, args=(child_conn, fn, args), daemon=True)
        self.process.start()
        child_conn.close()

    def result(self) -> list:
        items: list = []
        try:
            while True:
                kind, payload = self.conn.recv()
                if kind == "part":
                    items.extend(payload)
                elif kind == "done":
                    return items
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
