"""The annotated corpus: documents with entity spans and relations, as JSON lines with character offsets.

One record per document (see ``corpus/README.md``)::

    {"id", "lang", "origin", "source", "licence", "register", "published", "written_by_project",
     "preannotated", "text",
     "entities": [{"id", "name", "type", "mentions": [{"start", "end", "text"}]}],
     "relations": [{"type", "subtype", "source", "target", "date", "date_end",
                    "evidence": {"start", "end", "text"}}]}

Invariant: every mention and every evidence span quotes ``text`` exactly (``text[start:end] == span.text``);
``load_corpus`` refuses a file that breaks it, naming the file, line and span.

Annotators write the lighter *markup* form (``*.ann``), which ``build`` turns into the JSON record::

    # id: en-w-0001
    # lang: en
    # published: 2019-05-02
    # origin: written            (written | pool:<file>#<id> | corpus:<id>)
    # source: what the facts come from (public reports, with dates)
    # licence: CC0-1.0
    # register: news
    text:
    [Lizhong Group]{Company:lz} signed a contract with [UK MQP Limited]{Company:mqp} ...
    relations:
    agreement/contract lz mqp 2018-11 | signed a contract with UK MQP Limited
    visit del uk 2018-11-19..2018-11-26 | visited the United Kingdom

Entity markup is ``[surface]{Type:key}`` (``{Type:key=Canonical name}`` names the entity); every occurrence is
a mention. A relation line is ``type[/subtype] source_key target_key [date[..date_end]|-] | evidence quote``;
the quote must occur verbatim in the text; when it occurs more than once, the occurrence that lies nearest
to mentions of both parties is taken. Several documents can share one ``.ann`` file, separated by a line
``---``.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mcfwatch.errors import InputError
from mcfwatch.model import SCHEMA

MARK = re.compile(r"\[([^\[\]\n]+)\]\{([A-Za-z]+):([A-Za-z0-9_.-]+)(?:=([^{}\n]+))?\}")
REL = re.compile(
    r"^(?P<type>[a-z_]+)(?:/(?P<sub>[a-z_]+))?\s+(?P<src>[A-Za-z0-9_.-]+)\s+(?P<tgt>[A-Za-z0-9_.-]+)"
    r"(?:\s+(?P<date>-|\d{4}(?:-\d{2}){0,2}(?:\.\.\d{4}(?:-\d{2}){0,2})?))?\s*\|\s*(?P<ev>.+?)\s*$"
)
HEADER_FIELDS = ("id", "lang", "published", "origin", "source", "licence", "register", "preannotated")


@dataclass(slots=True)
class CorpusDoc:
    record: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.record["id"])

    @property
    def text(self) -> str:
        return str(self.record["text"])


def _check_span(text: str, span: dict[str, Any], where: str) -> None:
    s, e = span.get("start"), span.get("end")
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)) or text[s:e] != span.get("text"):
        raise InputError(where, f"span {s}..{e} does not quote the text ({span.get('text')!r})")


def validate(rec: dict[str, Any], where: str) -> None:
    """Raise InputError unless the record is a well-formed annotated document."""
    for key in ("id", "lang", "origin", "source", "licence", "text", "entities", "relations"):
        if key not in rec:
            raise InputError(where, f"missing field {key!r}")
    text = rec["text"]
    ids: dict[str, str] = {}
    for ent in rec["entities"]:
        if ent["type"] not in SCHEMA.entity_types:
            raise InputError(where, f"entity {ent['id']}: unknown type {ent['type']!r}")
        ids[ent["id"]] = ent["type"]
        for m in ent["mentions"]:
            _check_span(text, m, f"{where} entity {ent['id']}")
    for rel in rec["relations"]:
        rt = SCHEMA.relation_types.get(rel["type"])
        if rt is None:
            raise InputError(where, f"unknown relation type {rel['type']!r}")
        if rel.get("subtype") and rel["subtype"] not in rt.subtypes:
            raise InputError(where, f"relation {rel['type']}: unknown subtype {rel['subtype']!r}")
        for side in ("source", "target"):
            if rel[side] not in ids:
                raise InputError(where, f"relation {rel['type']}: {side} {rel[side]!r} is not an entity id")
        _check_span(text, rel["evidence"], f"{where} relation {rel['type']} {rel['source']}->{rel['target']}")


def load_corpus(paths: Iterable[Path]) -> list[CorpusDoc]:
    """Read and validate annotated JSON-lines files (or folders of them, recursively, sorted)."""
    docs: list[CorpusDoc] = []
    seen: set[str] = set()
    for path in _files(paths, "*.jsonl"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(where, f"not JSON ({exc.msg})") from None
            validate(rec, where)
            if rec["id"] in seen:
                raise InputError(where, f"document id {rec['id']} appears twice")
            seen.add(rec["id"])
            docs.append(CorpusDoc(rec))
    return docs


def _files(paths: Iterable[Path], pattern: str) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            yield from sorted(p.rglob(pattern))
        elif p.is_file():
            yield p
        else:
            raise InputError(str(p), "no such file or folder")


# --- markup -> record -------------------------------------------------------------------------------


def parse_markup(source: str, where: str) -> list[dict[str, Any]]:
    """Turn the text of one ``.ann`` file into validated corpus records."""
    out = []
    for i, chunk in enumerate(re.split(r"(?m)^---\s*$", source)):
        if chunk.strip():
            rec = _parse_one(chunk, f"{where}#{i + 1}")
            validate(rec, f"{where} ({rec['id']})")
            out.append(rec)
    return out


def _parse_one(chunk: str, where: str) -> dict[str, Any]:
    head, sep, rest = chunk.partition("\ntext:\n")
    if not sep:
        raise InputError(where, "no 'text:' line")
    body, sep2, rels = rest.rpartition("\nrelations:\n")
    if not sep2:
        body, rels = rest, ""
    meta: dict[str, Any] = {}
    for line in head.splitlines():
        m = re.match(r"#\s*(\w+)\s*:\s*(.*?)\s*$", line)
        if m and m.group(1) in HEADER_FIELDS:
            meta[m.group(1)] = m.group(2)
    if "id" not in meta:
        raise InputError(where, "no '# id:' header")
    where = f"{where} ({meta['id']})"
    text, entities = _strip_marks(body.strip("\n"), where)
    relations = [_relation(line, text, entities, where) for line in rels.splitlines() if line.strip()
                 and not line.lstrip().startswith("#")]
    origin = meta.get("origin", "written")
    return {
        "id": meta["id"], "lang": meta.get("lang", "en"), "origin": origin,
        "source": meta.get("source", ""), "licence": meta.get("licence", ""),
        "register": meta.get("register", ""), "published": meta.get("published") or None,
        "written_by_project": origin == "written",
        "preannotated": meta.get("preannotated", "no"),
        "text": text, "entities": list(entities.values()), "relations": relations,
    }


def _strip_marks(body: str, where: str) -> tuple[str, dict[str, dict[str, Any]]]:
    parts: list[str] = []
    entities: dict[str, dict[str, Any]] = {}
    pos = 0
    length = 0
    for m in MARK.finditer(body):
        plain = body[pos:m.start()]
        parts.append(plain)
        length += len(plain)
        surface, etype, key, canonical = m.group(1), m.group(2), m.group(3), m.group(4)
        if etype not in SCHEMA.entity_types:
            raise InputError(where, f"[{surface}]: unknown entity type {etype!r}")
        ent = entities.setdefault(key, {"id": key, "name": (canonical or surface).strip(), "type": etype,
                                        "mentions": []})
        if ent["type"] != etype:
            raise InputError(where, f"entity {key} typed both {ent['type']} and {etype}")
        if canonical:
            ent["name"] = canonical.strip()
        ent["mentions"].append({"start": length, "end": length + len(surface), "text": surface})
        parts.append(surface)
        length += len(surface)
        pos = m.end()
    parts.append(body[pos:])
    text = "".join(parts)
    leftover = re.search(r"\]\{[A-Za-z]+:", text)
    if leftover:
        raise InputError(where, f"malformed entity markup near {text[max(0, leftover.start() - 30):leftover.end() + 10]!r}")
    return text, entities


def _relation(line: str, text: str, entities: dict[str, dict[str, Any]], where: str) -> dict[str, Any]:
    m = REL.match(line.strip())
    if not m:
        raise InputError(where, f"relation line not understood: {line.strip()!r}")
    src, tgt, quote = m.group("src"), m.group("tgt"), m.group("ev")
    for key in (src, tgt):
        if key not in entities:
            raise InputError(where, f"relation {line.strip()!r}: no entity with key {key!r}")
    starts = [k.start() for k in re.finditer(re.escape(quote), text)]
    if not starts:
        raise InputError(where, f"evidence not found verbatim in the text: {quote!r}")
    anchors = [mm["start"] for key in (src, tgt) for mm in entities[key]["mentions"]]
    start = min(starts, key=lambda s: min(abs(s - a) for a in anchors))
    date, date_end = None, None
    if m.group("date") and m.group("date") != "-":
        date, _, date_end = m.group("date").partition("..")
    return {"type": m.group("type"), "subtype": m.group("sub"), "source": src, "target": tgt,
            "date": date, "date_end": date_end or None,
            "evidence": {"start": start, "end": start + len(quote), "text": quote}}


def to_gold(doc: CorpusDoc) -> dict[str, Any]:
    """The record in the name-based gold shape that ``mcfwatch eval`` scores."""
    rec = doc.record
    names = {e["id"]: e["name"] for e in rec["entities"]}
    return {
        "doc_id": rec["id"], "text": rec["text"], "language": rec["lang"], "published": rec.get("published"),
        "entities": [{"name": e["name"], "type": e["type"],
                      "aliases": sorted({m["text"] for m in e["mentions"]} - {e["name"]})}
                     for e in rec["entities"]],
        "relations": [{"type": r["type"], "subtype": r.get("subtype"), "source": names[r["source"]],
                       "target": names[r["target"]], "date": r.get("date"), "evidence": r["evidence"]["text"]}
                      for r in rec["relations"]],
    }


def build(sources: Iterable[Path], out: Path) -> int:
    """Compile ``.ann`` markup files into one JSON-lines corpus file; return the number of documents."""
    records = []
    for path in _files(sources, "*.ann"):
        records.extend(parse_markup(path.read_text(encoding="utf-8"), str(path)))
    ids = [r["id"] for r in records]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise InputError(str(out), f"duplicate document ids {sorted(dup)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(records)


def stats(docs: list[CorpusDoc]) -> dict[str, Any]:
    """Counts by language, origin and relation type."""
    out: dict[str, Any] = {}
    for d in docs:
        lang = out.setdefault(d.record["lang"], {"documents": 0, "written": 0, "entities": 0, "relations": 0,
                                                  "by_type": {}})
        lang["documents"] += 1
        lang["written"] += int(bool(d.record.get("written_by_project")))
        lang["entities"] += len(d.record["entities"])
        lang["relations"] += len(d.record["relations"])
        for r in d.record["relations"]:
            lang["by_type"][r["type"]] = lang["by_type"].get(r["type"], 0) + 1
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m mcfwatch.extract.corpus build OUT.jsonl SRC...`` or ``stats FILE_OR_DIR...``."""
    args = sys.argv[1:] if argv is None else argv
    try:
        if len(args) >= 3 and args[0] == "build":
            n = build([Path(a) for a in args[2:]], Path(args[1]))
            print(f"{args[1]}: {n} documents")
            return 0
        if len(args) >= 2 and args[0] == "stats":
            print(json.dumps(stats(load_corpus([Path(a) for a in args[1:]])), indent=1, ensure_ascii=False))
            return 0
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(main.__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
