"""What a first-time user ran into (session 26 user try), on the founding document and its partners.

- A saved page can carry terminal control sequences (OSC window title, clear screen, a colour) and bidi
  overrides; `show` and `exposure` printed them raw into the analyst's terminal.
- Reports, screening results and exports were written 0600 (tempfile.mkstemp), not as a plainly written file.
- An output in a missing folder was a traceback (screen -o, export -o); `export --format csv` was a traceback
  that left an empty file behind; `report -o x.docx` wrote HTML under a .docx name.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mcfwatch.cli.common import console, terminal_safe
from mcfwatch.cli.main import app

runner = CliRunner()
OSC_TITLE = "\x1b]0;PWNED\x07"
CLEAR = "\x1b[2J\x1b[31m"
RLO = "\u202e"


@pytest.fixture(scope="module")
def hostile_seed(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    """The founding document as saved from a hostile page: escapes in its title line and in a quoted sentence."""
    text = seed_path.read_text(encoding="utf-8")
    sentence = "Even though the Lizhong Group is registered as a private company,"
    assert sentence in text
    text = text.replace("Internal Document:", f"Internal Document:{OSC_TITLE}", 1)
    text = text.replace(sentence, f"Even though the Lizhong Group is registered as a {RLO}private{CLEAR} company,")
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "seed-saved.txt"
    path.write_text(text, encoding="utf-8")
    db = folder / "store.db"
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture()
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_show_and_exposure_print_control_characters_as_visible_escapes(hostile_seed: Path) -> None:
    for command in (["show", "Lizhong Group"], ["exposure", "Lizhong Group"]):
        result = runner.invoke(app, [*command, "--db", str(hostile_seed)])
        assert result.exit_code == 0, result.output
        out = result.stdout
        assert "\x1b" not in out and "\x07" not in out and RLO not in out, command
        assert "\\x1b]0;PWNED\\x07" in out, command  # the title, where a source is cited, shows what is there
    card = runner.invoke(app, ["show", "Lizhong Group", "--db", str(hostile_seed)]).stdout
    assert "\\x1b]0;PWNED\\x07" in card and "\\u202eprivate\\x1b[2J" in card  # the title (sources) and the quote


def test_json_keeps_the_quote_verbatim(hostile_seed: Path) -> None:
    result = runner.invoke(app, ["show", "Lizhong Group", "--db", str(hostile_seed), "--format", "json"])
    assert result.exit_code == 0
    quotes = [r["evidence"]["text"] for r in json.loads(result.stdout)["relations"]]
    assert any(f"{RLO}private{CLEAR}" in q for q in quotes), quotes  # JSON is data: nothing rewritten


def test_consoles_print_data_not_terminal_control_or_emoji() -> None:
    with console.capture() as cap:
        console.print(f"a{OSC_TITLE}b :fire: c{RLO}d e")
    assert cap.get() == "a\\x1b]0;PWNED\\x07b :fire: c\\u202ed e\n"
    assert terminal_safe("第一行\n“引语”\u200f") == "第一行\n“引语”\u200f"  # text, newlines and marks stay


def test_outputs_are_written_with_the_users_permissions(hostile_seed: Path, tmp_path: Path, umask_022: None) -> None:
    report = tmp_path / "lizhong.html"
    assert runner.invoke(app, ["report", "Lizhong Group", "--db", str(hostile_seed), "-o", str(report)]).exit_code == 0
    assert stat.S_IMODE(report.stat().st_mode) == 0o644
    partners = tmp_path / "partners.csv"
    partners.write_text("name\nBrunel University\n西北工业大学\n", encoding="utf-8")
    results = tmp_path / "results.csv"
    assert runner.invoke(app, ["screen", "--file", str(partners), "-o", str(results)]).exit_code == 0
    assert stat.S_IMODE(results.stat().st_mode) == 0o644
    exported = tmp_path / "out.ftm.jsonl"
    assert runner.invoke(app, ["export", "--db", str(hostile_seed), "-o", str(exported)]).exit_code == 0
    assert stat.S_IMODE(exported.stat().st_mode) == 0o644 and exported.read_text(encoding="utf-8").count("\n") > 10
    results.chmod(0o640)  # a file replaced keeps the permissions it had
    assert runner.invoke(app, ["screen", "--file", str(partners), "-o", str(results)]).exit_code == 0
    assert stat.S_IMODE(results.stat().st_mode) == 0o640


def test_bad_outputs_are_one_line_errors_and_leave_no_file(hostile_seed: Path, tmp_path: Path) -> None:
    partners = tmp_path / "partners.csv"
    partners.write_text("name\nBrunel University\n", encoding="utf-8")
    missing = tmp_path / "no-such-folder"
    cases = [
        (["screen", "--file", str(partners), "-o", str(missing / "r.csv")], "does not exist"),
        (["export", "--db", str(hostile_seed), "-o", str(missing / "x.jsonl")], "does not exist"),
        (["export", "--db", str(hostile_seed), "--format", "csv", "-o", str(tmp_path / "x.csv")], "ftm or json"),
        (["report", "Lizhong Group", "--db", str(hostile_seed), "-o", str(tmp_path / "r.docx")], ".html or .pdf"),
    ]
    for args, message in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output and "Traceback" not in result.output, (args, result.output)
    assert not missing.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["partners.csv"]


def test_show_keeps_the_id_of_a_long_name(hostile_seed: Path) -> None:
    width = console.width
    console.width = 60  # a long caption in a narrow terminal: the rule used to cut "… (Pub…" and the id
    try:
        result = runner.invoke(app, ["show", "Baoding Economic and Trade Delegation", "--db", str(hostile_seed)])
    finally:
        console.width = width
    assert result.exit_code == 0, result.output
    card = runner.invoke(app, ["show", "Baoding Economic and Trade Delegation", "--db", str(hostile_seed),
                               "--format", "json"])
    shown = json.loads(card.stdout)
    assert result.stdout.splitlines()[1] == f"{shown['name']}  ({shown['type']})  {shown['id']}"


def test_a_folder_names_the_files_it_does_not_read(tmp_path: Path, seed_path: Path,
                                                   corpus_records: list[dict[str, object]]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    padded = seed_path.read_bytes().replace(b"Internal Document:", b"Internal Document:\x00\x00", 1)
    (folder / "seed-converted.txt").write_bytes(padded)  # a converter's NUL padding: still a text file
    (folder / "seed.doc").write_bytes(seed_path.read_bytes())  # legacy Word: not a type ingest reads
    (folder / "partners.xlsx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.doc").write_bytes(b"x")  # hidden files are left out on purpose, silently
    record = {**corpus_records[0], "id": "nul-record", "text": str(corpus_records[0]["text"]).replace(" ", " \x00", 1)}
    (folder / "corpus.jsonl").write_text(json.dumps(record) + "\n[1, 2]\n", encoding="utf-8")
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1, result.output  # the array line failed
    assert "stored 2 documents" in result.output and "2 files of other types not read" in result.output
    assert f"not read: {folder / 'partners.xlsx'}: .xlsx is not a type" in result.output
    assert f"not read: {folder / 'seed.doc'}: .doc is not a type" in result.output and "hidden" not in result.output
    assert "corpus.jsonl:2: a record is a JSON object with a 'text' field, not an array" in result.output
    card = json.loads(runner.invoke(app, ["show", "Lizhong Group", "--db", str(db), "--format", "json"]).stdout)
    assert card["relations"] and not any("\x00" in r["evidence"]["text"] for r in card["relations"])


def test_show_names_the_watchlist_entries_exposure_names(tmp_path: Path, corpus_dir: Path) -> None:
    """README: an entity's list entries are shown in every door, `show` included; the card had none. The BIS
    Entity List entry of Northwestern Polytechnical University (shipped corpus sample) as the only document."""
    records = (corpus_dir / "bis-entity-list-entries.jsonl").read_text(encoding="utf-8").splitlines()
    entry = next(line for line in records if "Northwestern Polytechnical University" in line)
    corpus = tmp_path / "nwpu.jsonl"
    corpus.write_text(entry + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(corpus), "--db", db]).exit_code == 0

    def entries() -> tuple[list[str], list[str]]:
        card = json.loads(runner.invoke(app, ["show", "Northwestern Polytechnical University", "--db", db,
                                              "--format", "json"]).stdout)
        exposure = json.loads(runner.invoke(app, ["exposure", "Northwestern Polytechnical University", "--db", db,
                                                  "--format", "json"]).stdout)
        return sorted(x["entry_id"] for x in card["listings"]), sorted(x["entry"] for x in exposure["listings"])

    shown, exposed = entries()
    bis = "us-bis-entity-list:northwestern-polytechnical-university"
    assert bis in shown and shown == exposed, (shown, exposed)
    text = runner.invoke(app, ["show", "Northwestern Polytechnical University", "--db", db]).stdout
    assert "listed: Northwestern Polytechnical University on us-bis-entity-list@" in text
    card_id = json.loads(runner.invoke(app, ["show", "Northwestern Polytechnical University", "--db", db,
                                             "--format", "json"]).stdout)["id"]
    decided = runner.invoke(app, ["decide", "listing", f"{card_id}|{bis}", "reject", "--db", db])
    assert decided.exit_code == 0, decided.output
    shown, exposed = entries()
    assert bis not in shown and shown == exposed and shown, (shown, exposed)  # the rejection holds in both doors


def test_timeline_names_each_list_entry(tmp_path: Path, corpus_dir: Path) -> None:
    """An organisation linked to several entries of one list printed the same line once per entry ("Huawei
    Technologies listed on Entity List (version …)" five times): each line now names its entry."""
    records = (corpus_dir / "federal-register-abstracts.jsonl").read_text(encoding="utf-8").splitlines()
    corpus = tmp_path / "fr.jsonl"
    corpus.write_text(next(line for line in records if "Huawei Technologies" in line) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(corpus), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["timeline", "Huawei Technologies", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = [e["what"] for e in json.loads(result.stdout) if e["type"] == "listing"]
    assert len(listed) >= 2 and len(set(listed)) == len(listed), listed
    assert any("as “Huawei Technologies Co., Ltd.”" in w for w in listed), listed


def test_a_folder_given_as_the_store_says_so(tmp_path: Path, seed_path: Path) -> None:
    for args in (["entities"], ["ingest", str(seed_path)]):
        result = runner.invoke(app, [*args, "--db", str(tmp_path)])
        assert result.exit_code == 2 and "is a folder, not a store" in result.output, result.output
    assert list(tmp_path.iterdir()) == []  # nothing made inside it


def test_a_document_without_a_title_is_named_by_its_opening_words(tmp_path: Path) -> None:
    """usertry s26: the Chinese founding seed opens with its body (no title line), and `show` and `timeline` named
    it by its file path. Every door names it by the opening of its first line now; its title stays none."""
    from mcfwatch.data import sample_path

    seed_zh = sample_path("zh", "seed_zh.txt")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(seed_zh), "--db", db]).exit_code == 0
    opening = "2019年7月12日，河北省保定市清苑区的一份内部文件显示，"
    card = json.loads(runner.invoke(app, ["show", "立中集团", "--db", db, "--format", "json"]).stdout)
    (doc,) = card["documents"]
    assert doc["title"] is None and doc["label"].startswith(opening) and doc["label"].endswith("…"), doc
    shown = runner.invoke(app, ["show", "立中集团", "--db", db]).stdout
    assert f"sources: {doc['label']}" in shown and "seed_zh.txt" not in shown, shown
    events = json.loads(runner.invoke(app, ["timeline", "立中集团", "--db", db, "--format", "json"]).stdout)
    sources = {e["source"] for e in events if e.get("source")}
    assert sources == {doc["label"]}, sources


def test_an_output_that_is_no_regular_file_is_written_through(tmp_path: Path) -> None:
    """`export -o /dev/null` (as root) renamed a temporary file over /dev/null: the device became a regular file.
    A device, FIFO or socket named as the output is written straight through and stays what it is. A FIFO in
    tmp_path stands for the device (never the real /dev/null)."""
    import os
    import stat

    from mcfwatch.files import write_text_atomic
    from mcfwatch.workspace import Workspace

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader first: the writer's open does not block
    try:
        write_text_atomic(fifo, "one line\n")
        assert os.read(reader, 100) == b"one line\n"
        assert stat.S_ISFIFO(fifo.stat().st_mode)
        Workspace(tmp_path / "empty.db").close()
        result = runner.invoke(app, ["export", "--db", str(tmp_path / "empty.db"), "-o", str(fifo)])
        assert result.exit_code == 0, result.output
        assert stat.S_ISFIFO(fifo.stat().st_mode) and not list(tmp_path.glob("*.tmp*")), list(tmp_path.iterdir())
    finally:
        os.close(reader)


def test_show_finds_a_stored_entity_by_its_other_names(tmp_path: Path, corpus_dir: Path) -> None:
    """usertry s27: the web search found the stored Northwestern Polytechnical University for 西北工业大学 (the name
    its list entries give) and for pinyin, while `show` and /cards said "no entity named …". Both doors now fall
    back on those lookups; a name nothing reaches is still refused."""
    from fastapi.testclient import TestClient

    from mcfwatch.api.app import create_app

    records = (corpus_dir / "bis-entity-list-entries.jsonl").read_text(encoding="utf-8").splitlines()
    corpus = tmp_path / "nwpu.jsonl"
    corpus.write_text(next(x for x in records if "Northwestern Polytechnical University" in x) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(corpus), "--db", db]).exit_code == 0
    stored = json.loads(runner.invoke(app, ["show", "Northwestern Polytechnical University", "--db", db,
                                            "--format", "json"]).stdout)
    assert "西北工业大学" not in stored["names"]  # the document names it in English only
    for other in ("西北工业大学", "西北工業大學"):
        result = runner.invoke(app, ["show", other, "--db", db, "--format", "json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["id"] == stored["id"]
    client = TestClient(create_app(db=db, hosts=["testserver"]))
    response = client.get("/cards/西北工业大学")
    assert response.status_code == 200 and response.json()["id"] == stored["id"], response.text
    missing = runner.invoke(app, ["show", "Brunel University", "--db", db])
    assert missing.exit_code != 0 and "no entity named 'Brunel University'" in missing.output


def test_show_finds_a_chinese_name_by_its_pinyin_words(tmp_path: Path) -> None:
    """`show "Li Zhong Ji Tuan"` (pinyin as a reader types it, syllable by syllable) found no entity while the web
    search found 立中集团; `show "Baoding Shi Jing Mao"` (the words its pinyin begins with) finds 保定市经贸代表团.
    Store: the Chinese founding seed."""
    from mcfwatch.data import sample_path

    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(sample_path("zh", "seed_zh.txt")), "--db", db]).exit_code == 0
    for typed, chinese in (("Li Zhong Ji Tuan", "立中集团"), ("Baoding Shi Jing Mao", "保定市经贸代表团")):
        wanted = json.loads(runner.invoke(app, ["show", chinese, "--db", db, "--format", "json"]).stdout)["id"]
        result = runner.invoke(app, ["show", typed, "--db", db, "--format", "json"])
        assert result.exit_code == 0, (typed, result.output)
        assert json.loads(result.stdout)["id"] == wanted, typed


def test_show_does_not_pick_one_of_several_names_a_few_letters_begin(tmp_path: Path) -> None:
    """Review s27 doors #3: `show "Bao Di"` printed 保定市经贸代表团's card, the lowest id of the two entities whose
    pinyin begins so (保定市 too), as if it matched. It now says which names it begins; a beginning that reaches one
    entity ("Ying Guo Bu": 英国布鲁内尔大学) still finds it. Store: the Chinese founding seed."""
    from mcfwatch.data import sample_path

    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(sample_path("zh", "seed_zh.txt")), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["show", "Bao Di", "--db", db, "--format", "json"])
    assert result.exit_code != 0 and "保定市" in result.output and "保定市经贸代表团" in result.output, result.output
    found = runner.invoke(app, ["show", "Ying Guo Bu", "--db", db, "--format", "json"])
    assert found.exit_code == 0, found.output
    assert "布鲁内尔大学" in json.loads(found.stdout)["names"]
