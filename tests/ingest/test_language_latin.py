"""A document in a Latin-script language mcfwatch does not extract is stored and extracts nothing (session 28 user try).

ingest/language.py called any Latin-script text English, so a German notice ran through the English extractor
("Ordnung" a Person, "Die Bundesregierung" a Place). German, French, Italian, Spanish, Dutch and Portuguese are told
from English by spaCy's own stop-word lists; such a document is stored without extraction, ingest says so in one
line naming the file, and `--lang en` reads it as English. No English document of the corpus may flip.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mcfwatch.cli.main import app
from mcfwatch.ingest.language import detect_language

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()
# a notice in the words of the German ministry's press releases on the IMST decision (BMWK, November 2022)
GERMAN = (
    "Bekanntmachung des Bundesministeriums für Wirtschaft und Klimaschutz\n\n"
    "Die Bundesregierung hat am 9. November 2022 den Erwerb der IMST GmbH durch die Aerospace CH UK Ltd., eine "
    "Tochtergesellschaft der China Aerospace Science and Industry Corporation, untersagt. Die Prüfung nach der "
    "Außenwirtschaftsverordnung hat ergeben, dass der Erwerb die öffentliche Ordnung und Sicherheit der "
    "Bundesrepublik Deutschland gefährdet hätte. Das Unternehmen ist in der Radar- und Satellitentechnik tätig.\n"
)
FRENCH = (
    "Communiqué de presse\n\nLe ministère de l'Économie a annoncé que la société Photonis ne sera pas cédée à un "
    "acquéreur étranger. Selon le gouvernement, cette entreprise fabrique des composants pour les lunettes de vision "
    "nocturne utilisées par les forces armées, et sa vente aurait porté atteinte aux intérêts de la défense nationale.\n"
)
# English that quotes German words and names stays English
QUOTING = (
    "The German government blocked the sale of IMST GmbH to a subsidiary of China Aerospace Science and Industry "
    "Corporation, citing the Außenwirtschaftsverordnung. The ministry said the deal endangered \"die öffentliche "
    "Ordnung und Sicherheit der Bundesrepublik Deutschland\". The company develops radar and satellite antennas.\n"
)


def _corpus(lang: str) -> list[tuple[str, str]]:
    out = []
    for split in ("train", "extra", "agreement"):
        with (ROOT / "corpus" / split / f"{lang}.jsonl").open(encoding="utf-8") as f:
            out += [(r["id"], r["text"]) for r in map(json.loads, f)]
    return out


def test_no_english_or_chinese_corpus_document_flips() -> None:
    english = _corpus("en")
    assert len(english) > 500
    assert [i for i, text in english if detect_language(text) != "en"] == []
    assert [i for i, text in _corpus("zh") if detect_language(text) != "zh"] == []
    assert detect_language(QUOTING) == "en"


@pytest.mark.parametrize(("text", "lang"), [(GERMAN, "de"), (FRENCH, "fr")])
def test_a_german_or_french_notice_is_its_own_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_ingest_stores_a_german_notice_without_extraction_and_says_so(tmp_path: Path) -> None:
    notice = tmp_path / "bmwk_imst.txt"
    notice.write_text(GERMAN, encoding="utf-8")
    english = tmp_path / "note.txt"
    english.write_text(QUOTING, encoding="utf-8")
    db = str(tmp_path / "s.db")
    res = runner.invoke(app, ["ingest", str(notice), "--db", db])
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("stored 1 documents (0 entities, 0 relations)"), res.stdout
    lines = [ln for ln in res.stdout.splitlines() if "not an extraction language" in ln]
    assert lines == [f"{notice}: de: not an extraction language (English, Chinese); stored without extraction; "
                     "ingest it again with --lang en to read it as English (it replaces this reading)"]
    res = runner.invoke(app, ["ingest", str(english), "--db", db])  # English quoting German is still read
    assert res.exit_code == 0, res.output
    assert "not an extraction language" not in res.stdout and "stored 1 documents (0 entities" not in res.stdout

    forced = runner.invoke(app, ["ingest", str(notice), "--lang", "en", "--db", str(tmp_path / "t.db")])
    assert forced.exit_code == 0, forced.output
    assert "not an extraction language" not in forced.stdout
    assert not forced.stdout.startswith("stored 1 documents (0 entities"), forced.stdout
    bad = runner.invoke(app, ["ingest", str(notice), "--lang", "de", "--db", str(tmp_path / "u.db")])
    assert bad.exit_code != 0 and "--lang must be one of en, zh" in bad.output


# review lists-resolve-doors #3: an English annex naming Spanish, Portuguese, French or Dutch institutions was read as
# es/fr and lost its extraction (English's own 'of, in, a, is, for, on' counted for nothing; 'de', 'la', 'van', 'y'
# inside names counted for the other language)
ANNEXES = [
    "Annex A. Entities\n1. Universidad de las Fuerzas Armadas\n2. Instituto Nacional de Técnica Aeroespacial\n"
    "3. Centro de Investigación y de Estudios Avanzados del Instituto Politécnico Nacional\n"
    "Source: Ministry of Commerce, 2021.\n",
    "Partners: Universidad de Chile; Instituto de Física; Centro de Investigación y de Estudios Avanzados; "
    "Université de la Réunion; Institut des Sciences de la Terre.\n",
    "Visiting scholars: Maria da Silva (Universidade do Porto), Juan de la Cruz (Universidad de los Andes), "
    "Pieter van der Berg (Universiteit van Amsterdam), Hans von der Heide (Technische Universität München).\n",
    "Annex B. European partners\n1. Centre national de la recherche scientifique (CNRS)\n2. Commissariat à "
    "l'énergie atomique et aux énergies alternatives (CEA)\n3. Office national d'études et de recherches "
    "aérospatiales (ONERA)\n4. Institut national de recherche en sciences et technologies du numérique\n",
    "List of partner universities\nUniversidad Politécnica de Madrid\nUniversidade de São Paulo\nUniversité de Lyon\n"
    "Università degli Studi di Milano\nTechnische Universiteit Delft\nPontificia Universidad Católica de Chile\n",
]
# notices in the words of the Italian, Spanish, Dutch and Portuguese governments' press releases
OTHERS = [
    ("it", "Comunicato stampa\n\nIl Consiglio dei ministri ha esercitato i poteri speciali in relazione "
           "all'acquisizione della società Alpi Aviation da parte di un investitore cinese. Secondo il governo, "
           "l'operazione non era stata notificata e riguarda una tecnologia per droni di interesse per la difesa "
           "nazionale.\n"),
    ("es", "Nota de prensa\n\nEl Gobierno ha aprobado hoy un real decreto que modifica el régimen de inversiones "
           "exteriores. Según el Ministerio, las inversiones procedentes de fuera de la Unión Europea en sectores "
           "estratégicos, como la defensa o las tecnologías de doble uso, requerirán autorización previa del Consejo "
           "de Ministros.\n"),
    ("nl", "Persbericht\n\nHet kabinet heeft vandaag besloten dat de export van bepaalde chipmachines naar China "
           "vergunningplichtig wordt. Volgens de minister is dit nodig om te voorkomen dat geavanceerde technologie "
           "wordt gebruikt voor militaire toepassingen.\n"),
    ("pt", "Nota à imprensa\n\nO Governo aprovou hoje um decreto que estabelece novas regras para o controlo de "
           "investimentos estrangeiros em setores estratégicos. Segundo o ministério, as empresas que pretendam "
           "adquirir participações em infraestruturas críticas terão de notificar previamente as autoridades.\n"),
]
POOL = Path("/work/shared/data/corpus/pool/en")


@pytest.mark.parametrize("text", ANNEXES)
def test_an_english_list_of_foreign_institutions_stays_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(("lang", "text"), OTHERS)
def test_italian_spanish_dutch_portuguese_notices_are_still_told_apart(lang: str, text: str) -> None:
    assert detect_language(text) == lang


def test_every_english_fixture_and_pooled_document_stays_english() -> None:
    from mcfwatch.ingest.readers import READERS

    fixtures = sorted((ROOT / "tests" / "ingest" / "fixtures").glob("*.*"))
    assert len(fixtures) >= 3
    read = [(p.name, READERS[p.suffix[1:]](p.read_bytes(), str(p))) for p in fixtures]
    assert [name for name, text in read if detect_language(text) != "en"] == []
    if not POOL.is_dir():
        pytest.skip("shared pool absent")
    pooled = []
    for path in sorted(POOL.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            pooled += [(r["id"], r["text"]) for r in map(json.loads, f)]
    assert len(pooled) > 50
    assert [i for i, text in pooled if detect_language(text) != "en"] == []


def test_ingest_lang_en_reads_a_stored_unextracted_document_again(tmp_path: Path) -> None:
    """review doors #3: a document stored as German without extraction was 'already stored' under --lang en, so a
    misread could never be undone; now the English reading replaces it (same document id, now extracted)."""
    from mcfwatch.workspace import Workspace

    notice = tmp_path / "bmwk_imst.txt"
    notice.write_text(GERMAN, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(notice), "--db", db]).exit_code == 0
    [before] = Workspace(db).store.documents()
    assert before["language"] == "de"
    res = runner.invoke(app, ["ingest", str(notice), "--lang", "en", "--db", db])
    assert res.exit_code == 0, res.output
    assert "1 re-read with the current reader" in res.stdout and "0 already stored" in res.stdout, res.stdout
    [after] = Workspace(db).store.documents()
    assert (after["id"], after["language"]) == (before["id"], "en")
    names = {e["name"] for e in Workspace(db).entities()}
    assert "IMST GmbH" in names or "China Aerospace Science and Industry Corporation" in names, names
    again = runner.invoke(app, ["ingest", str(notice), "--lang", "en", "--db", db])  # now a plain duplicate
    assert "1 already stored" in again.stdout and "re-read" not in again.stdout, again.stdout
    plain = runner.invoke(app, ["ingest", str(notice), "--db", db])  # detected German again: the English reading stays
    assert "1 already stored" in plain.stdout, plain.stdout
    assert [d["language"] for d in Workspace(db).store.documents()] == ["en"]
