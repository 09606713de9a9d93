"""The catalogue of validation rules, rendered from `ilo_data.validate.rules.RULES`."""
from __future__ import annotations

from . import escape, md
from .context import Context
from .i18n import _


def load_rules() -> tuple[list, str | None]:
    """The RULES registry, or an explanation of why it is not available."""
    try:
        from ..validate.rules import RULES  # the VALIDATOR helper's registry
    except ImportError as error:
        return [], f"the rule registry could not be imported ({error})"
    return list(RULES), None


def page(ctx: Context) -> str:
    rules, problem = load_rules()
    out = [md.front_matter(_("Validation rules")), "# " + _("Validation rules") + f"\n",
           "Every check `ilo-data validate` runs, by layer. Each problem it reports names its rule; "
           "the hint says how to fix it. See [Contributing](contributing.md) for the workflow.\n"]
    if problem:
        out.append(md.none(f"Catalogue not available: {problem}."))
        return "\n".join(out)
    layers: dict[str, list] = {}
    for rule in rules:
        layers.setdefault(getattr(rule, "layer", "") or "other", []).append(rule)
    out.append(md.table(["layer", "rules"], [[escape.text(layer), str(len(items))] for layer, items in layers.items()]))
    for layer, items in layers.items():
        out.append(f"## {escape.text(layer.capitalize())}\n")
        for rule in items:
            name = getattr(rule, "name", "")
            out.append(f"### {escape.text(name)} {{ #rule-{escape.anchor_id(name)} }}\n")
            if getattr(rule, "title", ""):
                out.append(f"**{escape.text_with_code(rule.title)}**\n")
            if getattr(rule, "description", ""):
                out.append(escape.text_with_code(rule.description) + "\n")
            if getattr(rule, "hint", ""):
                out.append(f"*How to fix:* {escape.text_with_code(rule.hint)}\n")
            if getattr(rule, "example", ""):
                out.append(f"Failing example: {escape.code(rule.example)}\n")
    return "\n".join(out)


def write(ctx: Context) -> None:
    ctx.write("rules.md", page(ctx))
