"""Render exposure results as one self-contained HTML document (no scripts, no network)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from mcfwatch.analyse.timeline import relation_verb
from mcfwatch.report.svg import paths_svg

PATTERN_NAMES = {
    "delegation_agreements": "Agreements soon after a government delegation's visit",
    "friendship_city_escalation": "Friendship-city programme escalating",
    "friendship_city_followups": "What followed a friendship-city programme (after it; not shown to be caused by it)",
    "gov_facilitation_mcf": "Government help to a company with MCF links",
}


_USERINFO = re.compile(r"(?P<head>^[A-Za-z][A-Za-z0-9+.-]*://[^/?#@:]*):[^/?#]*@")
_SECRET_PARAM = re.compile(r"(?P<head>[?&](?:password|passwd|pwd|secret|token|sslpassword)=)[^&#]*", re.IGNORECASE)


def redact_url(url: str) -> str:
    """A store URL safe to print: the password in `scheme://user:password@host` and in `password=` query
    parameters replaced by ***. A path (SQLite file) comes back unchanged."""
    return _SECRET_PARAM.sub(r"\g<head>***", _USERINFO.sub(r"\g<head>:***@", url))


def _env() -> Environment:
    env = Environment(loader=PackageLoader("mcfwatch.report", "templates"), autoescape=select_autoescape(["html", "j2"]))
    env.filters["redact_url"] = redact_url
    env.globals["relation_verb"] = relation_verb
    return env


def list_entries(result: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(entity, listing) for the partner and every entity on its paths."""
    out = [(result["partner"]["name"], x) for x in result.get("listings", [])]
    for n in result.get("path_nodes", []):
        if n["name"] != result["partner"]["name"]:
            out += [(n["name"], x) for x in n.get("listings", [])]
    return out


def render_html(
    results: list[dict[str, Any]], title: str, rules_version: str, as_of: str | None,
    lists: list[dict[str, str]], store: str, max_paths: int = 25, max_events: int = 60,
) -> str:
    partners = [{**r, "svg": paths_svg({**r, "paths": r["paths"][:max_paths]}), "list_entries": list_entries(r)}
                for r in results]
    return _env().get_template("report.html.j2").render(
        title=title, partners=partners, rules_version=rules_version, as_of=as_of, lists=lists, store=redact_url(store),
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), max_paths=max_paths, max_events=max_events,
        pattern_names=PATTERN_NAMES,
    )
