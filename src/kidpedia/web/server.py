"""Run the web app with uvicorn in a background thread on a free local port.

For what needs a real HTTP server inside one Python process: the browser tests,
raw-request tests and ``bench/serve.py``. ``kidpedia serve`` runs uvicorn directly.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from kidpedia.web.app import create_app


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


@contextmanager
def background_server(db_path: str | Path, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``db_path`` while the block runs; yields the base URL (no trailing slash)."""
    port = free_port(host)
    config = uvicorn.Config(create_app(db_path), host=host, port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"kidpedia-web-{port}", daemon=True)
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
