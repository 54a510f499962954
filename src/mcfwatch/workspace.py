"""The library API under every interface: the CLI, the REST API and the web UI call only this."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mcfwatch import settings
from mcfwatch.errors import McfwatchError, NotFoundError
from mcfwatch.extract import Extractor
from mcfwatch.graph.model import document_label
from mcfwatch.ingest import Failure, iter_documents
from mcfwatch.ingest.language import extracts
from mcfwatch.model import Document, Extraction
from mcfwatch.store import Store, StoredEntity
from mcfwatch.store.documents import Replaced, StoredReading
from mcfwatch.store.engine import shown_db
from mcfwatch.store.reads import OPENING_CHARS

Progress = Callable[[str], None]


@dataclass(slots=True)
class IngestReport:
    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    entities: int = 0
    relations: int = 0
    merges: int = 0
    reread: list[str] = field(default_factory=list)  # files read again, their older reading replaced
    decisions_kept: int = 0  # analysts' relation decisions carried to the new reading
    decisions_left: int = 0  # ... left on relations the new reading does not have
    unextracted: list[tuple[str, str | None]] = field(default_factory=list)  # (name, language) stored unread
    # the decisions left (not carried to the new reading), one dict each: file, relation (the old id), decision, note
    left_decisions: list[dict[str, str | None]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def count(self, ex: Extraction, stored: bool) -> str:
        """Count one extraction: stored (with its entities and relations) or a duplicate. Returns the name
        progress shows for it (its path, else its id)."""
        name = ex.document.path or ex.document.id
        if stored:
            self.stored.append(ex.document.id)
            self.entities += len(ex.entities)
            self.relations += len(ex.relations)
            if not extracts(ex.document.language):
                self.unextracted.append((name, ex.document.language))
        else:
            self.duplicates.append(name)
        return name

    def count_reread(self, ex: Extraction, done: Replaced) -> str:
        """Count one file read again whose older reading was replaced (see Store.replace_reading)."""
        name = ex.document.path or ex.document.id
        self.reread.append(name)
        self.entities += len(ex.entities)
        self.relations += len(ex.relations)
        self.decisions_kept += done.carried
        self.decisions_left += done.left
        return name


def read_inputs(paths: list[Path]) -> Iterator[Document | Failure]:
    """Documents from files, folders and JSON-lines corpora; a Failure for each unreadable input."""
    return iter_documents([Path(p) for p in paths])


def extract_paths(
    paths: list[Path], extractor: Extractor | None = None, link: bool = True
) -> Iterator[Extraction | Failure]:
    """Extraction without a store: one Extraction per readable document, a Failure per other input.

    With link, each entity's `listings` names the watchlist entries it matches (list, version, entry, score).
    """
    docs: list[Document] = []
    for item in read_inputs(paths):
        if isinstance(item, Failure):
            yield item
        else:
            docs.append(item)
    screener = None
    for ex in (extractor or Extractor()).extract_many(docs):
        if link:
            from mcfwatch.resolve.link import link_extraction
            from mcfwatch.resolve.screen import default_screener

            screener = screener or default_screener()
            link_extraction(ex, screener)
        yield ex


class ReadingLedger:
    """What one ingest run (one process, or --workers N: batch/parallel.py) knows about the files it reads:
    which are stored already (duplicates), and which are a file stored before from an older reader's text, whose
    new reading then replaces that one (Store.replace_reading) once, a second copy of it in the same run being
    a duplicate."""

    def __init__(self, store: Store, report: IngestReport) -> None:
        self.store = store
        self.report = report
        self.raws: dict[str, str] = {}  # text sha256 -> the file bytes' sha256
        self.replacing: dict[str, StoredReading] = {}  # text sha256 -> the older reading of the same file
        self.claimed: set[str] = set()
        self._edge_decisions: dict[str, dict[str, Any]] | None = None  # relation id -> its latest edge decision

    def admit(self, item: Document) -> bool:
        """Whether to extract this document: False when its text is stored already (counted as a duplicate)."""
        from mcfwatch.ingest.sources import file_identity

        ident = file_identity(item)
        stored_id = self.store.has_document(item.sha256)
        if stored_id and item.sha256 not in self.replacing and self._read_anew(stored_id, item.language):
            # stored unextracted in another language, now read in one mcfwatch extracts (ingest --lang en, or
            # a better detector): this reading replaces the stored one
            self.raws[item.sha256] = ident.raw_sha256 if ident is not None else item.sha256
            self.replacing[item.sha256] = StoredReading(stored_id, item.sha256)
            self.claimed.add(stored_id)
            return True
        if stored_id:
            if ident is not None:  # a row stored before the bytes were recorded learns them (from its own file)
                self.store.note_raw(item.sha256, ident.raw_sha256, item.path)
            self.report.duplicates.append(item.path or item.id)
            return False
        if ident is not None:
            self.raws[item.sha256] = ident.raw_sha256
            # the same file stored from an older reader's text: read again, it replaces that reading
            earlier = self.store.earlier_reading(ident.raw_sha256, item.path, ident.modified, item.text)
            if earlier is not None and earlier.id not in self.claimed:
                self.claimed.add(earlier.id)
                self.replacing[item.sha256] = earlier
        return True

    def _note_left(self, name: str, relations: tuple[str, ...]) -> None:
        """Name each decision the re-read could not carry (the old relation id, the decision and its note), so the
        analyst can redo it: a count alone said neither which relation nor which decision."""
        if not relations:
            return
        if self._edge_decisions is None:  # read once per run: re-reading N documents read every decision N times
            self._edge_decisions = {str(o["target"]): o for o in self.store.overlays("edge")}  # by id: last is latest
        latest = self._edge_decisions
        for rid in relations:
            o = latest.get(rid)
            self.report.left_decisions.append({
                "file": name, "relation": rid, "decision": str(o["decision"]) if o else None,
                "note": str(o["note"]) if o and o["note"] else None})

    def _read_anew(self, doc_id: str, language: str | None) -> bool:
        """Whether a stored document, not extracted for its language, is now read in a language mcfwatch extracts."""
        stored = self.store.document(doc_id).get("language")
        return stored != language and not extracts(stored) and extracts(language)

    def put(self, ex: Extraction) -> str:
        """Store one extraction (a new document, a new reading of a stored file, or a duplicate) and count it;
        returns the name progress shows."""
        sha = ex.document.sha256
        old = self.replacing.pop(sha, None)  # once: a second copy of the same file is then a duplicate
        if old is not None:
            done = self.store.replace_reading(old, ex, self.raws[sha])
            self._note_left(ex.document.path or ex.document.id, done.left_relations)
            return self.report.count_reread(ex, done)
        return self.report.count(ex, self.store.add_extraction(ex, self.raws.get(sha)))


class Workspace:
    """A store plus the models that fill it. Open one per process; models load once, lazily."""

    def __init__(self, db: str | Path | None = None, extractor: Extractor | None = None, create: bool = True,
                 store: Store | None = None) -> None:
        """create=False: the store must already exist (read commands never make an empty one). store: an open
        store to work over (a server's shared one), which `close` then leaves open."""
        self.db = str(db or settings.DB.get())
        self._owns_store = store is None
        self.store = store if store is not None else Store(self.db, create=create)
        self._extractor = extractor

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = Extractor()
        return self._extractor

    # -- pipeline ------------------------------------------------------------------------------

    def ingest(self, paths: list[Path], on_item: Progress | None = None, resolve: bool = True,
               on_wait: Callable[[str], None] | None = None) -> IngestReport:
        """Read, extract and store every document under paths, then resolve names across documents.

        Idempotent: known content is skipped, and merges already decided (or undone) are kept as they are. A
        file stored before from another text (an older reader's) replaces that reading (Store.replace_reading).
        A SQLite store takes one ingest at a time: a second waits for the first, and on_wait hears why.
        """
        with self.store.ingest_lock(on_wait):
            return self._ingest(paths, on_item, resolve)

    def _ingest(self, paths: list[Path], on_item: Progress | None, resolve: bool) -> IngestReport:
        report = IngestReport()
        ledger = ReadingLedger(self.store, report)
        pending: list[Document] = []

        def store(ex: Extraction) -> None:
            name = ledger.put(ex)
            if on_item:
                on_item(name)

        def flush() -> None:
            done = 0
            try:
                for ex in self.extractor.extract_many(pending):
                    store(ex)
                    done += 1
            except McfwatchError:
                raise
            except Exception:
                # One document broke the batch: redo the rest one by one so only that one fails.
                for doc in pending[done:]:
                    try:
                        store(next(iter(self.extractor.extract_many([doc]))))
                    except McfwatchError:
                        raise
                    except Exception as exc:
                        report.failures.append(
                            Failure(doc.path or doc.id, f"extraction failed ({exc.__class__.__name__}: {exc})")
                        )
                        if on_item:
                            on_item(doc.path or doc.id)
            pending.clear()

        for item in read_inputs(paths):
            if isinstance(item, Failure):
                report.failures.append(item)
                if on_item:
                    on_item(item.path)
                continue
            if not ledger.admit(item):
                if on_item:
                    on_item(item.path or item.id)
                continue
            pending.append(item)
            if len(pending) >= 16:
                flush()
        flush()
        if resolve and (report.stored or report.reread or self.store.unresolved_documents()):
            report.merges = len(self.resolve())
        return report

    def resolve(self) -> list[Any]:
        """Merge stored entities that name the same thing (each merge recorded with score and features)."""
        from mcfwatch.resolve.merge import resolve_store

        return resolve_store(self.store)

    def extract(self, paths: list[Path], link: bool = True) -> Iterator[Extraction | Failure]:
        """Extraction without storing (see extract_paths)."""
        return extract_paths(paths, self.extractor, link)

    # -- reading -------------------------------------------------------------------------------

    def entities(self, etype: str | None = None) -> list[dict[str, Any]]:
        """Canonical entities, most mentioned first: merged ones count once (``merged`` lists the ids folded in)."""
        return self.store.entities(etype)

    def resolve_name(self, name: str) -> StoredEntity:
        """The canonical entity a user means by name (exact name or alias first, then a substring), else one the
        web search would offer (`found_otherwise`: the name in another script or in pinyin, or another name of a
        list entry the name matches)."""
        return self._resolve_name(name)[0]

    def _resolve_name(self, name: str) -> tuple[StoredEntity, str | None]:
        """resolve_name, and the line saying how a guess found it (the name in the other language), else None."""
        found = self.store.find(name)
        guess = None
        if not found:
            found, guess = self._found_otherwise(name)
        if not found:
            raise NotFoundError(f"no entity named {name!r} in {shown_db(self.db)}; try 'mcfwatch entities'")
        return found[0], guess

    def found_otherwise(self, name: str) -> list[StoredEntity]:
        """Stored entities a name reaches that the store's name keys miss (`show 西北工业大学` said "no entity" while the
        web search found the stored Northwestern Polytechnical University): first a stored name with the same
        key in another script or in pinyin, or one whose key begins with the name's ("Zhongguo Shangyong Feiji"
        for 中国商用飞机有限责任公司; the web search's keys), else the one stored name the resolver's cross-language
        search takes for the same body ("Bombardier" for 庞巴迪公司; resolve.namesearch, as the web search), then a stored name equal to another name
        of a watchlist entry the name matches (its Chinese name, an acronym). Asked only when the store's own
        lookup found nothing."""
        return self._found_otherwise(name)[0]

    def _found_otherwise(self, name: str) -> tuple[list[StoredEntity], str | None]:
        """found_otherwise, and for an entity found by its name in the other language (a translation guess, never
        certain) the line that says so: "found by its name in the other language: 波音公司 (0.95)"."""
        from mcfwatch.lists import noncommercial_excluded
        from mcfwatch.model.keys import name_key
        from mcfwatch.resolve.namesearch import TRANSLATED, name_index
        from mcfwatch.resolve.screen import default_screener

        fold = self.store.fold()
        index = name_index(self.store.url, self.store.generation(), self.store.names)
        # same key, else a key it begins (pinyin words), else (the resolver's cross-language search, asked only
        # when no key reaches a stored name) the stored name in the other language: "Bombardier" -> 庞巴迪公司
        keyed = [(rank, eid) for eid, _, rank in index.lookup(name, substrings=False) if rank <= 1 or rank == TRANSLATED]
        best = min((rank for rank, _ in keyed), default=None)
        if best is not None:
            reached = sorted({fold.canonical(e) for r, e in keyed if r == best})
            if best == 0 or len(reached) == 1:
                guess = None
                if best == TRANSLATED:
                    scored = [(score, stored) for eid, stored, score in index.translated(name)
                              if fold.canonical(eid) == reached[0]]
                    if scored:
                        score, stored = max(scored)
                        guess = f"found by its name in the other language: {stored} ({score:.2f})"
                return [self.store.entity(eid) for eid in reached], guess
            # the start of several names ("Bao Di": 保定市 and 保定市经贸代表团) names none of them; nor does a
            # translation several stored names may be
            names = ", ".join(repr(self.store.entity(eid).name) for eid in reached[:5])
            how = "may be the other-language name of" if best == TRANSLATED else "begins"
            raise NotFoundError(f"{name!r} {how} {len(reached)} names in {shown_db(self.db)} ({names}"
                                f"{', ...' if len(reached) > 5 else ''}): give more of the name")
        screener = default_screener(None, noncommercial_excluded())
        for hit in screener.screen(name, limit=5).hits:
            pair = screener.entry(hit.entry_id) if hit.match else None
            for other in pair[1].all_names() if pair else []:
                key = name_key(other)
                found = [e for e in self.store.find(other) if any(name_key(n) == key for n in e.names)]
                if found:
                    return found, None
        return [], None

    def card(self, name: str, listings: bool = False) -> dict[str, Any]:
        """An entity card by name, alias or entity id (see entity_card)."""
        if self.store.has_entity(name):
            return self.entity_card(name, listings)
        entity, guess = self._resolve_name(name)
        card = self.entity_card(entity.id, listings)
        return {**card, "found_as": guess} if guess else card

    def entity_card(self, entity_id: str, listings: bool = False) -> dict[str, Any]:
        """An entity card by id: names, relations with dates and quoted evidence, sources; with listings, the
        watchlist entries it is linked to (see card_listings).

        A merged-away id gives the card of the entity it was folded into, with ``requested_id`` and
        ``merged_into`` saying so; the card shows the names, mentions and relations of every member.
        """
        ent = self.store.entity(entity_id)
        rels = self.store.relations(ent.id)
        mentions = self.store.mentions(ent.id)
        docs = sorted({m["document_id"] for m in mentions} | {r["document_id"] for r in rels})
        found = {"listings": self.card_listings(ent)} if listings else {}
        return {
            **ent.to_dict(),
            **found,
            "aliases": [n for n in ent.names if n != ent.name],
            "relations": [_relation_view(r, ent.id) for r in rels],
            "documents": [
                {**{k: d[k] for k in ("id", "title", "path", "url", "published", "language")},
                 "label": document_label(d["title"], d["text"][:OPENING_CHARS], d["url"], d["path"], d["id"])}
                for d in (self.store.document(i) for i in docs)
            ],
            "mentions": len(mentions),
        }

    def card_listings(self, ent: StoredEntity, as_of: str | None = None) -> list[dict[str, Any]]:
        """The watchlist entries (valid on as_of, default today) an entity is linked to, decided as the graph
        links them for `exposure`, reports and the API (report.sanctions.entity_listings: the resolver's screening
        of all its names at the linking threshold, FtM's type guard, through the graph's link cache, so names
        screened once are not screened again), less the matches an analyst rejected for any member. In the
        `extract` contract's form (list_id, list_version, entry_id, entry_name, score, ...)."""
        from mcfwatch.report.sanctions import entity_listings

        return [
            {"list_id": ls.wl.id, "list_version": ls.wl.version, "entry_id": ls.entry.id,
             "entry_name": ls.entry.name, "score": ls.score, "authority": ls.wl.authority,
             "legal_basis": ls.wl.legal_basis, "matched_name": ls.matched_name}
            for ls in entity_listings(self.store, ent, as_of)
        ]

    def close(self) -> None:
        if self._owns_store:
            self.store.close()


def _relation_view(r: dict[str, Any], me: str) -> dict[str, Any]:
    return {
        "id": r["id"],
        "type": r["type"],
        "subtype": r["subtype"],
        "direction": "out" if r["source_id"] == me else "in",
        "source": {"id": r["source_id"], "name": r["source_name"], "type": r["source_type"]},
        "target": {"id": r["target_id"], "name": r["target_name"], "type": r["target_type"]},
        "date": r["date"],
        "date_end": r["date_end"],
        "subject": r["subject"],
        "confidence": r["confidence"],
        "method": r["method"],
        "evidence": {
            "document": r["document_id"], "title": r["document_title"],
            "start": r["ev_start"], "end": r["ev_end"], "text": r["ev_text"],
        },
    }
