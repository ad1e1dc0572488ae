"""Pure rules of ECS service deployments (no moto state): stage order, hooks, traffic steps."""
import math
from typing import Any

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


def circuit_breaker_threshold(desired_count: int) -> int:
    """Developer guide, "How the Amazon ECS deployment circuit breaker detects failures": the
    failure threshold is half the desired count, rounded up, at least 3 and at most 200."""
    return max(3, min(200, math.ceil(desired_count * 0.5)))
