"""Reports for committees: one partner or a whole partner list, as HTML or PDF, every claim quoted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mcfwatch.errors import InputError
from mcfwatch.files import atomic_path
from mcfwatch.report.html import render_html
from mcfwatch.report.pdf import write_pdf

HTML_SUFFIXES = {".html", ".htm"}


def build_results(analyst: Any, names: list[str],
                  other_names: dict[str, list[str]] | None = None) -> list[dict[str, Any]]:
    """Each partner's exposure, with the name it was asked by (``asked``: the partner file's, which the stored
    entity found for it may caption otherwise) and, when no list entry is linked to it, its screening leads: by
    its name, else by its other names in the partner file (the Chinese name beside a former English name)."""
    out = []
    screener = None
    for name in names:
        result = {**analyst.exposure(name), "asked": name}
        if not result.get("listings"):
            if screener is None:
                from mcfwatch.resolve.screen import default_screener

                screener = default_screener(analyst.as_of)
            leads = screening_leads(screener.screen(name))
            for other in (other_names or {}).get(name, []) if not leads else []:
                leads = [{**lead, "via": other} for lead in screening_leads(screener.screen(other))]
                if leads:
                    break
            result["screening_leads"] = leads
        out.append(result)
    return out


def screening_leads(result: Any) -> list[dict[str, Any]]:
    """What screening (threshold 0.70) finds for a partner no list entry is linked to (linking needs 0.85): a
    match below the link threshold, or a related entry (a school or lab of a listed university: sub-unit; a
    listed member of a group; the same name listed for another country). A committee was told "matches no entry
    of the lists consulted" for "School of Astronautics, Beihang University", which `screen` reports at 0.70 as
    Beihang (Entity List and five more), and for a school `screen` calls a sub-unit of NWPU."""
    leads = [{"relation": "possible match", "score": h.score, "list_title": h.list_title, "list_version": h.list_version,
              "entry_name": h.entry_name, "entry_id": h.entry_id, "matched_name": h.matched_name}
             for h in result.hits]
    leads += [{"relation": h.relation or "related", "score": h.score, "list_title": h.list_title,
               "list_version": h.list_version, "entry_name": h.entry_name, "entry_id": h.entry_id,
               "matched_name": h.matched_name} for h in result.related]
    return leads


def write_report(analyst: Any, names: list[str], out: Path, pdf: bool = False,
                 other_names: dict[str, list[str]] | None = None) -> Path:
    """Write the report for these partners to out (.html, or PDF when pdf or out ends in .pdf)."""
    out = Path(out)
    if out.parent and not out.parent.exists():
        raise InputError(str(out), f"the folder {out.parent} does not exist")
    pdf = pdf or out.suffix.lower() == ".pdf"
    if pdf and out.suffix.lower() != ".pdf":
        out = out.with_suffix(".pdf")
    if not pdf and out.suffix.lower() not in HTML_SUFFIXES:  # HTML under report.docx opens as a broken file
        raise InputError(str(out), f"a report is HTML or PDF: name the output .html or .pdf (or add --pdf), "
                                   f"not {out.suffix or 'a name without a suffix'}")
    results = build_results(analyst, names, other_names)
    title = f"MCF exposure: {names[0]}" if len(names) == 1 else f"MCF exposure dossier: {len(names)} partners"
    html = render_html(results, title, analyst.rules.version, analyst.as_of, analyst.list_versions(), str(analyst.store.url if analyst.store else "(in memory)"))
    with atomic_path(out) as tmp:  # a killed run leaves no half-written report under the name asked for
        if pdf:
            write_pdf(html, tmp)
        else:
            tmp.write_text(html, encoding="utf-8")
    return out


__all__ = ["build_results", "render_html", "screening_leads", "write_report"]
