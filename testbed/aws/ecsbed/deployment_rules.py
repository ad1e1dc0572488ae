"""Pure rules of ECS service deployments (no moto state): stage order, hooks, traffic steps, and
the defaults ECS fills in a service's deploymentConfiguration."""
import copy
import math
from typing import Any, Optional

# API_ServiceDeployment, lifecycleStage: the stages of a BLUE_GREEN, LINEAR or CANARY deployment.
STAGES = ["PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
          "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP"]
# Strategies that walk the stages; ROLLING replaces tasks in place.
TRAFFIC_STAGES = {"BLUE_GREEN", "LINEAR", "CANARY"}


def hooks_for(config: dict[str, Any], stage: str) -> list[dict[str, Any]]:
    """The lifecycle hooks configured for ``stage`` (DeploymentLifecycleHook.lifecycleStages)."""
    return [hook for hook in config.get("lifecycleHooks") or [] if stage in (hook.get("lifecycleStages") or [])]


def traffic_steps(strategy: str, config: dict[str, Any]) -> list[tuple[float, float]]:
    """(production percent on green, bake minutes before the next step) for each shift step.

    API_LinearConfiguration: stepPercent default 10.0, stepBakeTimeInMinutes default 6, no bake
    after reaching 100 percent. API_CanaryConfiguration: canaryPercent default 5.0,
    canaryBakeTimeInMinutes default 10, then the rest at once. BLUE_GREEN shifts all at once.
    """
    if strategy == "LINEAR":
        linear = config.get("linearConfiguration") or {}
        step = float(linear.get("stepPercent") or 10.0)
        bake = float(linear.get("stepBakeTimeInMinutes") if linear.get("stepBakeTimeInMinutes") is not None else 6)
        count = math.ceil(round(100.0 / step, 6))
        return [(min(100.0, round(step * (i + 1), 1)), bake if i + 1 < count else 0.0) for i in range(count)]
    if strategy == "CANARY":
        canary = config.get("canaryConfiguration") or {}
        percent = float(canary.get("canaryPercent") or 5.0)
        bake = float(canary.get("canaryBakeTimeInMinutes") if canary.get("canaryBakeTimeInMinutes") is not None else 10)
        return [(percent, bake), (100.0, 0.0)]
    return [(100.0, 0.0)]


def circuit_breaker_threshold(desired_count: int, breaker: Optional[dict[str, Any]] = None) -> int:
    """Developer guide, "How the Amazon ECS deployment circuit breaker detects failures": by default
    half the desired count, rounded up, at least 3 and at most 200. API_ThresholdConfiguration: a
    COUNT is the threshold itself; BOUNDED_PERCENT and UNBOUNDED_PERCENT multiply value by the
    desired count (the bounds 3 and 200 only for BOUNDED_PERCENT)."""
    threshold = (breaker or {}).get("thresholdConfiguration") or {}
    kind, value = threshold.get("type", "BOUNDED_PERCENT"), threshold.get("value", 50)
    if kind == "COUNT":
        return int(value)
    count = math.ceil(desired_count * value / 100.0)
    return count if kind == "UNBOUNDED_PERCENT" else max(3, min(200, count))


def steps_of_another_strategy(config: Optional[dict[str, Any]]) -> Optional[str]:
    """The step configuration sent with a strategy it does not belong to, if any:
    API_DeploymentConfiguration says linearConfiguration is "Only valid when the deployment
    strategy is LINEAR" and canaryConfiguration only when it is CANARY."""
    config = config or {}
    strategy = config.get("strategy", "ROLLING")
    for steps, owner in (("linearConfiguration", "LINEAR"), ("canaryConfiguration", "CANARY")):
        if config.get(steps) is not None and strategy != owner:
            return steps
    return None


def with_defaults(config: Optional[dict[str, Any]], scheduling_strategy: str) -> dict[str, Any]:
    """The deploymentConfiguration as DescribeServices reports it: what was sent, with the values
    ECS fills when they are left out.

    - API_DeploymentConfiguration: maximumPercent 200 and minimumHealthyPercent 100 for REPLICA,
      100 and 0 for DAEMON (the reference gives no other default for the BLUE_GREEN, LINEAR and
      CANARY strategies); strategy ROLLING.
    - API_DeploymentCircuitBreaker: enable and rollback are required members, so a service created
      without a breaker reports both false; resetOnHealthyTask "The default is true";
      API_ThresholdConfiguration "By default ... BOUNDED_PERCENT with a value of 50".
    - API_DeploymentLifecycleHook / API_DeploymentLifecycleHookTimeoutConfiguration: a hook is an
      AWS_LAMBDA hook unless it says PAUSE; it times out after 1440 minutes with ROLLBACK.
    - API_LinearConfiguration (stepPercent 10.0, stepBakeTimeInMinutes 6) and
      API_CanaryConfiguration (canaryPercent 5.0, canaryBakeTimeInMinutes 10), for their strategy.
    bakeTimeInMinutes is left as sent: the API reference names no default for it.
    """
    filled = copy.deepcopy(config or {})
    daemon = scheduling_strategy == "DAEMON"
    filled.setdefault("maximumPercent", 100 if daemon else 200)
    filled.setdefault("minimumHealthyPercent", 0 if daemon else 100)
    filled.setdefault("strategy", "ROLLING")
    breaker = filled.setdefault("deploymentCircuitBreaker", {"enable": False, "rollback": False})
    breaker.setdefault("enable", False)
    breaker.setdefault("rollback", False)
    breaker.setdefault("resetOnHealthyTask", True)
    threshold = breaker.setdefault("thresholdConfiguration", {})
    threshold.setdefault("type", "BOUNDED_PERCENT")
    threshold.setdefault("value", 50)
    for hook in filled.get("lifecycleHooks") or []:
        hook.setdefault("targetType", "AWS_LAMBDA")
        timeout = hook.setdefault("timeoutConfiguration", {})
        timeout.setdefault("timeoutInMinutes", 1440)
        timeout.setdefault("action", "ROLLBACK")
    if filled["strategy"] == "LINEAR":
        linear = filled.setdefault("linearConfiguration", {})
        linear.setdefault("stepPercent", 10.0)
        linear.setdefault("stepBakeTimeInMinutes", 6)
    if filled["strategy"] == "CANARY":
        canary = filled.setdefault("canaryConfiguration", {})
        canary.setdefault("canaryPercent", 5.0)
        canary.setdefault("canaryBakeTimeInMinutes", 10)
    return filled
