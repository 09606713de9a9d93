"""Layer 2, file hygiene: one streaming pass over each CSV file.

lines.py checks the bytes (UTF-8, BOM, line endings, NUL, giant lines); this module checks the
records: the header, blank and ragged rows, padded cells and canonical quoting, and hands every
data record (record number, line, cells) to a callback so the Table Schema and domain layers
reuse this parse. Memory stays flat: a block of lines at a time, plus 4 bytes per record for the
map from record numbers (what frictionless counts) to physical lines (what editors show).
"""
from __future__ import annotations

import csv
import re
from array import array
from dataclasses import dataclass, field
from typing import Callable

from .descriptor import ResourceSpec
from .lines import MAX_LINE, LineReader
from .problems import Problems

csv.field_size_limit(32 * MAX_LINE)
# The characters of lines.CONTROL_BYTES, as text: no cell holds one (XLSX cannot, terminals obey them).
CONTROL = re.compile("[\x01-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# A callback gets (record number, line, cells): cells padded or cut to the header's length.
RecordSink = Callable[[int, int, list], None]


class _Echo:
    """csv.writer's writerow returns what write returns: here, the formatted record itself."""

    @staticmethod
    def write(text: str) -> str:
        return text


@dataclass
class FileScan:
    rel: str
    fatal: bool = False             # the file cannot be parsed reliably: later layers skip it
    header_ok: bool = False
    complete: bool = False          # read to its end (not stopped by binary content)
    records: int = 0                # CSV records including the header and blank ones
    rows: int = 0                   # data rows handed to the callback
    record_lines: array = field(default_factory=lambda: array("I"))  # record n (1 = header) -> its first line
    bad_records: set = field(default_factory=set)    # record numbers whose cells are misaligned (ragged, bad quote)
    blank_records: set = field(default_factory=set)

    def line_of_record(self, number: int | None) -> int | None:
        if number is None or number < 1:
            return None
        return self.record_lines[number - 1] if number <= len(self.record_lines) else None


class _Scanner:
    def __init__(self, res: ResourceSpec, problems: Problems, sink: RecordSink | None, tick) -> None:
        self.res, self.problems, self.sink, self.tick = res, problems, sink, tick
        self.scan = FileScan(rel=res.rel)
        dialect = res.dialect or {}
        self.delimiter = dialect.get("delimiter", ",") if isinstance(dialect.get("delimiter", ","), str) else ","
        self.quotechar = dialect.get("quoteChar", '"') if isinstance(dialect.get("quoteChar", '"'), str) else '"'
        if len(self.delimiter) != 1 or len(self.quotechar) != 1:
            self.delimiter, self.quotechar = ",", '"'

    def add(self, line, rule, message, **kw):
        self.problems.add(self.res.rel, line, rule, message, **kw)

    def run(self) -> FileScan:
        scan, res = self.scan, self.res
        try:
            handle = open(res.file, "rb")
        except OSError as exc:
            self.add(None, "missing-file", f"cannot open: {exc.strerror or exc}")
            scan.fatal = True
            return scan
        with handle:
            if handle.read(1) == b"":
                self.add(None, "empty-file", "file is empty (not even a header line)")
                scan.fatal = True
                return scan
            handle.seek(0)
            reader = LineReader(handle, self.add, self.quotechar)
            for first, lines in reader.blocks():
                self.records(first, lines, reader.controls)
            reader.finish()
            scan.fatal = scan.fatal or reader.fatal
            scan.complete = not reader.stopped
        if scan.records == 0 and not scan.fatal:
            self.add(None, "empty-file", "no header line")
            scan.fatal = True
        return scan

    def records(self, first: int, lines: list[str], controls: bool = False) -> None:
        """Check the records of one block of whole records (a fresh CSV reader per block)."""
        scan, names, add = self.scan, self.res.field_names, self.add
        width = len(names)
        reader = csv.reader(lines, delimiter=self.delimiter, quotechar=self.quotechar, strict=False)
        writer = csv.writer(_Echo(), delimiter=self.delimiter, quotechar=self.quotechar, lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL)
        writerow, record_lines, sink, quote, tick = writer.writerow, scan.record_lines, self.sink, self.quotechar, self.tick
        header_ok = scan.header_ok
        strip = str.strip
        done = 0                                   # lines of the block consumed so far
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                add(first + done, "csv-syntax", f"CSV syntax: {exc}")
                scan.fatal = True
                done = reader.line_num
                continue
            end = reader.line_num
            raw = lines[done] if end - done == 1 else "".join(lines[done:end])
            line = first + done
            done = end
            scan.records += 1
            number = scan.records
            record_lines.append(line)
            if number == 1:
                self.header(cells, names, line)
                header_ok = scan.header_ok
                if cells and writerow(cells) != raw:
                    self.not_canonical(line, cells, raw, writerow, names)
                continue
            if not cells or not any(cells):
                add(line, "blank-row", "blank row" if cells else "empty line")
                scan.blank_records.add(number)
                continue
            if quote in raw and raw.count(quote) % 2:
                add(line, "csv-syntax", "unbalanced quote: this record may swallow the lines after it")
                scan.fatal = True
                scan.bad_records.add(number)
                continue
            if writerow(cells) != raw:
                self.not_canonical(line, cells, raw, writerow, names)
            if len(cells) != width:
                add(line, "ragged-row", f"{len(cells)} cells, the header has {width}")
                scan.bad_records.add(number)      # cells cannot be trusted (misaligned): the row fails its table
                cells = (cells + [""] * width)[:width]
            if controls:
                self.control_characters(line, cells, names)
            if list(map(strip, cells)) != cells:
                for name, cell in zip(names, cells):
                    if cell != cell.strip():
                        add(line, "padded-cell", "leading or trailing whitespace", field=name, value=cell)
            if sink is not None and header_ok:
                scan.rows += 1
                sink(number, line, cells)
            if tick is not None and not number & 0xFFFF:
                tick(f"{self.res.rel}: {number:,} rows")

    def control_characters(self, line: int, cells: list, names: list) -> None:
        for name, cell in zip(names, cells):
            found = CONTROL.search(cell)
            if found:
                self.add(line, "no-control-characters",
                         f"control character U+{ord(found.group()):04X} in the cell", field=name, value=cell)

    def not_canonical(self, line: int, cells: list, raw: str, writerow, names: list) -> None:
        """Name the first cell written differently from csv.writer's QUOTE_MINIMAL form."""
        pos = 0
        for i, cell in enumerate(cells):
            token = writerow([cell])[:-1] if cell else ""
            sep = self.delimiter if i < len(cells) - 1 else "\n"
            if raw.startswith(token + sep, pos):
                pos += len(token) + 1
                continue
            name = names[i] if i < len(names) else f"cell {i + 1}"
            if raw.startswith(self.quotechar, pos) and not token.startswith(self.quotechar):
                why = "quoted, but needs no quotes"
            elif token.startswith(self.quotechar):
                why = "quoted differently from the canonical form " + token[:60]
            else:
                why = "written differently from the canonical form"
            self.add(line, "canonical-quoting", why, field=name, value=cell)
            return
        self.add(line, "canonical-quoting", "record not written in canonical form")

    def header(self, cells: list, names: list, line: int) -> None:
        if cells == names:
            self.scan.header_ok = True
            return
        if not cells:
            self.add(line, "header", "the first line is empty: it must be the header")
        else:
            for i, (want, got) in enumerate(zip(names, cells), start=1):
                if want != got:
                    self.add(line, "header", f'expected "{want}" in column {i}, found "{got}"')
                    break
            else:
                if len(cells) < len(names):
                    self.add(line, "header", f"missing columns: {', '.join(names[len(cells):])}")
                else:
                    self.add(line, "header", f"extra columns: {', '.join(cells[len(names):])}")
        self.scan.fatal = True


def scan_file(res: ResourceSpec, problems: Problems, sink: RecordSink | None = None, tick=None) -> FileScan:
    """Check one CSV file's hygiene in a single streaming pass; feed data rows to `sink`."""
    return _Scanner(res, problems, sink, tick).run()


def reread(res: ResourceSpec, sink: RecordSink) -> None:
    """Feed the data rows to `sink` once more, through the same reader as `scan_file`, for the rare
    check that needs a second look (a duplicate key, a reference to an invalid row): the records,
    their numbers and their lines are the ones the first pass saw, whatever the line endings or
    stray bytes. Its problems were reported by the first pass and are not reported again."""
    _Scanner(res, Problems(), sink, None).run()
