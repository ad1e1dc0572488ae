from botocore.exceptions import ClientError

from tests.bed import BedTestCase

TARGET = {
    "Arn": "arn:aws:ecs:us-east-1:123456789012:cluster/c1",
    "RoleArn": "arn:aws:iam::123456789012:role/scheduler-run-task",
    "EcsParameters": {
        "TaskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/report:3",
        "TaskCount": 1,
        "LaunchType": "FARGATE",
        "NetworkConfiguration": {"awsvpcConfiguration": {
            "Subnets": ["subnet-1"], "SecurityGroups": ["sg-1"], "AssignPublicIp": "DISABLED"}},
        "Group": "ecs-operator/nightly-report",
        "PropagateTags": "TASK_DEFINITION",
        "EnableExecuteCommand": False,
        "Tags": [{"owner": "ecs-operator"}],
    },
    "Input": '{"containerOverrides": []}',
    "RetryPolicy": {"MaximumEventAgeInSeconds": 3600, "MaximumRetryAttempts": 2},
    "DeadLetterConfig": {"Arn": "arn:aws:sqs:us-east-1:123456789012:dlq"},
}


class SchedulerTest(BedTestCase):
    """moto's EventBridge Scheduler CRUD, checked against what the product relies on."""

    def test_a_schedule_with_an_ecs_target_round_trips(self) -> None:
        scheduler = self.client("scheduler")
        scheduler.create_schedule(
            Name="nightly-report", ScheduleExpression="cron(0 2 * * ? *)",
            ScheduleExpressionTimezone="Europe/Berlin", Description="owned by ecs-operator",
            FlexibleTimeWindow={"Mode": "FLEXIBLE", "MaximumWindowInMinutes": 15},
            State="DISABLED", Target=TARGET)
        schedule = scheduler.get_schedule(Name="nightly-report")
        self.assertEqual(TARGET, schedule["Target"])
        self.assertEqual(("cron(0 2 * * ? *)", "Europe/Berlin", "DISABLED", "default"),
                         (schedule["ScheduleExpression"], schedule["ScheduleExpressionTimezone"],
                          schedule["State"], schedule["GroupName"]))
        self.assertEqual({"Mode": "FLEXIBLE", "MaximumWindowInMinutes": 15}, schedule["FlexibleTimeWindow"])

    def test_update_schedule_replaces_the_whole_schedule(self) -> None:
        # UpdateSchedule: "EventBridge Scheduler uses all values, including empty values, specified
        # in an UpdateSchedule request and overwrites the existing schedule."
        scheduler = self.client("scheduler")
        scheduler.create_schedule(
            Name="nightly-report", ScheduleExpression="rate(1 day)", Description="first",
            FlexibleTimeWindow={"Mode": "OFF"}, State="DISABLED", ActionAfterCompletion="DELETE",
            Target=TARGET)
        smaller = {"Arn": TARGET["Arn"], "RoleArn": TARGET["RoleArn"],
                   "EcsParameters": {"TaskDefinitionArn": TARGET["EcsParameters"]["TaskDefinitionArn"]}}
        scheduler.update_schedule(Name="nightly-report", ScheduleExpression="rate(2 days)",
                                  FlexibleTimeWindow={"Mode": "OFF"}, Target=smaller)
        schedule = scheduler.get_schedule(Name="nightly-report")
        self.assertEqual("rate(2 days)", schedule["ScheduleExpression"])
        self.assertNotIn("Description", schedule)
        self.assertEqual(smaller["EcsParameters"], schedule["Target"]["EcsParameters"])
        self.assertNotIn("DeadLetterConfig", schedule["Target"])
        self.assertEqual("ENABLED", schedule["State"])  # State omitted: the default, ENABLED
        self.assertNotIn("ActionAfterCompletion", schedule)

    def test_update_schedule_sets_action_after_completion(self) -> None:
        scheduler = self.client("scheduler")
        scheduler.create_schedule(Name="once", ScheduleExpression="at(2030-01-01T02:00:00)",
                                  FlexibleTimeWindow={"Mode": "OFF"}, Target=TARGET)
        scheduler.update_schedule(Name="once", ScheduleExpression="at(2030-01-01T02:00:00)",
                                  FlexibleTimeWindow={"Mode": "OFF"}, Target=TARGET,
                                  ActionAfterCompletion="DELETE", State="DISABLED")
        schedule = scheduler.get_schedule(Name="once")
        self.assertEqual(("DELETE", "DISABLED"), (schedule["ActionAfterCompletion"], schedule["State"]))

    def test_a_deleted_schedule_is_gone(self) -> None:
        scheduler = self.client("scheduler")
        scheduler.create_schedule(Name="nightly-report", ScheduleExpression="rate(1 day)",
                                  FlexibleTimeWindow={"Mode": "OFF"}, Target=TARGET)
        scheduler.delete_schedule(Name="nightly-report")
        with self.assertRaises(ClientError) as missing:
            scheduler.get_schedule(Name="nightly-report")
        self.assertEqual("ResourceNotFoundException", missing.exception.response["Error"]["Code"])
        self.assertEqual([], scheduler.list_schedules()["Schedules"])
