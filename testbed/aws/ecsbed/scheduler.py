"""EventBridge Scheduler's UpdateSchedule as AWS documents it, where moto's differs.

UpdateSchedule (API reference): "EventBridge Scheduler uses all values, including empty values,
specified in the request and overrides the existing schedule ... if you do not set an optional
field in your request, that field will be set to its system-default value after the update."
moto replaces most fields but leaves State empty when the request omits it (the default is
ENABLED, as CreateSchedule gives) and keeps the old ActionAfterCompletion whatever the request says.
"""
from typing import Any

from moto.scheduler.models import Schedule
from moto.scheduler.responses import EventBridgeSchedulerResponse


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
