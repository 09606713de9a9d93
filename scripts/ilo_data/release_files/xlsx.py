"""The spreadsheet download: a README sheet, then one sheet per resource (header row + rows).

Every text cell is stored as a string cell (never a formula), and every text cell whose value
starts with = + - or @ also gets Excel's quote prefix, so it stays text even when someone edits
it. Values are otherwise untouched: the sheet holds exactly the CSV's text.
Reproducible: document properties are fixed and the archive is repacked with fixed entry dates.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from .values import typed_rows
from .zipfiles import write_zip

FORMULA_TRIGGERS = ("=", "+", "-", "@")
BOLD = Font(bold=True)


def put(cell, value) -> None:
    """Write a value so that text can never be evaluated."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = TYPE_STRING  # openpyxl would otherwise store "=..." as a formula, "#N/A" as an error
        if value.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True


def _sheet(workbook, title: str, header: list[str], rows) -> None:
    sheet = workbook.create_sheet(title)
    for column, name in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=column)
        put(cell, name)
        cell.font = BOLD
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            if value is not None:
                try:
                    put(sheet.cell(row=row_number, column=column), value)
                except IllegalCharacterError:
                    raise ValueError(f"{title}: row {row_number}, column {header[column - 1]}: a control character XLSX cannot hold") from None
    sheet.freeze_panes = "A2"


def write_xlsx(path: Path, descriptor: dict, tables: dict[str, tuple[dict, list[dict[str, str]]]], date: dt.date) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    readme = [
        [descriptor.get("title") or descriptor.get("name", "")],
        ["version", descriptor.get("version", "")],
        ["released", date.isoformat()],
        ["licence", ", ".join(l.get("name") or l.get("title", "") for l in descriptor.get("licenses", []))],
        [descriptor.get("description", "")],
        ["Empty cells are missing values. Text is stored as text: nothing in this workbook is a formula."],
        [],
        ["sheet", "rows", "primary key", "description"],
    ]
    for name, (schema, rows) in tables.items():
        resource = next((r for r in descriptor["resources"] if r["name"] == name), {})
        key = schema.get("primaryKey", [])
        key = [key] if isinstance(key, str) else key
        readme.append([name, len(rows), ", ".join(key), resource.get("description") or resource.get("title", "")])
    readme += [[], ["sheet", "field", "type", "description"]]
    for name, (schema, _) in tables.items():
        for field in schema["fields"]:
            readme.append([name, field["name"], field.get("type", "string"), field.get("description", "")])
    _sheet(workbook, "README", readme[0], readme[1:])
    for name, (schema, rows) in tables.items():
        header = [f["name"] for f in schema["fields"]]
        _sheet(workbook, name[:31], header, ([row[h] for h in header] for row in typed_rows(schema, rows)))

    moment = dt.datetime.combine(date, dt.time())
    workbook.properties.created = moment
    workbook.properties.modified = moment
    workbook.properties.creator = "ilo-data build"
    workbook.properties.lastModifiedBy = None
    workbook.properties.title = descriptor.get("title")
    buffer = io.BytesIO()
    # ExcelWriter, not Workbook.save: save() stamps the current time into docProps/core.xml.
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        # Keep openpyxl's entry order ([Content_Types].xml first matters to some readers).
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    write_zip(Path(path), entries, date)
