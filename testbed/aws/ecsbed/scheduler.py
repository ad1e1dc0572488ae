"""EventBridge Scheduler's UpdateSchedule as AWS documents it, where moto's differs, and a way
to fire a schedule, which moto never does.

UpdateSchedule (API reference): "EventBridge Scheduler uses all values, including empty values,
specified in the request and overrides the existing schedule ... if you do not set an optional
field in your request, that field will be set to its system-default value after the update."
moto replaces most fields but leaves State empty when the request omits it (the default is
ENABLED, as CreateSchedule gives) and keeps the old ActionAfterCompletion whatever the request says.

POST /_ecsbed/scheduler/fire   {"name": ..., "groupName": ... (default "default")}
    runs the schedule's ECS target once, now, as Scheduler does at a scheduled time: EcsParameters
    ("The templated target type for the Amazon ECS RunTask API operation") become RunTask's
    cluster (the target's Arn), taskDefinition, count, launchType, networkConfiguration, group,
    platformVersion and tags, and the target's Input its overrides. A DISABLED schedule starts no
    run (UpdateSchedule `State`: "Specifies whether the schedule is enabled or disabled"), so it
    is refused. Answers the started task ARNs.
"""
import json
from typing import Any

from moto.ecs.models import ecs_backends
from moto.scheduler.exceptions import ScheduleNotFound
from moto.scheduler.models import Schedule, scheduler_backends
from moto.scheduler.responses import EventBridgeSchedulerResponse

from . import control


def _find(group: str, name: str) -> tuple[str, str, Schedule]:
    for account, by_region in scheduler_backends.items():
        for region, backend in by_region.items():
            try:
                return account, region, backend.get_schedule(group, name)
            except ScheduleNotFound:
                continue
    raise ValueError(f"no schedule {group}/{name}")


def _network(ecs: dict[str, Any]) -> Any:
    vpc = ecs.get("NetworkConfiguration", {}).get("awsvpcConfiguration")
    if vpc is None:
        return None
    # Scheduler's AwsVpcConfiguration members are capitalised; RunTask's are not.
    return {"awsvpcConfiguration": {
        "subnets": vpc.get("Subnets", []), "securityGroups": vpc.get("SecurityGroups", []),
        "assignPublicIp": vpc.get("AssignPublicIp", "DISABLED")}}


def _fire(body: dict[str, Any]) -> dict[str, Any]:
    account, region, schedule = _find(body.get("groupName") or "default", body["name"])
    if schedule.state == "DISABLED":
        raise ValueError(f"schedule {schedule.name} is DISABLED: Scheduler starts no run")
    target = schedule.target
    ecs = target.get("EcsParameters")
    if ecs is None:
        raise ValueError(f"schedule {schedule.name} has no ECS target")
    # EcsParameters `Tags`: "Array of string to string maps", each {"key": ..., "value": ...}.
    tags = [{"key": t["key"], "value": t.get("value", "")} for t in ecs.get("Tags", [])]
    tasks = ecs_backends[account][region].run_task(
        target["Arn"], ecs["TaskDefinitionArn"], ecs.get("TaskCount", 1),
        json.loads(target["Input"]) if target.get("Input") else None, None, tags,
        ecs.get("LaunchType"), _network(ecs), ecs.get("Group"), ecs.get("PlatformVersion"))
    return {"taskArns": [t.task_arn for t in tasks]}


def install() -> None:
    update = Schedule.update
    update_schedule = EventBridgeSchedulerResponse.update_schedule

    def update_to_defaults(self: Schedule, *args: Any, **kwargs: Any) -> None:
        update(self, *args, **kwargs)
        self.state = self.state or "ENABLED"

    def update_schedule_whole(self: EventBridgeSchedulerResponse) -> str:
        answer = update_schedule(self)
        name = self.uri.split("?")[0].split("/")[-1]
        schedule = self.scheduler_backend.get_schedule(self._get_param("GroupName"), name)
        schedule.action_after_completion = self._get_param("ActionAfterCompletion")
        return answer

    Schedule.update = update_to_defaults
    EventBridgeSchedulerResponse.update_schedule = update_schedule_whole
    control.route("POST", "scheduler/fire", _fire)
