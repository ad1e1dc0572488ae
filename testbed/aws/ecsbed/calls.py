"""How many calls of each action every service has answered since the bed was last reset.

GET /_ecsbed/calls  {"ecs": {"DescribeTasks": 3, ...}, ...}: for the product's call-count
benchmarks (e.g. one DescribeTasks per poll round for 50 tasks). moto counts nothing itself.
"""
import threading
from collections import Counter
from typing import Any

from moto.core.responses import BaseResponse

from . import control

_counts: Counter[tuple[str, str]] = Counter()
_lock = threading.Lock()


def _show(_: dict[str, Any]) -> dict[str, dict[str, int]]:
    shown: dict[str, dict[str, int]] = {}
    with _lock:
        for (service, action), count in sorted(_counts.items()):
            shown.setdefault(service, {})[action] = count
    return shown


def _forget() -> None:
    with _lock:
        _counts.clear()


def install() -> None:
    call_action = BaseResponse.call_action

    def counted(self: BaseResponse) -> Any:
        with _lock:
            _counts[(self.service_name or "unknown", self._get_action())] += 1
        return call_action(self)

    BaseResponse.call_action = counted
    control.route("GET", "calls", _show)
    control.on_reset(_forget)
