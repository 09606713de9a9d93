"""The canonical CSV form: UTF-8, LF, comma, minimal quoting, header = schema field order."""
from __future__ import annotations

import csv
import io


def csv_text(field_names: list[str], rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(field_names)
    for row in rows:
        writer.writerow([row.get(name, "") for name in field_names])
    return buffer.getvalue()

