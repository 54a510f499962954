"""A lean, bounded HTTP/1.1 load generator for the API benchmarks: one process, one asyncio event loop, one
keep-alive connection per simulated client, a closed loop (each client sends its next request when the last
answer has been read in full).

Why not 20 threads of httpx.Client (the generator api_load.py used first): on this 2-core machine the
generator shared the cores with the server, and 20 threads contending for the GIL, each running httpx's
request machinery, cost more CPU per request than the server's own work on a cached answer (measured beside
it: `client CPU ms/req`). Here a request is a few bytes written to a socket and an answer is read by its
Content-Length (or chunk by chunk), so almost all the CPU is left to the server being measured.

Honesty: every request sent is counted and timed from its write to the last byte of its answer; a status
other than 200, a broken connection or a timeout is an error (and the connection is opened again); with
`expected` bodies, an answer that differs from the one-client answer to the same request is an error too.
A web page is compared with the value of its CSRF token fields masked, and nothing else: the clients send a
bearer token and no session cookie, so each page gets a fresh token (web/auth.py ``csrf_token``) and would
otherwise always "differ".
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

Request = tuple[str, str, Any]   # (method, path with query, JSON body or None)
# The value of a form's CSRF field, as the web pages write it (templates: name="csrf_token" value="...").
CSRF_VALUE = re.compile(rb'(<input type="hidden" name="csrf_token" value=")[^"]*(")')


@dataclass
class Result:
    times: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int | str, int] = field(default_factory=dict)
    client_cpu: float = 0.0                     # the generator's own CPU seconds for the whole load
    bodies: dict[int, bytes] = field(default_factory=dict)   # request index -> its first answer (kept on demand)
    all_bodies: list[tuple[int, bytes]] = field(default_factory=list)  # (request index, answer): every one (keep_all)


def encode(method: str, path: str, body: Any, host: str, headers: dict[str, str]) -> bytes:
    """The request's bytes (HTTP/1.1, keep-alive; a JSON body serialised once, here)."""
    payload = json.dumps(body, ensure_ascii=False).encode() if body is not None else b""
    lines = [f"{method} {quote(path, safe='/?&=%:+,')} HTTP/1.1", f"host: {host}", *(f"{k}: {v}" for k, v in headers.items())]
    if body is not None:
        lines += ["content-type: application/json", f"content-length: {len(payload)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


class Connection:
    """One keep-alive HTTP/1.1 connection to host:port, opened again after an error or `connection: close`."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def send(self, raw: bytes) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines if h)}
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._chunked()
        else:
            body = await self.reader.read()
            await self.close()
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def _chunked(self) -> bytes:
        assert self.reader is not None
        parts = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await self.reader.readuntil(b"\r\n")
                return b"".join(parts)
            parts.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


def masked(body: bytes) -> bytes:
    """BODY with the value of every CSRF token field blanked (the only part of a page that is new per answer)."""
    return CSRF_VALUE.sub(rb"\1\2", body)


def same_answer(first: bytes, body: bytes) -> bool:
    """Whether BODY answers as FIRST did: byte for byte, or equal once their CSRF token values are masked."""
    return first == body or (b"csrf_token" in first and masked(first) == masked(body))


async def _load(host: str, port: int, requests: list[Request], clients: int, per_client: int,
                headers: dict[str, str], timeout: float, expected: dict[int, bytes] | None, keep: bool,
                keep_all: bool = False) -> Result:
    out = Result()
    raw = [encode(m, p, b, f"{host}:{port}", headers) for m, p, b in requests]

    async def client(i: int) -> None:
        conn = Connection(host, port)
        try:
            for j in range(per_client):
                k = (i * per_client + j) % len(requests)
                t0 = time.perf_counter()
                status: int | str
                try:
                    status, body = await asyncio.wait_for(conn.send(raw[k]), timeout)
                except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError,
                        TimeoutError) as exc:
                    status, body = type(exc).__name__, b""
                    await conn.close()
                out.times.append(time.perf_counter() - t0)
                if status == 200 and expected is not None and not same_answer(expected.get(k, body), body):
                    status = "differs"   # not the answer one client got to the same request
                out.statuses[status] = out.statuses.get(status, 0) + 1
                out.errors += status != 200
                if keep and status == 200:
                    out.bodies.setdefault(k, body)
                if keep_all and status == 200:
                    out.all_bodies.append((k, body))
        finally:
            await conn.close()

    cpu = time.process_time()
    await asyncio.gather(*(client(i) for i in range(clients)))
    out.client_cpu = time.process_time() - cpu
    return out


def load(host: str, port: int, requests: list[Request], clients: int, per_client: int,
         headers: dict[str, str] | None = None, timeout: float = 120.0,
         expected: dict[int, bytes] | None = None, keep: bool = False, keep_all: bool = False) -> Result:
    """CLIENTS concurrent clients, each sending PER_CLIENT of REQUESTS (round robin from its own offset), one
    at a time on its own connection: CLIENTS x PER_CLIENT requests in all, every one counted."""
    return asyncio.run(_load(host, port, requests, clients, per_client, headers or {}, timeout, expected, keep,
                             keep_all))
