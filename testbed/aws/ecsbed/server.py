"""moto's server (as moto.server.main builds it) with the models installed and the control routes."""
import argparse
import os
import signal
import sys
import threading
from typing import Any, Callable

from werkzeug.serving import make_server, run_simple

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

from . import control, install


def app() -> Callable:
    install()
    moto_app = DomainDispatcherApplication(create_backend_app)
    return control.middleware(moto_app)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=int(os.environ.get("MOTO_PORT", 5000)))
    args = parser.parse_args(argv)
    # moto builds some URLs (e.g. SQS queue URLs) from MOTO_PORT.
    os.environ.setdefault("MOTO_PORT", str(args.port))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    run_simple(args.host, args.port, app(), threaded=True)


class BackgroundServer:
    """The same server on a free loopback port in a thread: for the models' own tests."""

    def __init__(self) -> None:
        self._server = make_server("127.0.0.1", 0, app(), threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "BackgroundServer":
        self._thread.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self._server.shutdown()
