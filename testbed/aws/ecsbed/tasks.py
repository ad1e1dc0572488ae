"""The lifecycle of an ECS task started by RunTask, which moto does not model.

moto starts every task RUNNING, moves it one status on per DescribeTasks, never gives its
containers exit codes, writes no logs and never forgets it. Here a task follows the lifecycle the
AWS developer guide describes ("Amazon ECS task lifecycle": PROVISIONING -> PENDING -> RUNNING ->
DEPROVISIONING -> STOPPED) on the bed's clock (timeScale), ending as a test steered it:

POST /_ecsbed/tasks/behaviour   a behaviour for the tasks it matches (the latest match wins)
GET  /_ecsbed/tasks/behaviour   the behaviours in force; the bed's reset forgets them

A behaviour matches on what the product sends: ``family`` (of the task definition), ``group``,
``startedBy`` (all it names must be equal; none named matches every task). Its ``outcome``:
``exit`` (the containers run ``runSeconds`` then exit with ``exitCodes``), ``cannotPull`` (the
image pull fails: TaskFailedToStart) or ``runUntilStopped`` (RUNNING until StopTask). A task no
behaviour matches runs until stopped with no provisioning delay: moto's RUNNING from the start.
"""
import json
import threading
import time
from datetime import datetime
from types import SimpleNamespace
from typing import Any, Optional

from moto.core.responses import ActionResult
from moto.ecs import models as ecs_models
from moto.ecs.exceptions import ECSException, InvalidParameterException
from moto.ecs.responses import EC2ContainerServiceResponse
from moto.logs import models as logs_models
from moto.moto_api._internal import mock_random

from . import clock, control

_FIELDS = {"family", "group", "startedBy", "outcome", "runSeconds", "exitCodes",
           "containerReasons", "stoppedReason", "pullError", "logs", "provisioningSeconds",
           "pendingSeconds", "deprovisioningSeconds"}
_OUTCOMES = {"exit", "cannotPull", "runUntilStopped"}
# Model seconds a steered task spends provisioning, pending (pulling) and deprovisioning.
_PHASE_DEFAULTS = {"provisioningSeconds": 5, "pendingSeconds": 10, "deprovisioningSeconds": 5}
# "Amazon ECS stopped tasks error codes": an essential container exited; the reason AWS shows.
_ESSENTIAL_EXITED = "Essential container in task exited"
# A task stopped without a reason (StopTask's `reason` is optional): the API reference does not
# give AWS's wording; this is the text the console commonly shows.
_STOPPED_BY_USER = "Task stopped by user"
# StopTask: "the equivalent of docker stop ... This results in a SIGTERM" -> 128 + 15.
_SIGTERM_EXIT = 143
# DescribeTasks: "Currently, stopped tasks appear in the returned results for at least one hour."
_FORGET_DEFAULT_SECONDS = 3600
# ECS_Idempotency, "Idempotency for RunTask": a RunTask client token lives 24 hours.
_TOKEN_TTL_SECONDS = 24 * 3600

_behaviours: list[dict[str, Any]] = []
_lock = threading.Lock()
_settle_lock = threading.RLock()


class ConflictException(ECSException):
    code = "ConflictException"


def _add_behaviour(body: dict[str, Any]) -> list[dict[str, Any]]:
    unknown = set(body) - _FIELDS
    if unknown:
        raise ValueError(f"unknown behaviour fields {sorted(unknown)}; known: {sorted(_FIELDS)}")
    outcome = body.setdefault("outcome", "exit")
    if outcome not in _OUTCOMES:
        raise ValueError(f"outcome must be one of {sorted(_OUTCOMES)}")
    with _lock:
        _behaviours.append(body)
        return list(_behaviours)


def _list_behaviours(_: dict[str, Any]) -> list[dict[str, Any]]:
    with _lock:
        return list(_behaviours)


def _forget_behaviours() -> None:
    with _lock:
        _behaviours.clear()


def _behaviour_for(family: str, group: str, started_by: str) -> Optional[dict[str, Any]]:
    sent = {"family": family, "group": group, "startedBy": started_by}
    with _lock:
        for behaviour in reversed(_behaviours):
            if all(behaviour[key] == value for key, value in sent.items() if key in behaviour):
                return behaviour
    return None


class Lifecycle:
    """Where one task is in its lifecycle: offsets are model seconds since it was created."""

    def __init__(self, behaviour: Optional[dict[str, Any]], container_definitions: list[dict]):
        self.created = clock.now()
        self.behaviour = behaviour or {"outcome": "runUntilStopped", "provisioningSeconds": 0,
                                       "pendingSeconds": 0, "deprovisioningSeconds": 0}
        self.container_definitions = container_definitions
        self.user_stop: Optional[float] = None  # model offset of a StopTask that took effect
        self.user_reason: Optional[str] = None
        self.logs_written = False

    def _phase(self, name: str) -> float:
        return float(self.behaviour.get(name, _PHASE_DEFAULTS[name]))

    def offset(self) -> float:
        return (clock.now() - self.created).total_seconds()

    def instant(self, offset: float) -> datetime:
        return clock.after(self.created, offset)

    @property
    def outcome(self) -> str:
        return self.behaviour["outcome"]

    @property
    def start_offset(self) -> float:
        return self._phase("provisioningSeconds") + self._phase("pendingSeconds")

    def _natural_stop(self) -> Optional[float]:
        if self.outcome == "cannotPull":
            return self.start_offset  # the pull fails at the end of PENDING
        if self.outcome == "exit":
            return self.start_offset + float(self.behaviour.get("runSeconds", 0))
        return None

    def stopping_offset(self) -> Optional[float]:
        natural = self._natural_stop()
        if self.user_stop is not None and (natural is None or self.user_stop < natural):
            return self.user_stop
        return natural

    def stopped_by_user(self) -> bool:
        return self.user_stop is not None and self.stopping_offset() == self.user_stop

    def request_stop(self) -> bool:
        """StopTask: takes effect unless the task is already stopping; says whether it did."""
        stopping = self.stopping_offset()
        now = self.offset()
        if stopping is not None and stopping <= now:
            return False
        self.user_stop = now
        return True

    def _reached(self, offset: Optional[float]) -> bool:
        return offset is not None and offset <= self.offset()

    def last_status(self) -> str:
        # Developer guide, "Amazon ECS task lifecycle": the statuses a task passes through.
        now = self.offset()
        stopping = self.stopping_offset()
        if stopping is not None and stopping <= now:
            return "STOPPED" if self._reached(self.stopped_offset()) else "DEPROVISIONING"
        if now < self._phase("provisioningSeconds"):
            return "PROVISIONING"
        return "PENDING" if now < self.start_offset else "RUNNING"

    def stopped_offset(self) -> Optional[float]:
        stopping = self.stopping_offset()
        return None if stopping is None else stopping + self._phase("deprovisioningSeconds")

    def forgotten(self) -> bool:
        stopped = self.stopped_offset()
        forget = float(control.setting("taskForgetSeconds", _FORGET_DEFAULT_SECONDS))
        return stopped is not None and self._reached(stopped + forget)

    def stopping(self) -> bool:
        return self._reached(self.stopping_offset())

    def started(self) -> bool:
        """The containers ran: the pull succeeded and no stop came before the start."""
        stopping = self.stopping_offset()
        return (self.outcome != "cannotPull" and self._reached(self.start_offset)
                and (stopping is None or stopping >= self.start_offset))

    def stop_code(self) -> Optional[str]:
        # Task.stopCode values (API reference, Task data type; "stopped tasks error codes").
        if not self.stopping():
            return None
        if self.stopped_by_user():
            return "UserInitiated"
        return "TaskFailedToStart" if self.outcome == "cannotPull" else "EssentialContainerExited"

    def pull_error(self) -> str:
        # Developer guide, "CannotPullContainer task errors": the stopped reason starts with
        # "CannotPullContainerError:" followed by what the pull reported.
        message = self.behaviour.get("pullError", "pull image manifest has been retried 1 time(s):"
                                     " failed to resolve ref: not found")
        return f"CannotPullContainerError: {message}"

    def stopped_reason(self) -> Optional[str]:
        if not self.stopping():
            return None
        if self.stopped_by_user():
            return self.user_reason or _STOPPED_BY_USER
        if self.outcome == "cannotPull":
            return self.pull_error()
        return self.behaviour.get("stoppedReason", _ESSENTIAL_EXITED)

    def exit_code(self, container: str) -> Optional[int]:
        """What a container exited with: none while it runs or when it never started."""
        if not (self.stopping() and self.started()):
            return None
        codes = self.behaviour.get("exitCodes", {})
        return int(codes.get(container, _SIGTERM_EXIT if self.stopped_by_user() else 0))

    def container_reason(self, container: str) -> Optional[str]:
        if not self.stopping():
            return None
        if self.outcome == "cannotPull" and not self.stopped_by_user():
            return self.pull_error()
        return self.behaviour.get("containerReasons", {}).get(container)

    def container_status(self) -> str:
        if self.stopping():
            return "STOPPED"
        return "RUNNING" if self.started() else "PENDING"


class ModelledContainer:
    """A Container of DescribeTasks (API reference, Container data type), one per definition."""

    def __init__(self, task: "ModelledTask", definition: dict[str, Any]):
        self._task = task
        self.name = definition.get("name")
        self.image = definition.get("image")
        self.cpu = str(definition["cpu"]) if "cpu" in definition else None
        self.memory = str(definition["memory"]) if "memory" in definition else None
        self._id = str(mock_random.uuid4())

    @property
    def container_arn(self) -> str:
        task_arn = self._task.task_arn
        prefix = task_arn.split(":task/")[0]
        return f"{prefix}:container/{self._task.cluster_name}/{self._task.id}/{self._id}"

    @property
    def task_arn(self) -> str:
        return self._task.task_arn

    @property
    def last_status(self) -> str:
        return self._task.life.container_status()

    @property
    def exit_code(self) -> Optional[int]:
        return self._task.life.exit_code(self.name)

    @property
    def reason(self) -> Optional[str]:
        return self._task.life.container_reason(self.name)


class ModelledTask(ecs_models.Task):
    """moto's Task whose status, times, stop code and containers come from its Lifecycle."""

    def __init__(self, cluster: Any, task_definition: Any, *args: Any, **kwargs: Any):
        group = kwargs.get("group") or f"family:{task_definition.family}"
        behaviour = _behaviour_for(task_definition.family, group, kwargs.get("started_by") or "")
        # Set before moto's constructor: it assigns desired_status and stopped_reason.
        self.life = Lifecycle(behaviour, list(task_definition.container_definitions))
        super().__init__(cluster, task_definition, *args, **kwargs)
        self.containers = [ModelledContainer(self, d) for d in task_definition.container_definitions]

    @property
    def last_status(self) -> str:
        return self.life.last_status()

    @last_status.setter
    def last_status(self, value: str) -> None:
        """moto's StopTask sets STOPPED at once; the lifecycle says when the task gets there."""

    @property
    def desired_status(self) -> str:
        return "STOPPED" if self.life.stopping() else "RUNNING"

    @desired_status.setter
    def desired_status(self, value: str) -> None:
        # moto's StopTask sets STOPPED; its constructor sets RUNNING, which the lifecycle starts at.
        if value == "STOPPED":
            self._stop_took_effect = self.life.request_stop()

    @property
    def stopped_reason(self) -> Optional[str]:
        return self.life.stopped_reason()

    @stopped_reason.setter
    def stopped_reason(self, value: Optional[str]) -> None:
        # StopTask `reason`: "the message appears in subsequent DescribeTasks API operations".
        if getattr(self, "_stop_took_effect", False):
            self.life.user_reason = value or None

    @property
    def stop_code(self) -> Optional[str]:
        return self.life.stop_code()

    @property
    def created_at(self) -> datetime:
        return self.life.instant(0)

    @property
    def started_at(self) -> Optional[datetime]:
        return self.life.instant(self.life.start_offset) if self.life.started() else None

    @property
    def stopping_at(self) -> Optional[datetime]:
        return self.life.instant(self.life.stopping_offset()) if self.life.stopping() else None

    # Task.executionStoppedAt: "the time when the task execution stopped" - the containers exited.
    execution_stopped_at = stopping_at

    @property
    def stopped_at(self) -> Optional[datetime]:
        if self.life.last_status() != "STOPPED":
            return None
        return self.life.instant(self.life.stopped_offset())

    def write_due_logs(self) -> None:
        """Puts the behaviour's log lines where the awslogs driver would, once the task started.

        Developer guide, "Using the awslogs log driver": with awslogs-stream-prefix the stream is
        named prefix-name/container-name/ecs-task-id; the group must exist unless
        awslogs-create-group is true.
        """
        if self.life.logs_written or not self.life.started():
            return
        self.life.logs_written = True
        lines_by_container = self.life.behaviour.get("logs", {})
        for definition in self.life.container_definitions:
            config = definition.get("logConfiguration") or {}
            options = config.get("options") or {}
            lines = lines_by_container.get(definition.get("name"), [])
            if config.get("logDriver") != "awslogs" or not lines or "awslogs-group" not in options:
                continue
            region = options.get("awslogs-region", self.region_name)
            logs = logs_models.logs_backends[self._account_id][region]
            group = options["awslogs-group"]
            if options.get("awslogs-create-group") == "true":
                logs.ensure_log_group(group)
            if group not in logs.groups:
                continue
            stream = f"{options.get('awslogs-stream-prefix')}/{definition['name']}/{self.id}"
            if stream not in logs.groups[group].streams:
                logs.create_log_stream(group, stream)
            # Stamped on the real clock: CloudWatch Logs refuses events more than 2 hours ahead,
            # where the model clock soon runs.
            now_ms = int(time.time() * 1000)
            logs.put_log_events(group, stream, [
                {"timestamp": now_ms + index, "message": line} for index, line in enumerate(lines)])


def _container_memory(definition: dict[str, Any]) -> Any:
    return next((definition[key] for key in ("memory", "memoryReservation", "Memory",
                                             "MemoryReservation") if definition.get(key)), None)


def _all_tasks(backend: Any) -> list[tuple[str, str, Any]]:
    return [(cluster, arn, task) for cluster, tasks in backend.tasks.items()
            for arn, task in tasks.items()]


def _settle(backend: Any) -> None:
    """Forgets tasks ECS no longer shows and writes the log lines that are due."""
    with _settle_lock:  # the server answers requests in threads
        for cluster, arn, task in _all_tasks(backend):
            if not isinstance(task, ModelledTask):
                continue
            if task.life.forgotten():
                del backend.tasks[cluster][arn]
            else:
                task.write_due_logs()


def _settle_every_backend() -> None:
    for by_region in list(ecs_models.ecs_backends.values()):
        for backend in list(by_region.values()):
            _settle(backend)


def _run_task_signature(body: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in body.items() if k != "clientToken"}, sort_keys=True)


def _placed_on(strategy: Optional[list[dict[str, Any]]]) -> Optional[str]:
    """The provider a task of RunTask's capacityProviderStrategy lands on, which moto drops.

    API_CapacityProviderStrategyItem: "The base value designates how many tasks, at a minimum, to
    run on the specified capacity provider"; the rest are placed by weight. Here a task lands on the
    provider with a base, else on the heaviest (the first of equals); DescribeTasks shows it as
    Task.capacityProviderName, "The capacity provider that's associated with the task."
    """
    if not strategy:
        return None
    return max(strategy, key=lambda i: (i.get("base", 0), i.get("weight", 0)))["capacityProvider"]


def _patch_responses() -> None:
    moto_run_task = EC2ContainerServiceResponse.run_task
    describe_tasks = EC2ContainerServiceResponse.describe_tasks

    def run_task(self: EC2ContainerServiceResponse) -> ActionResult:
        result = moto_run_task(self)
        provider = _placed_on(self._get_param("capacityProviderStrategy"))
        for task in result.result["tasks"]:
            task.capacity_provider_name = provider
        return result

    def run_task_modelled(self: EC2ContainerServiceResponse) -> ActionResult:
        # RunTask `count`: "You can specify up to 10 tasks for each call."
        count = self._get_int_param("count", 1)
        if not 1 <= count <= 10:
            raise InvalidParameterException("count must be between 1 and 10.")
        token = self._get_param("clientToken")
        if not token:
            return run_task(self)
        # ECS_Idempotency, "Idempotency for RunTask": a retry with the same client token and the
        # same parameters returns the original result; changed parameters fail with
        # ConflictException; tokens are scoped to the cluster and live 24 hours.
        backend = self.ecs_backend
        cluster = backend._get_cluster(self._get_param("cluster", "default")).name
        tokens = backend.__dict__.setdefault("bed_run_task_tokens", {})
        signature = _run_task_signature(json.loads(self.body or "{}"))
        known = tokens.get((cluster, token))
        if known and (clock.now() - known["at"]).total_seconds() < _TOKEN_TTL_SECONDS:
            if known["signature"] != signature:
                raise ConflictException(
                    "The specified client token has already been used in a request with "
                    "different parameters.")
            _settle(backend)
            still_known = [t for t in known["tasks"] if t.task_arn in backend.tasks.get(cluster, {})]
            return ActionResult({"tasks": still_known, "failures": []})
        result = run_task(self)
        tokens[(cluster, token)] = {"at": clock.now(), "signature": signature,
                                    "tasks": list(result.result["tasks"])}
        return result

    def describe_tasks_modelled(self: EC2ContainerServiceResponse) -> ActionResult:
        requested = self._get_param("tasks", [])
        # DescribeTasks `tasks`: "A list of up to 100 task IDs or full ARN entries." (AWS answers
        # more with this InvalidParameterException message.)
        if len(requested) > 100:
            raise InvalidParameterException("taskIds can have at most 100 items.")
        _settle(self.ecs_backend)
        result = describe_tasks(self)
        # `cluster`: "the cluster that hosts the task or tasks to describe"; moto looks in all.
        cluster = self.ecs_backend._get_cluster(self._get_param("cluster", "default")).arn
        result.result["tasks"] = [t for t in result.result["tasks"] if t.cluster_arn == cluster]
        found = {t.task_arn for t in result.result["tasks"]} | {
            t.task_arn.split("/")[-1] for t in result.result["tasks"]}
        # A task ECS forgot (or never had) comes back as a Failure with reason MISSING.
        result.result["failures"] = [{"arn": given, "reason": "MISSING"} for given in requested
                                     if given not in found and given.split("/")[-1] not in found]
        return result

    EC2ContainerServiceResponse.run_task = run_task_modelled
    EC2ContainerServiceResponse.describe_tasks = describe_tasks_modelled


def _patch_backends() -> None:
    backend_class = ecs_models.EC2ContainerServiceBackend
    requirements = backend_class._calculate_task_resource_requirements

    def requirements_without_container_memory(task_definition: Any) -> dict[str, Any]:
        # RegisterTaskDefinition `memory` (container): optional on Fargate, where the task-level
        # memory is required; moto's RunTask adds up container memory and fails without it.
        definitions = [{"memory": 0, **d} if not _container_memory(d) else d
                       for d in task_definition.container_definitions]
        return requirements(SimpleNamespace(container_definitions=definitions))

    backend_class._calculate_task_resource_requirements = staticmethod(
        requirements_without_container_memory)
    list_tasks = backend_class.list_tasks

    def list_tasks_modelled(self: Any, cluster_str: Any = None, container_instance: Any = None,
                            family: Any = None, started_by: Any = None, service_name: Any = None,
                            desiredStatus: Any = None) -> list:
        # ListTasks `desiredStatus`: "The default status filter is RUNNING"; a forgotten task is
        # not listed.
        _settle(self)
        return list_tasks(self, cluster_str, container_instance, family, started_by, service_name,
                          desiredStatus or "RUNNING")

    stop_task = backend_class.stop_task

    def stop_task_modelled(self: Any, cluster_str: str, task_str: str, reason: str) -> Any:
        # A task ECS forgot (or never ran) is refused as AWS refuses it, not with moto's bare error.
        _settle(self)
        cluster = self._get_cluster(cluster_str).name
        task_id = task_str.split("/")[-1]
        if not any(arn.endswith(task_id) for arn in self.tasks.get(cluster, {})):
            raise InvalidParameterException("The referenced task was not found.")
        return stop_task(self, cluster_str, task_str, reason)

    backend_class.list_tasks = list_tasks_modelled
    backend_class.stop_task = stop_task_modelled
    for name in ("get_log_events", "filter_log_events", "describe_log_streams"):
        _settle_before(logs_models.LogsBackend, name)


def _settle_before(cls: type, name: str) -> None:
    """A log read first writes the lines tasks have produced by now."""
    original = getattr(cls, name)

    def settled(*args: Any, **kwargs: Any) -> Any:
        _settle_every_backend()
        return original(*args, **kwargs)

    setattr(cls, name, settled)


def install() -> None:
    ecs_models.Task = ModelledTask  # run_task and start_task build tasks through this name
    _patch_responses()
    _patch_backends()
    control.route("POST", "tasks/behaviour", _add_behaviour)
    control.route("GET", "tasks/behaviour", _list_behaviours)
    control.on_reset(_forget_behaviours)
