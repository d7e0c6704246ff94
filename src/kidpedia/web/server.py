"""Serving the web app with uvicorn: the listening socket, and a background server.

``listen(host, port)`` binds the socket first, so a busy port or a bad address is one
clear error before anything says "serving". uvicorn is given the security headers
(``app.server_headers``): they are then on every response it sends, its own 400s for
malformed requests included. ``background_server`` runs the app in a thread on a free
local port, for what needs a real HTTP server inside one Python process: the browser
tests, raw-request tests and ``bench/serve.py``.
"""

from __future__ import annotations

import asyncio
import errno
import gc
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from kidpedia.errors import UsageError
from kidpedia.web.app import create_app, server_headers


def settle(app: Any, paths: tuple[str, ...] = ("/", "/search?q=a", "/api/suggest?q=a", "/api/random")) -> None:
    """Make the app ready before it listens: ask it ``paths`` once in this process (pure
    ASGI, no network), which loads the templates, rules and word lists the first
    requests would load, then move every object made so far out of the garbage
    collector's way (``gc.freeze``). A full collection walked those ~77 k objects in
    20-50 ms here while every serving thread waited: a pause that landed in the p99 of
    each page, search and suggestion (issues 11 and 14)."""

    async def ask(path: str) -> None:
        target, _, query = path.partition("?")
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": target, "raw_path": target.encode(), "root_path": "",
                 "query_string": query.encode(), "headers": [(b"host", b"localhost")],
                 "client": ("127.0.0.1", 0), "server": ("127.0.0.1", 80)}

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            return None

        await app(scope, receive, send)

    async def warm() -> None:
        for path in paths:
            await ask(path)

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(warm())
    else:  # a worker process of ``--workers N``: uvicorn calls the factory from its running loop
        thread = threading.Thread(target=asyncio.run, args=(warm(),), name="kidpedia-settle")
        thread.start()
        thread.join()
    gc.collect()
    gc.freeze()


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to (host, port), or a UsageError in one line saying why not."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as e:
        raise UsageError(f"cannot listen on {host}: {e.strerror}", "give --host an address of this machine") from e
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        if e.errno == errno.EADDRINUSE:
            raise UsageError(f"port {port} on {host} is in use", "stop what runs there, or give another --port") from e
        if e.errno == errno.EACCES:
            raise UsageError(f"not allowed to listen on port {port}", "ports below 1024 need root: give another --port") from e
        raise UsageError(f"cannot listen on {host}:{port}: {e.strerror}", "give another --host or --port") from e
    sock.set_inheritable(True)
    return sock


def config(app: object, **options: object) -> uvicorn.Config:
    """uvicorn's config for the site: the security headers on everything it sends."""
    return uvicorn.Config(app, headers=server_headers(), log_level="warning", **options)  # type: ignore[arg-type]


@contextmanager
def background_server(db_path: str | Path, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``db_path`` while the block runs; yields the base URL (no trailing slash)."""
    sock = listen(host, 0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(config(create_app(db_path, headers_by_server=True), lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=f"kidpedia-web-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the web server did not start on {host}:{port}")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
