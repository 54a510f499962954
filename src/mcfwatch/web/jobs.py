"""Partner-list screening jobs of the web application: run in a thread, polled for progress, kept in memory.

A job screens every row against the lists (as `mcfwatch screen --file` does) and adds the row's exposure
rating from the store (as `mcfwatch exposure` does), so the table shows listings and pathways side by side.
Results stay for the life of the server process (at most ``MAX_JOBS``, oldest dropped first).
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from mcfwatch.analyse.exposure import Analyst
from mcfwatch.resolve.batch import BatchReport, name_column, screen_rows

MAX_JOBS = 20


@dataclass
class Job:
    id: str
    owner: str
    filename: str
    total: int
    done: int = 0
    state: str = "running"          # running | done | failed
    error: str | None = None
    report: BatchReport | None = None
    ratings: list[dict[str, Any]] = field(default_factory=list)
    column: str | None = None       # the header of the name column screened

    def to_dict(self, rows: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "file": self.filename, "state": self.state, "done": self.done,
                               "total": self.total, "error": self.error, "column": self.column}
        if rows and self.report is not None:
            out["summary"] = self.report.summary()
            out["rows"] = [{**row, **rating} for row, rating in zip(self.report.rows, self.ratings, strict=False)]
        return out


class Jobs:
    def __init__(self) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def start(self, owner: str, filename: str, rows: list[dict[str, str]], analyst: Analyst) -> Job:
        job = Job(id=secrets.token_hex(8), owner=owner, filename=filename, total=len(rows))
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_JOBS:
                self._jobs.popitem(last=False)
        threading.Thread(target=self._run, args=(job, rows, analyst), daemon=True).start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def _run(self, job: Job, rows: list[dict[str, str]], analyst: Analyst) -> None:
        def tick(_name: str) -> None:
            job.done += 1

        try:
            report = screen_rows(rows, job.filename, on_row=tick)
            # one rating per screened row, of that row's name: report.rows leaves out rows with no name
            col = name_column(list(rows[0]), job.filename) if rows else None
            ratings = []
            for row in report.rows:  # a row with only its other (Chinese) name is rated by that name, as screened
                name = str(row.get(col or "", "")).strip() or str(row.get("other_name", "")).strip()
                result = analyst.exposure(name) if col and name else None
                rules = result["rating"]["rules"] if result else []
                ratings.append({"rating": result["rating"]["level"] if result else "unknown",
                                "reason": rules[0]["explanation"] if rules else ""})
            job.report, job.ratings, job.column, job.state = report, ratings, col, "done"
        except Exception as exc:  # a failed job reports its error on its page; the server goes on
            job.state, job.error = "failed", str(exc)
