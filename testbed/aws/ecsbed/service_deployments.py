"""ECS service deployments, which moto lacks: stages advancing with model time, lifecycle hooks,
bake times, linear and canary traffic steps, alarm and circuit-breaker rollbacks, the listener-rule
weight shift, and the calls DescribeServiceDeployments, ListServiceDeployments,
ContinueServiceDeployment, StopServiceDeployment and DescribeServiceRevisions.

A deployment belongs to the service moto stores (it is kept on the moto Service object), so
`/moto-api/reset` forgets both. Time is the models' clock (clock.py): with timeScale 60 a 10-minute
bake takes 10 s. Deployments advance whenever a call reads or writes them; nothing runs in the
background.

Steering (control routes, see ../README.md):
  POST /_ecsbed/deployments/lambda   {"functionArn": ARN, "status": "SUCCEEDED"|"FAILED"|"IN_PROGRESS"}
  POST /_ecsbed/deployments/failing  {"taskDefinition": ARN}  tasks of that revision fail to start
  POST /_ecsbed/deployments/config   {"stageSeconds": 30}     model seconds a stage without a wait takes
"""
import datetime
import threading
from typing import Any, Optional

from moto.cloudwatch.models import cloudwatch_backends
from moto.core.common_models import BaseModel
from moto.moto_api._internal import mock_random

from . import clock, control
from .deployment_rules import (
    STAGES, TRAFFIC_STAGES, circuit_breaker_threshold, hooks_for, traffic_steps)

_lock = threading.RLock()
_lambda_answers: dict[str, str] = {}
_failing_revisions: set[str] = set()
_DEFAULTS = {"stageSeconds": 30.0, "taskFailureSeconds": 10.0}
_tuning: dict[str, float] = dict(_DEFAULTS)

ONGOING = {"PENDING", "IN_PROGRESS", "STOP_REQUESTED", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS"}


def _random_id() -> str:
    return mock_random.get_random_string(length=8) + "-" + mock_random.get_random_string(length=12)


class ServiceRevision(BaseModel):
    """What a deployment deploys (API_ServiceRevision): a snapshot of the service's workload."""

    def __init__(self, service: Any) -> None:
        self.service_revision_arn = service.arn.replace(":service/", ":service-revision/", 1) + "/" + str(
            mock_random.randint(10**18, 10**19 - 1))
        self.service_arn = service.arn
        self.cluster_arn = service.cluster_arn
        self.task_definition = service.task_definition
        self.launch_type = service.launch_type
        self.platform_version = service.platform_version
        self.load_balancers = [dict(lb) for lb in service.load_balancers]
        self.network_configuration = getattr(service, "network_configuration", None) or None
        self.service_connect_configuration = getattr(service, "service_connect_configuration", None) or None
        self.created_at = clock.now()


class ServiceDeployment(BaseModel):
    """One service deployment (API_ServiceDeployment), tracked by its ARN."""

    def __init__(self, service: Any, source: Optional[ServiceRevision], target: ServiceRevision,
                 reconcile: bool) -> None:
        now = clock.now()
        self.service = service
        self.service_deployment_arn = service.arn.replace(":service/", ":service-deployment/", 1) + "/" + _random_id()
        self.service_arn = service.arn
        self.cluster_arn = service.cluster_arn
        self.created_at = now
        self.started_at = now
        self.updated_at = now
        self.finished_at: Optional[datetime.datetime] = None
        self.stopped_at: Optional[datetime.datetime] = None
        self.source = source
        self.target = target
        # API_Deployment.id of the deployment that runs the target revision (DescribeServices).
        self.ecs_deployment_id = f"ecs-svc/{mock_random.randint(10**18, 10**19 - 1)}"
        self.source_ecs_deployment_id: Optional[str] = None
        self.deployment_configuration = _deployment_configuration(service)
        self.strategy = self.deployment_configuration.get("strategy", "ROLLING")
        self.status = "IN_PROGRESS"
        self.status_reason: Optional[str] = None
        self.rollback: Optional[dict[str, Any]] = None
        self.failure_count = 0
        self.triggered_alarms: list[str] = []
        self.production_weight = 0.0
        self.test_weight = 0.0
        self.hooks: list[dict[str, Any]] = []
        # Stages this deployment walks through; RECONCILE_SERVICE only when another revision is
        # still ACTIVE (API_ServiceDeployment, lifecycleStage).
        self.stages = ((["RECONCILE_SERVICE"] if reconcile else []) + STAGES) if self.strategy in TRAFFIC_STAGES else []
        self.stage_index = 0
        self.stage_entered = now
        self.traffic_steps = traffic_steps(self.strategy, self.deployment_configuration)
        self.traffic_step = 0
        if self.stages:
            self._enter_stage(now)

    # --- what the API returns -------------------------------------------------------------------

    @property
    def lifecycle_stage(self) -> Optional[str]:
        if not self.stages or self.status not in ONGOING:
            return None
        return self.stages[self.stage_index]

    @property
    def lifecycle_hook_details(self) -> list[dict[str, Any]]:
        return [{k: v for k, v in hook.items() if k in (
            "hookId", "targetType", "targetArn", "status", "expiresAt", "timeoutAction")} for hook in self.hooks]

    @property
    def source_service_revisions(self) -> list[dict[str, Any]]:
        if self.source is None:
            return []
        running = 0 if self.status in ("SUCCESSFUL",) else self.service.desired_count
        return [{"arn": self.source.service_revision_arn, "requestedTaskCount": running,
                 "runningTaskCount": running, "pendingTaskCount": 0,
                 "requestedProductionTrafficWeight": 100.0 - self.production_weight,
                 "requestedTestTrafficWeight": 100.0 - self.test_weight}]

    @property
    def target_service_revision(self) -> dict[str, Any]:
        scaled = self.status == "SUCCESSFUL" or (self.stages and self.stage_index > self.stages.index("SCALE_UP"))
        running = self.service.desired_count if scaled or not self.stages else 0
        return {"arn": self.target.service_revision_arn, "requestedTaskCount": self.service.desired_count,
                "runningTaskCount": running, "pendingTaskCount": self.service.desired_count - running,
                "requestedProductionTrafficWeight": self.production_weight,
                "requestedTestTrafficWeight": self.test_weight}

    @property
    def deployment_circuit_breaker(self) -> dict[str, Any]:
        breaker = self.deployment_configuration.get("deploymentCircuitBreaker") or {}
        if not breaker.get("enable"):
            return {"status": "DISABLED", "failureCount": 0, "threshold": 0}
        threshold = circuit_breaker_threshold(self.service.desired_count, breaker)
        status = "TRIGGERED" if self.failure_count >= threshold else (
            "MONITORING" if self.status in ONGOING else "MONITORING_COMPLETE")
        return {"status": status, "failureCount": self.failure_count, "threshold": threshold}

    @property
    def alarms(self) -> dict[str, Any]:
        alarms = self.deployment_configuration.get("alarms") or {}
        if not alarms.get("enable"):
            return {"status": "DISABLED", "alarmNames": [], "triggeredAlarmNames": []}
        status = "TRIGGERED" if self.triggered_alarms else (
            "MONITORING" if self.status in ONGOING else "MONITORING_COMPLETE")
        return {"status": status, "alarmNames": alarms.get("alarmNames", []),
                "triggeredAlarmNames": self.triggered_alarms}

    def brief(self) -> dict[str, Any]:
        """API_ServiceDeploymentBrief, what ListServiceDeployments returns."""
        return {"serviceDeploymentArn": self.service_deployment_arn, "serviceArn": self.service_arn,
                "clusterArn": self.cluster_arn, "startedAt": self.started_at, "createdAt": self.created_at,
                "finishedAt": self.finished_at, "targetServiceRevisionArn": self.target.service_revision_arn,
                "status": self.status, "statusReason": self.status_reason}

    # --- how it moves ---------------------------------------------------------------------------

    def advance(self) -> None:
        """Moves the deployment as far as model time allows; each pass handles one event."""
        for _ in range(1000):
            if not self._step(clock.now()):
                return

    def _step(self, now: datetime.datetime) -> bool:
        if self.status not in ONGOING:
            return False
        if self.status in ("ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS"):
            return self._finish_rollback(now)
        if self.status == "STOP_REQUESTED":
            self._finish(now, "STOPPED")
            return False
        if self._check_alarms(now) or self._check_breaker(now):
            return True
        if not self.stages:  # ROLLING: ECS replaces tasks; done when the service runs its desired count
            if self.service.running_count >= self.service.desired_count and not self._target_fails():
                self._finish(now, "SUCCESSFUL")
            return False
        return self._advance_stage(now)

    def _advance_stage(self, now: datetime.datetime) -> bool:
        for hook in self.hooks:
            if hook["status"] in ("AWAITING_ACTION", "IN_PROGRESS"):
                if now < hook["expiresAt"]:
                    if hook["targetType"] == "AWS_LAMBDA":
                        self._answer_lambda(hook, now)
                    if hook["status"] in ("AWAITING_ACTION", "IN_PROGRESS"):
                        return False
                else:
                    return self._time_out(hook, now)
            if hook["status"] == "FAILED":
                self.start_rollback(now, f"lifecycle hook {hook['hookId']} ({hook.get('targetArn') or 'PAUSE'}) failed")
                return True
        stage = self.stages[self.stage_index]
        if now < clock.after(self.stage_entered, self._stage_seconds(stage)):
            return False
        if stage == "PRODUCTION_TRAFFIC_SHIFT" and self.traffic_step + 1 < len(self.traffic_steps):
            # Linear and canary: the next step of production traffic; a PRODUCTION_TRAFFIC_SHIFT
            # hook runs at every step (developer guide, "Amazon ECS linear deployments").
            self.traffic_step += 1
            self._set_production_weight(self.traffic_steps[self.traffic_step][0])
            self.stage_entered = clock.after(self.stage_entered, self._stage_seconds(stage))
            self._start_hooks(stage, self.stage_entered)
            return True
        if self.stage_index + 1 == len(self.stages):
            self._finish(now, "SUCCESSFUL")
            return False
        self.stage_entered = clock.after(self.stage_entered, self._stage_seconds(stage))
        self.stage_index += 1
        self._enter_stage(self.stage_entered)
        return True

    def _stage_seconds(self, stage: str) -> float:
        config = self.deployment_configuration
        if stage == "BAKE_TIME":  # DeploymentConfiguration.bakeTimeInMinutes
            return 60.0 * float(config.get("bakeTimeInMinutes") or 0)
        if stage == "PRODUCTION_TRAFFIC_SHIFT" and self.traffic_step + 1 < len(self.traffic_steps):
            return 60.0 * self.traffic_steps[self.traffic_step][1]
        return _tuning["stageSeconds"]

    def _enter_stage(self, at: datetime.datetime) -> None:
        stage = self.stages[self.stage_index]
        if stage == "TEST_TRAFFIC_SHIFT":
            self.test_weight = 100.0
            _shift_rule(self, "testListenerRule", 100.0)
        if stage == "PRODUCTION_TRAFFIC_SHIFT":
            self._set_production_weight(self.traffic_steps[0][0])
        if stage == "CLEAN_UP":
            _swap_target_groups(self.service)
        self._start_hooks(stage, at)
        self.updated_at = at

    def _set_production_weight(self, weight: float) -> None:
        self.production_weight = weight
        _shift_rule(self, "productionListenerRule", weight)

    def _start_hooks(self, stage: str, at: datetime.datetime) -> None:
        """API_DeploymentLifecycleHookDetail: PAUSE waits in AWAITING_ACTION for
        ContinueServiceDeployment, AWS_LAMBDA is IN_PROGRESS until the function answers; both time
        out after timeoutConfiguration.timeoutInMinutes (default 1440) with its action (default ROLLBACK)."""
        self.hooks = []
        for hook in hooks_for(self.deployment_configuration, stage):
            timeout = hook.get("timeoutConfiguration") or {}
            self.hooks.append({
                "hookId": mock_random.get_random_hex(12),
                "targetType": hook.get("targetType") or "AWS_LAMBDA",
                "targetArn": hook.get("hookTargetArn"),
                "status": "AWAITING_ACTION" if hook.get("targetType") == "PAUSE" else "IN_PROGRESS",
                "expiresAt": clock.after(at, 60.0 * float(timeout.get("timeoutInMinutes") or 1440)),
                "timeoutAction": timeout.get("action") or "ROLLBACK",
            })

    def _answer_lambda(self, hook: dict[str, Any], now: datetime.datetime) -> None:
        # The function returns hookStatus SUCCEEDED, FAILED or IN_PROGRESS (asked again later).
        with _lock:
            answer = _lambda_answers.get(hook["targetArn"] or "", "SUCCEEDED")
        if answer in ("SUCCEEDED", "FAILED"):
            hook["status"] = answer
            self._resolved(now)

    def _resolved(self, now: datetime.datetime) -> None:
        """A hook answered at ``now``: the stage it held ends then at the earliest, so the stages
        after it take their own time from now rather than catching up on the wait."""
        stage = self.stages[self.stage_index]
        self.stage_entered = max(self.stage_entered, clock.after(now, -self._stage_seconds(stage)))
        self.updated_at = now

    def _time_out(self, hook: dict[str, Any], now: datetime.datetime) -> bool:
        hook["status"] = "TIMED_OUT"
        self._resolved(hook["expiresAt"])
        if hook["timeoutAction"] != "CONTINUE":
            self.start_rollback(now, f"lifecycle hook {hook['hookId']} timed out")
        return True

    def continue_hook(self, hook_id: str, action: str) -> None:
        now = clock.now()
        for hook in self.hooks:
            if hook["hookId"] == hook_id and hook["status"] == "AWAITING_ACTION":
                if action == "ROLLBACK":
                    hook["status"] = "FAILED"
                    self.start_rollback(now, f"rolled back at lifecycle hook {hook_id} by ContinueServiceDeployment")
                else:
                    hook["status"] = "SUCCEEDED"
                    self._resolved(now)
                self.updated_at = now
                return
        raise KeyError(hook_id)

    def _check_alarms(self, now: datetime.datetime) -> bool:
        alarms = self.deployment_configuration.get("alarms") or {}
        if not alarms.get("enable"):
            return False
        backend = cloudwatch_backends[self.service._account_id][self.service.region_name]
        firing = sorted(name for name in alarms.get("alarmNames", [])
                        if name in backend.alarms and backend.alarms[name].state_value == "ALARM")
        if not firing:
            return False
        self.triggered_alarms = firing
        return self._fail(now, f"alarm(s) {', '.join(firing)} in ALARM state", alarms.get("rollback"))

    def _check_breaker(self, now: datetime.datetime) -> bool:
        breaker = self.deployment_configuration.get("deploymentCircuitBreaker") or {}
        failing = self._target_fails()
        scaling = not self.stages or self.stages[self.stage_index] in ("SCALE_UP",)
        if not (breaker.get("enable") and failing and scaling):
            return False
        elapsed = (now - self.stage_entered).total_seconds()
        self.failure_count = int(elapsed // _tuning["taskFailureSeconds"])
        if self.failure_count < circuit_breaker_threshold(self.service.desired_count, breaker):
            return False
        return self._fail(now, f"circuit breaker: {self.failure_count} tasks failed to start", breaker.get("rollback"))

    def _fail(self, now: datetime.datetime, reason: str, rollback: bool) -> bool:
        """A failure detected by alarms or the breaker: roll back when configured, else stop."""
        if rollback:
            self.start_rollback(now, reason)
        else:
            self.status_reason = reason
            self._finish(now, "STOPPED")
        return True

    def withdraw_traffic(self) -> None:
        """Production and test traffic back to the source revision's target group."""
        if self.production_weight:
            self._set_production_weight(0.0)
        if self.test_weight:
            self.test_weight = 0.0
            _shift_rule(self, "testListenerRule", 0.0)

    def _target_fails(self) -> bool:
        with _lock:
            return any(_same_revision(self.target.task_definition, f) for f in _failing_revisions)

    def start_rollback(self, now: datetime.datetime, reason: str) -> None:
        """Back to the source revision (developer guide, "Stopping Amazon ECS service deployments":
        PENDING and IN_PROGRESS move to ROLLBACK_REQUESTED, then the rollback starts)."""
        if self.status not in ("PENDING", "IN_PROGRESS"):
            return
        self.status = "ROLLBACK_IN_PROGRESS"
        self.status_reason = reason
        self.rollback = {"reason": reason, "startedAt": now,
                         "serviceRevisionArn": self.source.service_revision_arn if self.source else None}
        self.stage_entered = now
        self.updated_at = now
        self.hooks = [dict(h, status="FAILED") if h["status"] in ("AWAITING_ACTION", "IN_PROGRESS") else h
                      for h in self.hooks]
        self.withdraw_traffic()
        _mirror_rollout_state(self)
        _event(self.service, now, f"(service {self.service.name}) rolling back deployment: {reason}")

    def _finish_rollback(self, now: datetime.datetime) -> bool:
        if now < clock.after(self.stage_entered, _tuning["stageSeconds"]):
            return False
        if self.source is not None:
            self.service.task_definition = self.source.task_definition
        self._finish(now, "ROLLBACK_SUCCESSFUL")
        return False

    def _finish(self, now: datetime.datetime, status: str) -> None:
        self.status = status
        self.finished_at = now
        self.updated_at = now
        if status == "STOPPED":
            self.stopped_at = now
        if status == "SUCCESSFUL":
            _event(self.service, now, f"(service {self.service.name}) has reached a steady state.")
        _mirror_rollout_state(self)


def _same_revision(task_definition: Optional[str], wanted: str) -> bool:
    """A task definition named by ARN or by family:revision, as UpdateService accepts either."""
    td = task_definition or ""
    return td == wanted or td.endswith("/" + wanted) or wanted.endswith("/" + td)


def _deployment_configuration(service: Any) -> dict[str, Any]:
    return dict(getattr(service, "deployment_configuration", None) or {})


def _event(service: Any, at: datetime.datetime, message: str) -> None:
    service.events.insert(0, {"id": mock_random.get_random_hex(32), "createdAt": at, "message": message})


def _shift_rule(deployment: ServiceDeployment, rule_key: str, green_weight: float) -> None:
    """ECS rewrites the forward weights of the listener rules named in each load balancer's
    advancedConfiguration (developer guide, "Amazon ECS blue/green deployments": ECS shifts traffic
    by changing the rule's target-group weights)."""
    from moto.elbv2.models import elbv2_backends

    backend = elbv2_backends[deployment.service._account_id][deployment.service.region_name]
    for lb in deployment.target.load_balancers:
        advanced = lb.get("advancedConfiguration") or {}
        rules = backend.describe_rules(listener_arn=None, rule_arns=[advanced[rule_key]]) if advanced.get(rule_key) else []
        blue, green = lb.get("targetGroupArn"), advanced.get("alternateTargetGroupArn")
        for rule in rules:
            for action in rule.actions:
                groups = (action.data.get("ForwardConfig") or {}).get("TargetGroups", [])
                for group in groups:
                    if group.get("TargetGroupArn") == green:
                        group["Weight"] = int(round(green_weight))
                    elif group.get("TargetGroupArn") == blue:
                        group["Weight"] = int(round(100 - green_weight))


def _swap_target_groups(service: Any) -> None:
    """After the production shift the green target group serves production: ECS reports it as the
    load balancer's targetGroupArn and the former one as alternateTargetGroupArn."""
    for lb in service.load_balancers:
        advanced = lb.get("advancedConfiguration")
        if advanced and advanced.get("alternateTargetGroupArn"):
            lb["targetGroupArn"], advanced["alternateTargetGroupArn"] = (
                advanced["alternateTargetGroupArn"], lb.get("targetGroupArn"))


def _mirror_rollout_state(deployment: ServiceDeployment) -> None:
    """DescribeServices' deployments[] (API_Deployment) follows the service's current deployment.

    While a blue/green, linear or canary deployment runs: a PRIMARY deployment of the target
    revision (rolloutState IN_PROGRESS) beside the ACTIVE one of the source; once SUCCESSFUL the
    PRIMARY alone, COMPLETED; once rolled back the source is PRIMARY again and the target's
    deployment stays listed, FAILED, with the reason. A ROLLING deployment keeps moto's list and
    only its rolloutState follows. A superseded deployment no longer speaks for the service.
    """
    service = deployment.service
    if getattr(service, "current_service_deployment", None) != deployment.service_deployment_arn:
        return
    rolled_back = deployment.status.startswith("ROLLBACK")
    failed = rolled_back or deployment.status == "STOPPED"
    state = "COMPLETED" if deployment.status == "SUCCESSFUL" else ("FAILED" if failed else "IN_PROGRESS")
    reason = deployment.status_reason or f"ECS deployment {deployment.ecs_deployment_id} {state.lower()}."
    if deployment.strategy not in TRAFFIC_STAGES:
        for entry in service.deployments[:1]:
            # moto's own entry and id: a finished rolling deployment reads as moto wrote it.
            why = deployment.status_reason or f"ECS deployment {entry['id']} {state.lower()}."
            entry.update(rolloutState=state, rolloutStateReason=why, updatedAt=deployment.updated_at)
        return
    template = dict(service.deployments[0]) if service.deployments else {}

    def entry(revision: ServiceRevision, ecs_id: str, status: str, rollout: str, why: str) -> dict[str, Any]:
        return dict(template, id=ecs_id, taskDefinition=revision.task_definition, status=status,
                    rolloutState=rollout, rolloutStateReason=why, desiredCount=service.desired_count,
                    updatedAt=deployment.updated_at, serviceConnectConfiguration=revision.service_connect_configuration)

    green = entry(deployment.target, deployment.ecs_deployment_id, "PRIMARY", state, reason)
    if deployment.source is None or deployment.status == "SUCCESSFUL":
        service.deployments = [green]
        return
    blue_id = deployment.source_ecs_deployment_id or template.get("id", "")
    if rolled_back:
        blue_state = "COMPLETED" if deployment.status == "ROLLBACK_SUCCESSFUL" else "IN_PROGRESS"
        service.deployments = [entry(deployment.source, blue_id, "PRIMARY", blue_state, f"ECS deployment {blue_id} {blue_state.lower()}."),
                               dict(green, status="ACTIVE")]
    else:
        service.deployments = [green, entry(deployment.source, blue_id, "ACTIVE", "COMPLETED", f"ECS deployment {blue_id} completed.")]


# --- Service Connect test traffic -----------------------------------------------------------------

# Developer guide, "Service Connect resources for Amazon ECS blue/green deployments": without
# testTrafficRules the proxy takes requests carrying this header as test traffic.
DEFAULT_TEST_HEADER = "x-amzn-ecs-blue-green-test"


def is_test_request(service_connect: Optional[dict[str, Any]], headers: dict[str, str]) -> bool:
    """Whether a request is test traffic: it matches the header rule of one of the client aliases'
    testTrafficRules (ServiceConnectTestTrafficHeaderRules: the header ``name``, its value equal to
    ``value.exact`` when given), or carries the default header when no alias has rules."""
    sent = {name.lower(): value for name, value in headers.items()}
    aliases = [alias for svc in (service_connect or {}).get("services") or [] for alias in svc.get("clientAliases") or []]
    rules = [alias["testTrafficRules"]["header"] for alias in aliases if (alias.get("testTrafficRules") or {}).get("header")]
    if not rules:
        return DEFAULT_TEST_HEADER in sent
    for rule in rules:
        exact = (rule.get("value") or {}).get("exact")
        if rule.get("name", "").lower() in sent and (exact is None or sent[rule["name"].lower()] == exact):
            return True
    return False


def route(service: Any, headers: dict[str, str]) -> dict[str, Any]:
    """Where the service's Service Connect proxy sends a request: test traffic goes to the green
    revision once the current deployment has passed TEST_TRAFFIC_SHIFT (green registers as the test
    endpoint then) and until it ends; other requests follow the production weights."""
    with _lock:
        advance(service)
        current = next(iter(deployments_of(service)), None)
        if current is None:
            return {"route": "production", "weights": {}}
        test = is_test_request(current.target.service_connect_configuration, headers)
        rolling = current.strategy not in TRAFFIC_STAGES and current.status in ONGOING
        if current.status == "SUCCESSFUL" or rolling:
            weights = {current.target.service_revision_arn: 100.0}
        elif current.status not in ONGOING or current.source is None:
            serving = current.source or current.target
            weights = {serving.service_revision_arn: 100.0}
        else:
            green = current.test_weight if test and current.status == "IN_PROGRESS" else current.production_weight
            weights = {current.source.service_revision_arn: 100.0 - green, current.target.service_revision_arn: green}
        routed_as_test = test and current.status == "IN_PROGRESS" and current.test_weight > 0
        return {"route": "test" if routed_as_test else "production",
                "weights": {arn: weight for arn, weight in weights.items() if weight > 0}}


# --- the service's deployments ------------------------------------------------------------------

def deployments_of(service: Any) -> list[ServiceDeployment]:
    if not hasattr(service, "_bed_deployments"):
        service._bed_deployments = []
    return service._bed_deployments


def start(service: Any) -> ServiceDeployment:
    """A new deployment (developer guide, "service deployment lifecycle": ECS creates one when the
    service is created, forced to deploy, or updated in a property that needs a deployment). One
    still in progress is stopped; its source stays what production runs."""
    with _lock:
        existing = deployments_of(service)
        ongoing = [d for d in existing if d.status in ONGOING]
        source = ongoing[0].source if ongoing else (existing[0].target if existing else None)
        deployment = ServiceDeployment(service, source, ServiceRevision(service), reconcile=bool(ongoing))
        previous = ongoing[0] if ongoing else (existing[0] if existing else None)
        if previous is not None:
            deployment.source_ecs_deployment_id = (
                previous.source_ecs_deployment_id if ongoing else previous.ecs_deployment_id)
        service.current_service_deployment = deployment.service_deployment_arn
        for old in ongoing:
            old.status_reason = "superseded by a newer service deployment"
            old.withdraw_traffic()
            old._finish(clock.now(), "STOPPED")
        existing.insert(0, deployment)
        if deployment.strategy in TRAFFIC_STAGES:
            _mirror_rollout_state(deployment)
        else:
            for entry in service.deployments[:1]:
                entry["serviceConnectConfiguration"] = deployment.target.service_connect_configuration
        return deployment


def advance(service: Any) -> None:
    with _lock:
        for deployment in deployments_of(service):
            deployment.advance()


def route_request(body: dict[str, Any]) -> dict[str, Any]:
    """``POST /_ecsbed/service-connect/route {"serviceArn", "headers"}``: where a request to the
    service through Service Connect goes (see route)."""
    from moto.ecs.models import ecs_backends

    for by_region in ecs_backends.values():
        for backend in by_region.values():
            for service in backend.services.values():
                if service.arn == body["serviceArn"]:
                    return route(service, body.get("headers") or {})
    raise KeyError(body["serviceArn"])


def set_lambda_answer(body: dict[str, Any]) -> dict[str, Any]:
    with _lock:
        _lambda_answers[body["functionArn"]] = body["status"]
        return dict(_lambda_answers)


def set_failing(body: dict[str, Any]) -> dict[str, Any]:
    with _lock:
        _failing_revisions.add(body["taskDefinition"])
        return {"failing": sorted(_failing_revisions)}


def set_tuning(body: dict[str, Any]) -> dict[str, Any]:
    with _lock:
        _tuning.update({k: float(v) for k, v in body.items() if k in _DEFAULTS})
        return dict(_tuning)


def reset() -> None:
    with _lock:
        _lambda_answers.clear()
        _failing_revisions.clear()
        _tuning.clear()
        _tuning.update(_DEFAULTS)


def install() -> None:
    from . import service_deployment_api

    control.route("POST", "deployments/lambda", set_lambda_answer)
    control.route("POST", "deployments/failing", set_failing)
    control.route("POST", "deployments/config", set_tuning)
    control.route("POST", "service-connect/route", route_request)
    control.on_reset(reset)
    service_deployment_api.install()

