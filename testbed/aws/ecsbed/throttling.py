"""ECS's request throttling: token buckets per account, region and API category (issue 13).

Follows the ECS developer guide, "Request throttling for the Amazon ECS API": ECS throttles per
account and Region with the token bucket algorithm; a bucket holds at most its burst in tokens,
refills at the sustained rate, every request takes one token, and a request finding the bucket
empty fails with ThrottlingException (HTTP 400, "Rate exceeded"). The buckets and their actions are
that page's table as DESIGN §8 quotes it; actions outside these categories are not throttled here.

Off unless the setting ``throttle`` is true (env ``ECSBED_THROTTLE=1``). ``throttleBuckets``
({"TaskDefinitionModify": [burst, perSecond]}) overrides a category's bucket, for tests. Buckets
run on real time, not the models' clock: a rate is a property of the API, not of a modelled delay.

GET /_ecsbed/throttles  {"answered": {"RegisterTaskDefinition": 2}, "buckets": {"ServiceModify":
[50, 5], ...}}: the throttles answered since the last reset, and the buckets in force.
"""
import json
import os
import threading
import time
from collections import Counter
from typing import Any

from moto.core.responses import BaseResponse

from . import control

# category: (burst, sustained per second), and the actions that draw on it.
BUCKETS: dict[str, tuple[float, float]] = {
    "ServiceModify": (50, 5),
    "ServiceRead": (100, 20),
    "TaskDefinitionModify": (20, 1),
    "TaskDefinitionRead": (50, 20),
    "DeleteTaskDefinitions": (5, 1),
    "ClusterModify": (20, 1),
    "ClusterRead": (50, 20),
    "TagModify": (20, 10),
    "TagRead": (50, 20),
}
CATEGORY: dict[str, str] = {
    "CreateService": "ServiceModify", "UpdateService": "ServiceModify",
    "DeleteService": "ServiceModify",
    "DescribeServices": "ServiceRead", "ListServices": "ServiceRead",
    "RegisterTaskDefinition": "TaskDefinitionModify",
    "DeregisterTaskDefinition": "TaskDefinitionModify",
    "DescribeTaskDefinition": "TaskDefinitionRead", "ListTaskDefinitions": "TaskDefinitionRead",
    "ListTaskDefinitionFamilies": "TaskDefinitionRead",
    "DeleteTaskDefinitions": "DeleteTaskDefinitions",
    "CreateCluster": "ClusterModify", "UpdateCluster": "ClusterModify",
    "DeleteCluster": "ClusterModify", "UpdateClusterSettings": "ClusterModify",
    "PutClusterCapacityProviders": "ClusterModify",
    "DescribeClusters": "ClusterRead", "ListClusters": "ClusterRead",
    "TagResource": "TagModify", "UntagResource": "TagModify",
    "ListTagsForResource": "TagRead",
}

_lock = threading.Lock()
# (account, region, category) -> (tokens, monotonic time they were counted)
_buckets: dict[tuple[str, str, str], tuple[float, float]] = {}
_answered: Counter[str] = Counter()


def _bucket(category: str) -> tuple[float, float]:
    overrides = control.setting("throttleBuckets") or {}
    burst, rate = overrides.get(category, BUCKETS[category])
    return float(burst), float(rate)


def take(account: str, region: str, action: str) -> bool:
    """Takes a token for ``action``; False when its bucket is empty (the request is throttled)."""
    category = CATEGORY.get(action)
    if category is None:
        return True
    burst, rate = _bucket(category)
    key = (account, region, category)
    with _lock:
        now = time.monotonic()
        tokens, counted = _buckets.get(key, (burst, now))
        tokens = min(burst, tokens + (now - counted) * rate)
        if tokens < 1:
            _buckets[key] = (tokens, now)
            _answered[action] += 1
            return False
        _buckets[key] = (tokens - 1, now)
        return True


def _show(_: dict[str, Any]) -> dict[str, Any]:
    with _lock:
        answered = dict(sorted(_answered.items()))
    return {"answered": answered, "buckets": {category: _bucket(category) for category in BUCKETS}}


def _forget() -> None:
    with _lock:
        _buckets.clear()
        _answered.clear()


def install() -> None:
    control.default("throttle", os.environ.get("ECSBED_THROTTLE", "") in ("1", "true"))
    call_action = BaseResponse.call_action

    def throttled(self: BaseResponse) -> Any:
        if (self.service_name == "ecs" and control.setting("throttle")
                and not take(self.current_account, self.region, self._get_action())):
            # The JSON protocol's error shape: the SDKs read the code from __type.
            body = json.dumps({"__type": "ThrottlingException", "message": "Rate exceeded"})
            return 400, {"Content-Type": "application/x-amz-json-1.1"}, body
        return call_action(self)

    BaseResponse.call_action = throttled
    control.route("GET", "throttles", _show)
    control.on_reset(_forget)
