import urllib.error
from typing import Any

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
        "Tags": [{"key": "owner", "value": "ecs-operator"}],
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

    def _network(self) -> dict[str, Any]:
        ec2 = self.client("ec2")
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        # moto's awsvpc tasks read their ENI's private DNS name, which needs DNS hostnames.
        ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsHostnames={"Value": True})
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
        group = ec2.create_security_group(
            GroupName="report", Description="report", VpcId=vpc)["GroupId"]
        return {"awsvpcConfiguration": {
            "Subnets": [subnet], "SecurityGroups": [group], "AssignPublicIp": "DISABLED"}}

    def _cluster_and_revision(self) -> tuple[str, str]:
        ecs = self.client("ecs")
        cluster = ecs.create_cluster(clusterName="batch")["cluster"]["clusterArn"]
        revision = ecs.register_task_definition(
            family="report", networkMode="awsvpc", requiresCompatibilities=["FARGATE"],
            cpu="256", memory="512",
            containerDefinitions=[{"name": "report", "image": "report:1"}],
        )["taskDefinition"]["taskDefinitionArn"]
        return cluster, revision

    def test_firing_a_schedule_runs_its_ecs_target_once(self) -> None:
        cluster, revision = self._cluster_and_revision()
        target = {**TARGET, "Arn": cluster, "EcsParameters": {
            **TARGET["EcsParameters"], "TaskDefinitionArn": revision, "TaskCount": 2,
            "NetworkConfiguration": self._network(),
            "Tags": [{"key": "team", "value": "data"},
                     {"key": "ecsoperator.io/owner", "value": "reports/nightly"}]},
            "Input": '{"containerOverrides": [{"name": "report", "command": ["run"]}]}'}
        self.client("scheduler").create_schedule(
            Name="nightly-report", ScheduleExpression="cron(0 2 * * ? *)",
            FlexibleTimeWindow={"Mode": "OFF"}, Target=target)

        fired = self.post("/_ecsbed/scheduler/fire", {"name": "nightly-report"})

        ecs = self.client("ecs")
        self.assertEqual(2, len(fired["taskArns"]))
        tasks = ecs.describe_tasks(cluster=cluster, tasks=fired["taskArns"], include=["TAGS"])["tasks"]
        task = tasks[0]
        self.assertEqual((revision, "ecs-operator/nightly-report", "FARGATE"),
                         (task["taskDefinitionArn"], task["group"], task["launchType"]))
        self.assertEqual({"team": "data", "ecsoperator.io/owner": "reports/nightly"},
                         {t["key"]: t["value"] for t in task["tags"]})
        self.assertEqual(["run"], task["overrides"]["containerOverrides"][0]["command"])
        self.assertEqual(sorted(fired["taskArns"]),
                         sorted(ecs.list_tasks(cluster=cluster, family="report")["taskArns"]))

    def test_a_disabled_schedule_is_not_fired(self) -> None:
        cluster, revision = self._cluster_and_revision()
        target = {**TARGET, "Arn": cluster,
                  "EcsParameters": {**TARGET["EcsParameters"], "TaskDefinitionArn": revision}}
        self.client("scheduler").create_schedule(
            Name="paused", ScheduleExpression="rate(1 hour)", State="DISABLED",
            FlexibleTimeWindow={"Mode": "OFF"}, Target=target)

        with self.assertRaises(urllib.error.HTTPError) as refused:
            self.post("/_ecsbed/scheduler/fire", {"name": "paused"})

        self.assertEqual(400, refused.exception.code)
        self.assertEqual([], self.client("ecs").list_tasks(cluster=cluster)["taskArns"])
