"""The bed's control endpoint, beside moto's own /moto-api/: tests steer the models through it.

GET  /_ecsbed/config        the settings in force, as JSON
POST /_ecsbed/config        merges a JSON object into them (e.g. {"timeScale": 600})
POST /_ecsbed/reset         back to the defaults (moto's /moto-api/reset also resets them)
A model adds routes of its own with :func:`route`.
"""
import json
import os
import threading
from typing import Any, Callable

PREFIX = "/_ecsbed/"

_DEFAULTS: dict[str, Any] = {
    # Model seconds per real second: 60 makes a 10-minute bake take 10 s.
    "timeScale": float(os.environ.get("ECSBED_TIME_SCALE", "1")),
}
_settings: dict[str, Any] = dict(_DEFAULTS)
_lock = threading.Lock()
_routes: dict[tuple[str, str], Callable[[dict[str, Any]], Any]] = {}
_reset_hooks: list[Callable[[], None]] = []


def setting(name: str, default: Any = None) -> Any:
    with _lock:
        return _settings.get(name, default)


def default(name: str, value: Any) -> None:
    """Adds a model's setting with its default, which resets restore."""
    with _lock:
        _DEFAULTS[name] = value
        _settings.setdefault(name, value)


def route(method: str, path: str, handler: Callable[[dict[str, Any]], Any]) -> None:
    """Serves ``method /_ecsbed/<path>``: the handler gets the JSON body and returns JSON."""
    _routes[(method.upper(), path)] = handler


def on_reset(hook: Callable[[], None]) -> None:
    """Runs ``hook`` whenever the bed is reset (its own reset or moto's)."""
    _reset_hooks.append(hook)


def reset() -> None:
    with _lock:
        _settings.clear()
        _settings.update(_DEFAULTS)
    for hook in _reset_hooks:
        hook()


def _config(body: dict[str, Any]) -> dict[str, Any]:
    with _lock:
        _settings.update(body)
        return dict(_settings)


def _show(_: dict[str, Any]) -> dict[str, Any]:
    with _lock:
        return dict(_settings)


def _reset(_: dict[str, Any]) -> dict[str, Any]:
    reset()
    return _show({})


route("GET", "config", _show)
route("POST", "config", _config)
route("POST", "reset", _reset)


def middleware(app: Callable) -> Callable:
    """Wraps moto's WSGI app: /_ecsbed/ paths are ours, the rest goes to moto."""

    def wsgi(environ: dict, start_response: Callable) -> Any:
        path = environ.get("PATH_INFO", "")
        if path == "/moto-api/reset" and environ.get("REQUEST_METHOD") == "POST":
            reset()
        if not path.startswith(PREFIX):
            return app(environ, start_response)
        handler = _routes.get((environ.get("REQUEST_METHOD", "GET"), path[len(PREFIX):]))
        if handler is None:
            start_response("404 Not Found", [("Content-Type", "application/json")])
            return [b'{"message": "no such bed route"}']
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length) if length else b""
        try:
            result = handler(json.loads(raw) if raw else {})
        except (ValueError, KeyError) as error:
            start_response("400 Bad Request", [("Content-Type", "application/json")])
            return [json.dumps({"message": str(error)}).encode()]
        start_response("200 OK", [("Content-Type", "application/json")])
        return [json.dumps(result, default=str).encode()]

    return wsgi
