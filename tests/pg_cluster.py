"""A PostgreSQL server for the storage tests: MCFWATCH_TEST_PG (a URL) when set, else a throwaway cluster.

The throwaway cluster is Debian's initdb/pg_ctl in a temporary folder, listening only on a unix socket
there, fsync off; as root (CI) it runs as the `postgres` system user, since initdb refuses root. Each test
gets a database of its own (CREATE DATABASE), so tests never see each other's rows.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def find_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


class PgServer:
    """Hands out fresh databases on one server; ``close`` stops a cluster this object started."""

    def __init__(self, admin_url: str, folder: Path | None = None, run_as: list[str] | None = None) -> None:
        self.admin_url = admin_url  # postgresql+psycopg://… of a database to run CREATE DATABASE from
        self.folder = folder
        self.run_as = run_as or []
        self._names = itertools.count(1)
        self._engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")

    @classmethod
    def from_env(cls, url: str) -> PgServer:
        u = make_url(url)
        return cls(u.set(drivername="postgresql+psycopg").render_as_string(hide_password=False))

    @classmethod
    def start(cls) -> PgServer:
        initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise FileNotFoundError("initdb/pg_ctl not found (Debian: apt-get install postgresql)")
        folder = Path(tempfile.mkdtemp(prefix="mcfwatch-pg-"))
        run_as: list[str] = []
        if os.geteuid() == 0:  # initdb refuses root: run the cluster as the postgres system user
            pw = pwd.getpwnam("postgres")
            os.chown(folder, pw.pw_uid, pw.pw_gid)
            run_as = ["runuser", "-u", "postgres", "--"]
        data = folder / "data"
        subprocess.run([*run_as, initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                        "--locale=C", "--no-sync"], check=True, capture_output=True)
        opts = f"-k {folder} -c listen_addresses='' -F -c max_connections=60"
        subprocess.run([*run_as, pg_ctl, "-D", str(data), "-o", opts, "-w", "-l", str(folder / "log"), "start"],
                       check=True, capture_output=True)
        return cls(f"postgresql+psycopg://postgres@/postgres?host={folder}", folder, run_as)

    def new_database(self, prefix: str = "t") -> str:
        """A URL (plain postgresql://, as a user types it) of a new empty database."""
        name = f"mcfwatch_{prefix}_{os.getpid()}_{next(self._names)}"
        with self._engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
        url = make_url(self.admin_url).set(database=name, drivername="postgresql")
        return url.render_as_string(hide_password=False)

    def close(self) -> None:
        self._engine.dispose()
        if self.folder is None:
            return
        pg_ctl = find_bin("pg_ctl")
        if pg_ctl:
            subprocess.run([*self.run_as, pg_ctl, "-D", str(self.folder / "data"), "-m", "immediate", "stop"],
                           capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)
