"""Progress on stderr for long runs: at once on a terminal, otherwise only after DELAY seconds."""
from __future__ import annotations

import sys
import time

from .output import shown

DELAY = 5.0        # seconds before a non-terminal stderr hears anything
INTERVAL_TTY = 0.2
INTERVAL_PLAIN = 10.0


class Progress:
    def __init__(self, enabled: bool = True, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = enabled and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.start = self.last = time.monotonic()
        self.shown = False

    def __call__(self, message: str) -> None:
        if not self.enabled:
            return
        message = shown(message)   # file names come from the descriptor
        now = time.monotonic()
        if self.tty:
            if now - self.last >= INTERVAL_TTY or not self.shown:
                self.stream.write(f"\r\033[Kvalidate: {message}")
                self.stream.flush()
                self.last, self.shown = now, True
        elif now - self.start >= DELAY and (not self.shown or now - self.last >= INTERVAL_PLAIN):
            self.stream.write(f"validate: {message} ({now - self.start:.0f} s)\n")
            self.stream.flush()
            self.last, self.shown = now, True

    def done(self) -> None:
        if self.enabled and self.tty and self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
