"""A tiny SVG writer: every text and attribute value goes through escape.xml."""
from __future__ import annotations

from .escape import xml

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
PALETTE = ["#1f77b4", "#d35400", "#2e7d32", "#d62728", "#7b3294", "#8c564b", "#c2185b", "#5f5f5f", "#827717", "#00838f"]


def _attrs(attrs: dict) -> str:
    return "".join(f' {k.rstrip("_").replace("_", "-")}="{xml(v)}"' for k, v in attrs.items() if v is not None)


class Svg:
    def __init__(self, width: int, height: int, title: str, desc: str = ""):
        self.width, self.height = width, height
        self.parts = [f"<title>{xml(title)}</title>"]
        if desc:
            self.parts.append(f"<desc>{xml(desc)}</desc>")

    def rect(self, x, y, w, h, tip: str | None = None, **attrs) -> None:
        inner = f"<title>{xml(tip)}</title>" if tip else ""
        self.parts.append(f"<rect{_attrs(dict(x=_n(x), y=_n(y), width=_n(w), height=_n(h), **attrs))}>{inner}</rect>")

    def line(self, x1, y1, x2, y2, **attrs) -> None:
        self.parts.append(f"<line{_attrs(dict(x1=_n(x1), y1=_n(y1), x2=_n(x2), y2=_n(y2), **attrs))}/>")

    def polyline(self, points: list[tuple[float, float]], tip: str | None = None, **attrs) -> None:
        pts = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
        inner = f"<title>{xml(tip)}</title>" if tip else ""
        self.parts.append(f"<polyline{_attrs(dict(points=pts, fill='none', **attrs))}>{inner}</polyline>")

    def circle(self, cx, cy, r, tip: str | None = None, **attrs) -> None:
        inner = f"<title>{xml(tip)}</title>" if tip else ""
        self.parts.append(f"<circle{_attrs(dict(cx=_n(cx), cy=_n(cy), r=_n(r), **attrs))}>{inner}</circle>")

    def text(self, x, y, content: str, size: int = 12, anchor: str = "start", **attrs) -> None:
        self.parts.append(f"<text{_attrs(dict(x=_n(x), y=_n(y), font_size=size, text_anchor=anchor, **attrs))}>{xml(content)}</text>")

    def render(self) -> str:
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" height="{self.height}" '
                f'viewBox="0 0 {self.width} {self.height}" role="img" font-family="{xml(FONT)}">')
        body = "\n".join(self.parts)
        return f'<?xml version="1.0" encoding="UTF-8"?>\n{head}\n<rect width="100%" height="100%" fill="#ffffff"/>\n{body}\n</svg>\n'


def _n(value) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
