"""The exposure paths of one partner drawn as an SVG picture (no JavaScript, no network).

Layout: the partner on the left; every other node in the column of its fewest hops from the partner;
nodes coloured by role (partner, military body, listed, MCF-linked, other); each edge labelled with its
kind and date, and numbered with the paths it belongs to.
"""

from __future__ import annotations

import textwrap
from html import escape
from typing import Any

from mcfwatch.analyse.timeline import relation_verb

COL_W, BOX_W, BOX_H, ROW_H, PAD = 330, 170, 54, 96, 20
MAX_W = 680
COLOURS = {  # fill, stroke, text
    "partner": ("#1f4e99", "#123063", "#ffffff"),
    "military": ("#b3261e", "#7a140f", "#ffffff"),
    "listed": ("#7b1fa2", "#4a0f63", "#ffffff"),
    "mcf": ("#f2a33a", "#a8650b", "#1a1a1a"),
    "other": ("#e8ecf2", "#8a96a8", "#1a1a1a"),
}
LEGEND = (("partner", "partner"), ("military", "military body"), ("listed", "on a watch list"),
          ("mcf", "MCF-linked"), ("other", "other"))


def role_of(node: dict[str, Any], partner: str) -> str:
    if node["name"] == partner:
        return "partner"
    roles = node.get("roles", [])
    for r in ("military", "listed", "mcf"):
        if r in roles:
            return r
    return "other"


def _box(x: float, y: float, name: str, role: str) -> str:
    fill, stroke, ink = COLOURS[role]
    lines = textwrap.wrap(name, 24)[:2] or [""]
    if len(textwrap.wrap(name, 24)) > 2:
        lines[-1] = lines[-1][:21] + "…"
    ty = y + BOX_H / 2 - (len(lines) - 1) * 7 + 4
    text = "".join(
        f'<text x="{x + BOX_W / 2:.0f}" y="{ty + i * 14:.0f}" text-anchor="middle" fill="{ink}" '
        f'font-size="12" font-family="DejaVu Sans, Arial, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif">{escape(line)}</text>'
        for i, line in enumerate(lines)
    )
    return (f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="8" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="1.5"/>{text}')


def paths_svg(result: dict[str, Any]) -> str:
    partner = result["partner"]["name"]
    nodes = {n["name"]: n for n in result.get("path_nodes", [])}
    col: dict[str, int] = {partner: 0}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for i, path in enumerate(result["paths"], 1):
        for k, h in enumerate(path["hops"], 1):
            col[h["target"]] = min(col.get(h["target"], k), k)
            key = (h["source"], h["target"], h["edge"])
            edges.setdefault(key, {"hop": h, "paths": []})["paths"].append(i)
    columns: dict[int, list[str]] = {}
    for name, c in col.items():
        columns.setdefault(c, []).append(name)
    rows = max(len(v) for v in columns.values())
    width = max(PAD * 2 + (max(columns) * COL_W) + BOX_W, 640)
    height = PAD * 2 + rows * ROW_H - (ROW_H - BOX_H) + 44
    scale = min(1.0, MAX_W / width)  # fit an A4 page's text width; the viewBox keeps the drawing whole
    pos: dict[str, tuple[float, float]] = {}
    for c, names in columns.items():
        off = (rows - len(names)) * ROW_H / 2
        for r, name in enumerate(names):
            pos[name] = (PAD + c * COL_W, PAD + off + r * ROW_H)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="paths" width="{width * scale:.0f}" height="{height * scale:.0f}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="Exposure paths of {escape(partner)}">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>']
    for (a, b, _), info in edges.items():
        (x1, y1), (x2, y2) = pos[a], pos[b]
        sx, sy, tx, ty = x1 + BOX_W, y1 + BOX_H / 2, x2, y2 + BOX_H / 2
        if x2 <= x1:  # an edge back to an earlier column: route it below the boxes
            sx, tx = x1 + BOX_W / 2, x2 + BOX_W / 2
            sy, ty = y1 + BOX_H, y2 + BOX_H
        h = info["hop"]
        lines = textwrap.wrap(relation_verb(h["type"], h.get("direction") != "reverse"), 30)
        if h["subtype"]:
            lines.append(f"({h['subtype'].replace('_', ' ')})")
        lines.append(f"{h['date'] or 'undated'} · path {','.join(map(str, info['paths'][:4]))}")
        mx, my = (sx + tx) / 2, (sy + ty) / 2
        parts.append(f'<line x1="{sx:.0f}" y1="{sy:.0f}" x2="{tx:.0f}" y2="{ty:.0f}" stroke="#555" '
                     f'stroke-width="1.6" marker-end="url(#arrow)"/>')
        for i, line in enumerate(lines):
            dy = (len(lines) - i) * 12 + 2
            parts.append(f'<text x="{mx:.0f}" y="{my - dy + 10:.0f}" text-anchor="middle" font-size="10" '
                         f'fill="{"#222" if i < len(lines) - 1 else "#555"}" '
                         f'font-family="DejaVu Sans, Arial, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif">{escape(line[:30])}</text>')
    for name, (x, y) in pos.items():
        parts.append(_box(x, y, name, role_of(nodes.get(name, {"name": name}), partner)))
    if not result["paths"]:
        parts.append(f'<text x="{PAD + BOX_W + 20}" y="{PAD + BOX_H / 2 + 4:.0f}" font-size="12" fill="#444" '
                     'font-family="DejaVu Sans, Arial, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif">no path to a listed, MCF-linked or military entity</text>')
    lx = PAD
    for role, text in LEGEND:
        fill, stroke, _ = COLOURS[role]
        parts.append(f'<rect x="{lx}" y="{height - 26}" width="12" height="12" fill="{fill}" stroke="{stroke}"/>'
                     f'<text x="{lx + 16}" y="{height - 16}" font-size="10" fill="#333" '
                     f'font-family="DejaVu Sans, Arial, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif">{text}</text>')
        lx += 28 + len(text) * 6
    parts.append("</svg>")
    return "".join(parts)
