"""The web application's routes: each renders a view's dict as HTML, or returns it as JSON when asked.

`Accept: application/json` (or `?format=json`) gives the JSON twin of any page.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import jinja2
from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from mcfwatch import settings
from mcfwatch.analyse.decisions import decide as record_decision
from mcfwatch.analyse.timeline import hop_words
from mcfwatch.api.services import Services
from mcfwatch.cli.common import terminal_safe
from mcfwatch.errors import InputError
from mcfwatch.resolve.batch import read_rows, write_rows
from mcfwatch.web import views
from mcfwatch.web.auth import _safe_next, check_csrf, csrf_token, current_user, require_admin
from mcfwatch.web.jobs import Jobs

# What a page shows as an escape: C0/C1 controls and bidi overrides, but not tab, newline or carriage return,
# which HTML renders as white space (a CR in stored text or a textarea's value showed as a literal \x0d).
_PAGE_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(value: Any) -> Any:
    """A value printed into a page, with control characters and bidi overrides shown as escapes (a NUL typed into
    /search?q= went into the page's title; an RLO in a document title reverses the text after it), written as the
    CLI writes them (cli.common.terminal_safe). Markup (tojson, macros) is left as it is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _PAGE_UNSAFE.sub(lambda m: terminal_safe(m[0]), value)
    return value


# Autoescape every template (select_autoescape's default would skip the .j2 extension): document text and
# names are data, never markup.
TEMPLATES = Jinja2Templates(env=jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True, finalize=visible))
# a path's hop in the words every door uses ("A is owned by B"), never the path's order with an arrow
TEMPLATES.env.globals["hop_words"] = hop_words
router = APIRouter(include_in_schema=False)
jobs = Jobs()


def services(request: Request) -> Services:
    return request.app.state.services  # type: ignore[no-any-return]


def render(request: Request, template: str, data: dict[str, Any], status: int = 200) -> Response:
    """The page, or its JSON twin when the client asks for JSON."""
    accept = request.headers.get("accept", "")
    if request.query_params.get("format") == "json" or accept.startswith("application/json"):
        return JSONResponse(data, status_code=status)
    user = getattr(request.state, "user", None)
    ctx = {"data": data, "user": user, "csrf": csrf_token(request), "path": request.url.path}
    return TEMPLATES.TemplateResponse(request, template, ctx, status_code=status)


# -- login -----------------------------------------------------------------------------------------


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    return render(request, "login.html.j2", {"next": _safe_next(next), "error": None})


@router.post("/login")
async def login(request: Request, username: str = Form(...), password: str = Form(...),
                next: str = Form("/")) -> Response:
    await check_csrf(request)
    accounts = request.app.state.accounts
    user = accounts.authenticate(username, password)
    if user is None:
        accounts.log(username, "login.failed")
        return render(request, "login.html.j2", {"next": _safe_next(next), "error": "wrong name or password"},
                      status=401)
    request.session.clear()
    request.session["user"] = user.name
    accounts.log(user.name, "login")
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout", dependencies=[Depends(check_csrf)])
def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.get("/favicon.ico")
def favicon() -> Response:
    return FileResponse(Path(__file__).parent / "static" / "favicon.svg", media_type="image/svg+xml")


# -- reading ---------------------------------------------------------------------------------------


@router.get("/")
def home(request: Request) -> Response:
    return render(request, "home.html.j2", views.home(services(request)))


@router.get("/search")
def search(request: Request, q: str = Query("", max_length=200)) -> Response:
    return render(request, "search.html.j2", views.search(services(request), q))


@router.get("/entity/{entity_id}")
def entity(request: Request, entity_id: str, as_of: str | None = None) -> Response:
    return render(request, "entity.html.j2", views.entity(services(request), entity_id, as_of))


@router.get("/entity/{entity_id}/graph")
def graph(request: Request, entity_id: str, as_of: str | None = None) -> Response:
    return render(request, "graph.html.j2", views.graph(services(request), entity_id, as_of))


@router.get("/entity/{entity_id}/neighbours")
def neighbours(request: Request, entity_id: str, as_of: str | None = None) -> Response:
    return JSONResponse(views.neighbours(services(request), entity_id, as_of))


@router.get("/document/{doc_id}")
def document(request: Request, doc_id: str) -> Response:
    return render(request, "document.html.j2", views.document(services(request), doc_id))


@router.get("/lists")
def lists(request: Request) -> Response:
    return render(request, "lists.html.j2", views.lists_overview())


@router.get("/lists/{list_id}")
def list_page(request: Request, list_id: str, v_from: str | None = Query(None, alias="from"),
              v_to: str | None = Query(None, alias="to")) -> Response:
    return render(request, "list.html.j2", views.list_page(list_id, v_from, v_to))


@router.get("/changes")
def changes(request: Request) -> Response:
    return render(request, "changes.html.j2", views.changes(services(request)))


@router.get("/audit")
def audit(request: Request, _: Any = Depends(require_admin)) -> Response:
    return render(request, "audit.html.j2", {"entries": request.app.state.accounts.audit_log()})


# -- screening a partner list ------------------------------------------------------------------------


@router.get("/screen")
def screen_page(request: Request) -> Response:
    return render(request, "screen.html.j2", {"job": None})


@router.post("/screen", dependencies=[Depends(check_csrf)])
async def screen_upload(request: Request, file: UploadFile = File(...)) -> Response:
    user = current_user(request)
    name = Path(file.filename or "partners.csv").name
    suffix = Path(name).suffix.lower()
    if suffix not in {".csv", ".tsv", ".txt", ".xlsx", ".xlsm"}:
        raise InputError(name, "upload a .csv, .tsv or .xlsx file")
    data = await _read_limited(file, name)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        rows = [r for r in read_rows(path) if any(v.strip() for v in r.values())]
    if not rows:
        raise InputError(name, "the file has no rows to screen")
    job = jobs.start(user.name, name, rows, services(request).analyst())
    request.app.state.accounts.log(user.name, "screen", name, f"{len(rows)} rows")
    return RedirectResponse(f"/screen/{job.id}", status_code=303)


@router.get("/screen/{job_id}")
def screen_job(request: Request, job_id: str) -> Response:
    job = _job(request, job_id)
    return render(request, "screen.html.j2", {"job": job.to_dict()})


@router.get("/screen/{job_id}/download")
def screen_download(request: Request, job_id: str, fmt: str = Query("csv", alias="format")) -> Response:
    job = _job(request, job_id)
    if job.report is None:
        raise InputError(job_id, "the screening is still running")
    if fmt not in {"csv", "xlsx", "pdf"}:
        raise InputError(fmt, "download as csv, xlsx or pdf")
    out = Path(tempfile.mkdtemp()) / f"screening-{job.id}.{fmt}"
    if fmt == "pdf":
        from mcfwatch.report import write_report

        others: dict[str, list[str]] = {}
        for r in job.report.rows:  # the name column screened; a row with only its other (Chinese) name, that name
            name = str(r.get(job.column or "", "")).strip() or str(r.get("other_name", "")).strip()
            if name:
                other = str(r.get("other_name", "")).strip()
                known = others.setdefault(name, [])  # two rows of one English name, two Chinese names: both kept
                if other and other != name and other not in known:
                    known.append(other)
        if not others:
            raise InputError(job.filename, "no row has a partner name to report on")
        write_report(services(request).analyst(), list(others), out, pdf=True, other_names=others)
    else:
        report = job.report
        merged = [{**row, **rating} for row, rating in zip(report.rows, job.ratings, strict=False)]
        write_rows(type(report)(rows=merged, lists=report.lists), out)
    user = current_user(request)
    request.app.state.accounts.log(user.name, "export", job.filename, fmt)
    return FileResponse(out, filename=out.name)


def _job(request: Request, job_id: str) -> Any:
    job = jobs.get(job_id)
    user = current_user(request)
    if job is None or (job.owner != user.name and user.role != "admin"):
        raise HTTPException(status_code=404, detail=f"no screening {job_id!r}")
    return job


# -- writing: uploads and decisions ---------------------------------------------------------------


@router.get("/upload")
def upload_page(request: Request) -> Response:
    return render(request, "upload.html.j2", {"report": None})


@router.post("/upload", dependencies=[Depends(check_csrf)])
async def upload(request: Request, files: list[UploadFile] = File(...)) -> Response:
    user = current_user(request)
    s = services(request)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, f in enumerate(files):
            name = Path(f.filename or f"upload-{i}").name or f"upload-{i}"  # no folders: uploads stay in tmp
            folder = Path(tmp) / str(i)
            folder.mkdir()
            target = folder / name
            target.write_bytes(await _read_limited(f, name))
            paths.append(target)
        ws = s.workspace()
        try:
            report = ws.ingest(paths)
        finally:
            ws.close()
            s.touch()
        failures = [f"{Path(f.path).name}: {f.reason}" for f in report.failures]
    data = {"report": {"stored": len(report.stored), "already_stored": len(report.duplicates),
                       "reread": len(report.reread), "decisions_kept": report.decisions_kept,
                       "decisions_left": report.decisions_left,
                       "left_decisions": [{**d, "file": Path(str(d["file"])).name} for d in report.left_decisions],
                       "unextracted": [f"{Path(n).name} ({lang or 'language not known'})"
                                       for n, lang in report.unextracted],
                       "entities": report.entities, "relations": report.relations, "failures": failures}}
    request.app.state.accounts.log(user.name, "upload", ", ".join(p.name for p in paths), data["report"])
    return render(request, "upload.html.j2", data, status=200 if not failures else 207)


@router.post("/decide", dependencies=[Depends(check_csrf)])
async def decide(request: Request, kind: str = Form(...), target: str = Form(...), decision: str = Form(...),
                 note: str = Form(""), next: str = Form("/")) -> Response:
    user = current_user(request)
    s = services(request)
    if not note.strip():
        raise InputError(target, "say why (a note is required with every decision)")
    oid = record_decision(s.store, kind, target, decision, note=note.strip(), by=user.name)
    s.touch()
    request.app.state.accounts.log(user.name, f"decide.{kind}", target, {"decision": decision, "note": note,
                                                                          "overlay": oid})
    return RedirectResponse(_safe_next(next), status_code=303)


async def _read_limited(f: UploadFile, name: str) -> bytes:
    limit = int(settings.MAX_FILE_BYTES.get())
    data = await f.read(limit + 1)
    if len(data) > limit:
        raise InputError(name, f"larger than the {limit}-byte limit (MCFWATCH_MAX_FILE_BYTES)")
    return data


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html.j2", {"status": status, "message": message}, status=status)
