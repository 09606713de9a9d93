"""Bytes to text lines, with the byte-level hygiene checks (part of layer 2).

Reads a file in 512 KB chunks and yields blocks of whole lines as (first line number, [lines]);
every line ends with "\\n". A block ends where a CSV record ends (an even number of quote
characters so far), so a CSV reader can start afresh on each block. Clean blocks take a fast
path (one decode and one split per block); a block with a NUL, a bad UTF-8 byte or a CR is
re-read line by line to say exactly where. A NUL ends the reading, but the lines before it in
its block are still handed on: every check sees the same lines, numbered the same way. A line longer than MAX_LINE is reported and skipped
without ever being held in memory.
"""
from __future__ import annotations

import io
import re

MAX_LINE = 1_000_000
CHUNK = 1 << 19               # below MAX_LINE: a block over MAX_LINE bytes must hold a long line
MAX_PENDING = 32 * CHUNK      # a block held back for an open quote is flushed past this size
BOM = b"\xef\xbb\xbf"
# Control characters other than LF, CR (lf-only) and NUL (binary-content): C0, DEL and, in UTF-8, C1.
CONTROL_BYTES = re.compile(rb"[\x01-\x09\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")


class LineReader:
    def __init__(self, handle, report, quotechar: str = '"') -> None:
        self.handle = handle
        self.report = report          # report(line, rule, message)
        self.quote_bytes = quotechar.encode("utf-8")
        self.fatal = False            # the file cannot be read reliably
        self.crlf = [0, 0]            # lines with CRLF, first such line
        self.controls = False         # the block just yielded holds a control character: check its cells
        self.stopped = False          # reading ended before the end of the file (binary content)

    # raw blocks of whole lines ------------------------------------------------------------
    def _raw_blocks(self):
        """(first line number, bytes of whole lines); giant lines reported and skipped."""
        read, carry, lineno = self.handle.read, b"", 0
        while True:
            data = read(CHUNK)
            if not data:
                break
            data = carry + data if carry else data
            cut = data.rfind(b"\n") + 1
            block, carry = data[:cut], data[cut:]
            if block:
                if len(block) > MAX_LINE:
                    yield from self._split_giants(block, lineno + 1)
                else:
                    yield lineno + 1, block
                lineno += block.count(b"\n")
            if len(carry) > MAX_LINE:               # a giant line: skip to its end, chunk by chunk
                lineno += 1
                self.report(lineno, "line-too-long", f"line longer than {MAX_LINE} bytes (skipped)")
                self.fatal = True
                carry = self._skip_to_newline()
        if carry:
            yield lineno + 1, carry

    def _skip_to_newline(self) -> bytes:
        while True:
            data = self.handle.read(CHUNK)
            if not data:
                return b""
            cut = data.find(b"\n")
            if cut >= 0:
                return data[cut + 1:]

    def _split_giants(self, block: bytes, first: int):
        """A block over MAX_LINE bytes may hold a giant line: pass the others on, report it."""
        for offset, line in enumerate(block.split(b"\n")[:-1]):
            if len(line) > MAX_LINE:
                self.report(first + offset, "line-too-long", f"line longer than {MAX_LINE} bytes (skipped)")
                self.fatal = True
            else:
                yield first + offset, line + b"\n"

    # text blocks ---------------------------------------------------------------------------------
    def blocks(self):
        """(first line number, [text lines]) ending on CSV record boundaries."""
        pending: list[str] = []
        pending_first, quotes, size = 0, 0, 0
        first_block = True
        for first, raw in self._raw_blocks():
            if first_block:
                first_block = False
                if raw.startswith(BOM):
                    self.report(1, "no-bom", "file starts with a UTF-8 byte-order mark")
                    raw = raw[3:]
            lines = self._decode(first, raw)
            if not pending:
                pending_first = first
                self.controls = False
            self.controls = self.controls or CONTROL_BYTES.search(raw) is not None   # one scan per block
            pending.extend(lines)
            size += len(raw)
            quotes += raw.count(self.quote_bytes)
            if self.stopped:             # binary: the lines before the NUL, then no more
                break
            if quotes % 2 == 0 or size > MAX_PENDING:
                yield pending_first, pending
                pending, quotes, size = [], 0, 0
        if pending:
            yield pending_first, pending

    def _decode(self, first: int, raw: bytes) -> list[str]:
        """The block's lines; at a NUL, the lines before it, and `stopped` is set."""
        if b"\x00" not in raw and b"\r" not in raw and raw.endswith(b"\n"):
            try:
                return io.StringIO(raw.decode("utf-8"), newline="\n").readlines()   # the fast path
            except UnicodeDecodeError:
                pass
        out = []
        for offset, line in enumerate(raw.split(b"\n")[:-1] if raw.endswith(b"\n") else raw.split(b"\n")):
            lineno = first + offset
            text = self._line(lineno, line)
            if text is None:
                self.stopped = True
                return out
            out.append(text)
        if not raw.endswith(b"\n"):
            self.report(first + len(out) - 1, "final-newline", "no newline at end of file")
        return out

    def _line(self, lineno: int, line: bytes) -> str | None:
        """One line without its LF: checked, repaired for the reader, returned with "\\n"."""
        if b"\x00" in line:
            self.report(lineno, "binary-content", "NUL byte: binary content, not CSV text (the rest of the file is not read)")
            self.fatal = True
            return None
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.report(lineno, "utf-8", f"invalid UTF-8 byte 0x{line[exc.start]:02x} at byte {exc.start + 1} of the line")
            self.fatal = True
            text = line.decode("utf-8", "replace")
        if text.endswith("\r"):
            self.crlf[0] += 1
            self.crlf[1] = self.crlf[1] or lineno
            text = text[:-1]
        if "\r" in text:
            self.report(lineno, "lf-only", "stray carriage return (CR) inside the line")
            text = text.replace("\r", "")
        return text + "\n"

    def finish(self) -> None:
        if self.crlf[0]:
            self.report(self.crlf[1], "lf-only", f"CRLF line endings ({self.crlf[0]} lines, first at line {self.crlf[1]})")
