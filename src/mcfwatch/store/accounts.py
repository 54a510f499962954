"""Accounts of the web application, in the same store: users with roles, API tokens and the audit log.

Invariant: no secret is stored in clear. Passwords are argon2 hashes (argon2-cffi); an API token is shown
once when created and stored as its SHA-256; the session-signing key lives in the store so that every
server process over one store accepts the same sessions.
The tables are part of the schema (store/tables.py, Alembic revision 0004): a store made before them gains
them with `mcfwatch migrate`, which keeps the rows of tables an older mcfwatch created on first use.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, delete, insert, select, update

from mcfwatch.errors import InputError, NotFoundError
from mcfwatch.store import tables as t
from mcfwatch.store.store import Store, now

ROLES = ("reader", "analyst", "admin")
WRITE_ROLES = ("analyst", "admin")

users = t.users
tokens = t.api_tokens
audit = t.audit_log
secrets_table = t.web_secrets

_hasher = PasswordHasher()
_TOKEN_USER = select(users.c.name, users.c.role).join(tokens, tokens.c.user == users.c.name) \
    .where(tokens.c.sha256 == bindparam("sha256"))


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str

    @property
    def can_write(self) -> bool:
        return self.role in WRITE_ROLES


class Accounts:
    """Users, tokens, the audit log and the session key of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def add_user(self, name: str, role: str, password: str) -> User:
        name = name.strip()
        if not name or len(name) > 64 or any(c.isspace() for c in name):
            raise InputError(name or "(empty)", "a user name is 1-64 characters without spaces")
        if role not in ROLES:
            raise InputError(name, f"unknown role {role!r}; use one of {', '.join(ROLES)}")
        if len(password) < 8:
            raise InputError(name, "a password needs at least 8 characters")
        with self.store.write_engine.begin() as conn:
            values = {"role": role, "password_hash": _hasher.hash(password)}
            if conn.execute(select(users.c.name).where(users.c.name == name)).first():
                conn.execute(update(users).where(users.c.name == name).values(**values))
            else:
                conn.execute(insert(users).values(name=name, created_at=now(), **values))
        self.log(None, "user.add", name, f"role={role}")
        return User(name, role)

    def user(self, name: str) -> User | None:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(users.c.name, users.c.role).where(users.c.name == name)).first()
        return User(row[0], row[1]) if row else None

    def users(self) -> list[User]:
        with self.store.engine.connect() as conn:
            return [User(r[0], r[1]) for r in conn.execute(select(users.c.name, users.c.role).order_by(users.c.name))]

    def authenticate(self, name: str, password: str) -> User | None:
        """The user if the password is right; None otherwise (the same answer for an unknown name)."""
        with self.store.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.name == name)).first()
        if row is None:
            _hasher.hash(password)  # spend the same time as for a known name
            return None
        try:
            _hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        return User(row.name, row.role)

    def create_token(self, name: str, label: str | None = None) -> str:
        if self.user(name) is None:
            raise NotFoundError(f"no user {name!r}; add one with 'mcfwatch users add'")
        token = "mcf_" + secrets.token_urlsafe(32)
        with self.store.write_engine.begin() as conn:
            conn.execute(insert(tokens).values(sha256=_sha(token), user=name, label=label, created_at=now()))
        self.log(name, "token.create", name, label)
        return token

    def token_user(self, token: str) -> User | None:
        """The token's user, read with its current role in one query (the web app asks on every request)."""
        with self.store.engine.connect() as conn:
            row = conn.execute(_TOKEN_USER, {"sha256": _sha(token)}).first()
        return User(row[0], row[1]) if row else None

    def revoke_tokens(self, name: str) -> int:
        with self.store.write_engine.begin() as conn:
            n = conn.execute(delete(tokens).where(tokens.c.user == name)).rowcount
        self.log(None, "token.revoke", name, str(n))
        return int(n)

    def log(self, user: str | None, action: str, target: str | None = None, detail: Any = None) -> None:
        text = detail if detail is None or isinstance(detail, str) else json.dumps(detail, ensure_ascii=False)
        with self.store.write_engine.begin() as conn:
            conn.execute(insert(audit).values(at=now(), user=user, action=action, target=target, detail=text))

    def audit_log(self, limit: int = 200) -> list[dict[str, Any]]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(audit).order_by(audit.c.id.desc()).limit(limit))
            return [dict(r._mapping) for r in rows]

    def session_key(self) -> str:
        """The key that signs session cookies, made once per store."""
        with self.store.write_engine.begin() as conn:
            row = conn.execute(select(secrets_table.c.value).where(secrets_table.c.key == "session")).first()
            if row:
                return str(row[0])
            key = secrets.token_urlsafe(48)
            conn.execute(insert(secrets_table).values(key="session", value=key))
            return key


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
