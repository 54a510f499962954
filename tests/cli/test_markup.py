"""Issue 13 item 4: names and paths are data, never Rich markup, wherever the CLI prints them."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mcfwatch.cli.common import console, err_console, progress, styled
from mcfwatch.cli.main import app

runner = CliRunner()
HOSTILE = ["[/x]", "[link=file:///etc/passwd]click[/link]", "[bold red]alarm", "\\[/x]", "[/]"]


def test_item4_show_and_exposure_print_markup_names_literally(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    (tmp_path / "none").mkdir()
    runner.invoke(app, ["ingest", str(tmp_path / "none"), "--db", str(db)])  # an existing, empty store
    assert db.exists()
    for name in HOSTILE:
        shown = runner.invoke(app, ["show", name, "--db", str(db)])
        assert shown.exit_code == 2, shown.output  # not found: a one-line error, not a MarkupError traceback
        assert name in shown.output and "Traceback" not in shown.output
        exposed = runner.invoke(app, ["exposure", name, "--db", str(db)])
        assert exposed.exit_code == 0 and exposed.output.startswith(name), exposed.output


def test_item4_screen_prints_a_link_markup_name_as_written() -> None:
    result = runner.invoke(app, ["screen", "[link=file:///etc/passwd]click[/link]"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("[link=file:///etc/passwd]click[/link]: ")


def test_item4_consoles_never_read_data_as_markup() -> None:
    for con in (console, err_console):
        with con.capture() as cap:
            con.print("[/x] [link=file:///etc/passwd]click[/link]")
            con.print(styled("[bold]{name}[/bold] ok", name="[/x][link=file:///etc/passwd]"))
        assert cap.get() == "[/x] [link=file:///etc/passwd]click[/link]\n[/x][link=file:///etc/passwd] ok\n"
    text = styled("[red]failed:[/red] {what}", what="[/red][link=x]y")
    assert text.plain == "failed: [/red][link=x]y" and not any("link" in str(s.style) for s in text.spans)


def test_item4_progress_bar_shows_a_path_with_markup_literally(tmp_path: Path) -> None:
    bar = progress("ingest")
    task = bar.add_task("", total=2)
    bar.update(task, advance=1, description=str(tmp_path / "a[" / "x]" / "b.txt"))
    rendered = [column(bar.tasks[0]) for column in bar.columns]  # rich raised MarkupError here before
    assert any("a[/x]/b.txt" in getattr(r, "plain", "") for r in rendered)


def test_item4_ingest_of_a_markup_path_prints_its_summary(tmp_path: Path) -> None:
    folder = tmp_path / "in[" / "x]"
    folder.mkdir(parents=True)
    (folder / "[bold]empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in["), "--db", str(tmp_path / "s.db")])
    assert "failed" in result.output and "in[/x]/[bold]empty.txt" in result.output, result.output


def test_item4_minor_punctuation_only_names_match_nothing() -> None:
    for name in ("[/]", "!!!", "[]", "...", "‮"):
        result = runner.invoke(app, ["screen", name, "--format", "json"])
        assert result.exit_code == 0, result.output
        assert '"hits": []' in result.output, (name, result.output[:300])
