"""Accounts live in the store: users, tokens, the audit log and the session key, on SQLite and PostgreSQL."""

from __future__ import annotations

from mcfwatch.store import Store
from mcfwatch.store.accounts import Accounts


def test_users_tokens_audit_and_session_key(db: str) -> None:
    accounts = Accounts(Store(db))
    accounts.add_user("ana", "analyst", "correct horse")
    accounts.add_user("ana", "admin", "battery staple")  # the same name again: updated, not duplicated
    assert [(u.name, u.role) for u in accounts.users()] == [("ana", "admin")]
    assert accounts.authenticate("ana", "battery staple") is not None
    assert accounts.authenticate("ana", "correct horse") is None and accounts.authenticate("bob", "x" * 8) is None
    token = accounts.create_token("ana", "scripts")
    user = accounts.token_user(token)
    assert user is not None and user.name == "ana" and user.can_write
    assert accounts.revoke_tokens("ana") == 1 and accounts.token_user(token) is None
    actions = [row["action"] for row in accounts.audit_log()]
    assert actions == ["token.revoke", "token.create", "user.add", "user.add"]  # newest first
    again = Accounts(Store(db))  # a second server process on the same store signs sessions alike
    assert again.session_key() == accounts.session_key()
