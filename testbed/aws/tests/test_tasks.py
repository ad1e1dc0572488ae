import json
import time
from datetime import datetime, timedelta, timezone

from botocore.exceptions import ClientError

from ecsbed import clock
from tests.bed import BedTestCase


class TaskLifecycleTest(BedTestCase):
    """The model's own clock is held still and moved by hand, so each phase is observed exactly."""

    def setUp(self) -> None:
        super().setUp()
        # Whole seconds, so the times DescribeTasks answers (milliseconds) compare exactly.
        self.t0 = self.clock = datetime.now(timezone.utc).replace(microsecond=0)
        self._model_now = clock.now
        clock.now = lambda: self.clock
        self.ecs = self.client("ecs")
        self.ecs.create_cluster(clusterName="c1")
        self.register("migrate")
        subnet = self.client("ec2").describe_subnets()["Subnets"][0]["SubnetId"]
        # Fargate tasks use awsvpc networking: RunTask needs the subnets.
        self.network = {"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": []}}

    def tearDown(self) -> None:
        clock.now = self._model_now

    def advance(self, seconds: float) -> None:
        self.clock += timedelta(seconds=seconds)

    def register(self, family: str, log_group: str = "/ecs/migrate") -> None:
        logging = {"logDriver": "awslogs", "options": {
            "awslogs-group": log_group, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "job"}}
        self.ecs.register_task_definition(family=family, requiresCompatibilities=["FARGATE"],
                                          cpu="256", memory="512", containerDefinitions=[
            {"name": "app", "image": "migrate:1", "essential": True, "logConfiguration": logging},
            {"name": "sidecar", "image": "envoy:1", "essential": False}])

    def behave(self, **behaviour: object) -> None:
        self.post("/_ecsbed/tasks/behaviour", behaviour)

    def start(self, family: str = "migrate", **extra: object) -> str:
        response = self.ecs.run_task(cluster="c1", taskDefinition=family, launchType="FARGATE",
                                     networkConfiguration=self.network, **extra)
        return response["tasks"][0]["taskArn"]

    def describe(self, arn: str) -> dict:
        return self.ecs.describe_tasks(cluster="c1", tasks=[arn])["tasks"][0]

    @staticmethod
    def containers(task: dict) -> dict:
        return {c["name"]: c for c in task["containers"]}

    def at(self, offset: float) -> datetime:
        return self.t0 + timedelta(seconds=offset)

    def test_a_steered_task_goes_through_the_lifecycle_and_exits_with_the_chosen_codes(self) -> None:
        self.behave(family="migrate", provisioningSeconds=10, pendingSeconds=20, runSeconds=60,
                    deprovisioningSeconds=5, exitCodes={"app": 3},
                    containerReasons={"app": "migration 42 failed"})
        arn = self.start()

        task = self.describe(arn)
        self.assertEqual(("PROVISIONING", "RUNNING"), (task["lastStatus"], task["desiredStatus"]))
        self.assertNotIn("startedAt", task)
        self.assertEqual(self.at(0), task["createdAt"])
        self.assertEqual({"app", "sidecar"}, set(self.containers(task)))

        self.advance(15)
        self.assertEqual("PENDING", self.describe(arn)["lastStatus"])

        self.advance(16)
        task = self.describe(arn)
        self.assertEqual("RUNNING", task["lastStatus"])
        self.assertEqual(self.at(30), task["startedAt"])
        self.assertNotIn("exitCode", self.containers(task)["app"])
        self.assertEqual("RUNNING", self.containers(task)["app"]["lastStatus"])

        self.advance(60)  # model second 91: the essential container exited at 90
        task = self.describe(arn)
        self.assertEqual(("DEPROVISIONING", "STOPPED"), (task["lastStatus"], task["desiredStatus"]))
        self.assertEqual("EssentialContainerExited", task["stopCode"])
        self.assertEqual("Essential container in task exited", task["stoppedReason"])
        self.assertEqual(self.at(90), task["stoppingAt"])
        self.assertEqual(self.at(90), task["executionStoppedAt"])
        self.assertNotIn("stoppedAt", task)
        app, sidecar = self.containers(task)["app"], self.containers(task)["sidecar"]
        self.assertEqual((3, "migration 42 failed", "STOPPED"), (app["exitCode"], app["reason"], app["lastStatus"]))
        self.assertEqual(0, sidecar["exitCode"])

        self.advance(5)
        task = self.describe(arn)
        self.assertEqual("STOPPED", task["lastStatus"])
        self.assertEqual(self.at(95), task["stoppedAt"])

    def test_a_task_of_a_capacity_provider_strategy_names_the_provider_it_landed_on(self) -> None:
        # Without a launch type moto places the tasks on the cluster's container instances.
        ec2 = self.client("ec2")
        instance = ec2.run_instances(ImageId=ec2.describe_images()["Images"][0]["ImageId"],
                                     MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]
        self.ecs.register_container_instance(
            cluster="c1", instanceIdentityDocument=json.dumps({"instanceId": instance}))
        strategy = [{"capacityProvider": "spot-asg", "weight": 3},
                    {"capacityProvider": "on-demand-asg", "base": 1, "weight": 1}]
        arn = self.ecs.run_task(cluster="c1", taskDefinition="migrate",
                                capacityProviderStrategy=strategy,
                                networkConfiguration=self.network)["tasks"][0]["taskArn"]
        by_weight = self.ecs.run_task(cluster="c1", taskDefinition="migrate",
                                      capacityProviderStrategy=strategy[:1],
                                      networkConfiguration=self.network)["tasks"][0]["taskArn"]

        self.assertEqual("on-demand-asg", self.describe(arn)["capacityProviderName"])
        self.assertEqual("spot-asg", self.describe(by_weight)["capacityProviderName"])
        self.assertNotIn("capacityProviderName", self.describe(self.start()))

    def test_an_image_that_cannot_be_pulled_fails_to_start(self) -> None:
        self.behave(family="migrate", outcome="cannotPull", provisioningSeconds=1, pendingSeconds=2,
                    deprovisioningSeconds=1, pullError="pull access denied for migrate")
        arn = self.start()
        self.advance(4)
        task = self.describe(arn)
        self.assertEqual("STOPPED", task["lastStatus"])
        self.assertEqual("TaskFailedToStart", task["stopCode"])
        self.assertEqual("CannotPullContainerError: pull access denied for migrate", task["stoppedReason"])
        self.assertNotIn("startedAt", task)
        app = self.containers(task)["app"]
        self.assertNotIn("exitCode", app)
        self.assertTrue(app["reason"].startswith("CannotPullContainerError: "))

    def test_stop_task_stops_a_task_that_runs_until_stopped_with_the_given_reason(self) -> None:
        self.behave(family="migrate", outcome="runUntilStopped", deprovisioningSeconds=5)
        arn = self.start()
        self.advance(3600)
        self.assertEqual("RUNNING", self.describe(arn)["lastStatus"])

        stopped = self.ecs.stop_task(cluster="c1", task=arn, reason="DeadlineExceeded")["task"]
        self.assertEqual(("DEPROVISIONING", "STOPPED"), (stopped["lastStatus"], stopped["desiredStatus"]))
        self.advance(5)
        task = self.describe(arn)
        self.assertEqual(("STOPPED", "UserInitiated", "DeadlineExceeded"),
                         (task["lastStatus"], task["stopCode"], task["stoppedReason"]))
        self.assertEqual(143, self.containers(task)["app"]["exitCode"])  # SIGTERM

    def test_an_unsteered_task_runs_at_once_and_stops_at_once_without_a_reason(self) -> None:
        arn = self.start()
        self.assertEqual("RUNNING", self.describe(arn)["lastStatus"])
        self.ecs.stop_task(cluster="c1", task=arn)
        task = self.describe(arn)
        self.assertEqual(("STOPPED", "UserInitiated", "Task stopped by user"),
                         (task["lastStatus"], task["stopCode"], task["stoppedReason"]))

    def test_stopping_a_task_that_already_exited_changes_nothing(self) -> None:
        self.behave(family="migrate", provisioningSeconds=0, pendingSeconds=0, runSeconds=10,
                    deprovisioningSeconds=0)
        arn = self.start()
        self.advance(11)
        self.ecs.stop_task(cluster="c1", task=arn, reason="too late")
        task = self.describe(arn)
        self.assertEqual(("EssentialContainerExited", "Essential container in task exited"),
                         (task["stopCode"], task["stoppedReason"]))
        self.assertEqual(0, self.containers(task)["app"]["exitCode"])

    def test_a_behaviour_matches_on_what_the_product_sends_and_the_latest_wins(self) -> None:
        self.behave(startedBy="ecs-operator/job-a", outcome="cannotPull", provisioningSeconds=0,
                    pendingSeconds=0, deprovisioningSeconds=0)
        self.behave(group="batch", startedBy="ecs-operator/job-a", provisioningSeconds=0,
                    pendingSeconds=0, runSeconds=0, deprovisioningSeconds=0, exitCodes={"app": 7})
        pull_fails = self.start(startedBy="ecs-operator/job-a")
        exits = self.start(startedBy="ecs-operator/job-a", group="batch")
        untouched = self.start(startedBy="someone-else")
        self.advance(1)
        self.assertEqual("TaskFailedToStart", self.describe(pull_fails)["stopCode"])
        self.assertEqual(7, self.containers(self.describe(exits))["app"]["exitCode"])
        self.assertEqual("RUNNING", self.describe(untouched)["lastStatus"])

    def test_an_unknown_behaviour_field_is_refused(self) -> None:
        with self.assertRaisesRegex(Exception, "400"):
            self.behave(family="migrate", exitcode=3)

    def test_a_retry_with_the_same_client_token_returns_the_same_task(self) -> None:
        first = self.start(clientToken="attempt-1", startedBy="job")
        again = self.start(clientToken="attempt-1", startedBy="job")
        self.assertEqual(first, again)
        self.assertEqual([first], self.ecs.list_tasks(cluster="c1", startedBy="job")["taskArns"])
        with self.assertRaises(ClientError) as conflict:
            self.start(clientToken="attempt-1", startedBy="other")
        self.assertEqual("ConflictException", conflict.exception.response["Error"]["Code"])
        self.assertNotEqual(first, self.start(clientToken="attempt-2", startedBy="job"))

    def test_a_client_token_is_scoped_to_its_cluster_and_lives_24_hours(self) -> None:
        self.ecs.create_cluster(clusterName="c2")
        first = self.start(clientToken="t")
        other_cluster = self.ecs.run_task(cluster="c2", taskDefinition="migrate", launchType="FARGATE",
                                          networkConfiguration=self.network,
                                          clientToken="t")["tasks"][0]["taskArn"]
        self.assertNotEqual(first, other_cluster)
        self.advance(24 * 3600 + 1)
        self.assertNotEqual(first, self.start(clientToken="t"))

    def test_run_task_takes_at_most_10_tasks(self) -> None:
        with self.assertRaises(ClientError) as refused:
            self.start(count=11)
        self.assertEqual("InvalidParameterException", refused.exception.response["Error"]["Code"])
        self.assertEqual([], self.ecs.list_tasks(cluster="c1")["taskArns"])
        self.start(count=10)
        self.assertEqual(10, len(self.ecs.list_tasks(cluster="c1")["taskArns"]))

    def test_list_tasks_shows_running_tasks_unless_asked_for_stopped_ones(self) -> None:
        self.register("migrate-db")
        running = self.start(startedBy="job")
        stopped = self.start(startedBy="job")
        other_family = self.start(family="migrate-db", startedBy="job")
        self.ecs.stop_task(cluster="c1", task=stopped)
        self.assertEqual({running, other_family}, set(self.ecs.list_tasks(cluster="c1")["taskArns"]))
        self.assertEqual([stopped], self.ecs.list_tasks(cluster="c1", desiredStatus="STOPPED")["taskArns"])
        self.assertEqual([running], self.ecs.list_tasks(cluster="c1", family="migrate")["taskArns"])
        self.assertEqual([], self.ecs.list_tasks(cluster="c1", startedBy="nobody")["taskArns"])

    def test_ecs_forgets_a_stopped_task_after_an_hour(self) -> None:
        arn = self.start()
        kept = self.start()
        self.ecs.stop_task(cluster="c1", task=arn)
        self.advance(3599)
        self.assertEqual("STOPPED", self.describe(arn)["lastStatus"])
        self.advance(2)
        described = self.ecs.describe_tasks(cluster="c1", tasks=[arn, kept])
        self.assertEqual([kept], [t["taskArn"] for t in described["tasks"]])
        self.assertEqual([{"arn": arn, "reason": "MISSING"}], described["failures"])
        self.assertEqual([], self.ecs.list_tasks(cluster="c1", desiredStatus="STOPPED")["taskArns"])

    def test_stopping_a_forgotten_task_is_refused(self) -> None:
        arn = self.start()
        self.ecs.stop_task(cluster="c1", task=arn)
        self.advance(3601)
        with self.assertRaises(ClientError) as refused:
            self.ecs.stop_task(cluster="c1", task=arn)
        self.assertEqual("InvalidParameterException", refused.exception.response["Error"]["Code"])

    def test_describe_tasks_looks_in_the_named_cluster_only(self) -> None:
        self.ecs.create_cluster(clusterName="c2")
        arn = self.start()
        described = self.ecs.describe_tasks(cluster="c2", tasks=[arn])
        self.assertEqual(([], [{"arn": arn, "reason": "MISSING"}]), (described["tasks"], described["failures"]))

    def test_the_forget_delay_is_a_setting(self) -> None:
        self.post("/_ecsbed/config", {"taskForgetSeconds": 60})
        arn = self.start()
        self.ecs.stop_task(cluster="c1", task=arn)
        self.advance(61)
        self.assertEqual("MISSING", self.ecs.describe_tasks(cluster="c1", tasks=[arn])["failures"][0]["reason"])

    def test_describe_tasks_takes_at_most_100_tasks(self) -> None:
        arns = [self.start() for _ in range(2)]
        with self.assertRaises(ClientError) as refused:
            self.ecs.describe_tasks(cluster="c1", tasks=arns + [f"missing-{i}" for i in range(99)])
        self.assertEqual("InvalidParameterException", refused.exception.response["Error"]["Code"])
        self.assertEqual("taskIds can have at most 100 items.", refused.exception.response["Error"]["Message"])
        described = self.ecs.describe_tasks(cluster="c1", tasks=arns + [f"missing-{i}" for i in range(98)])
        self.assertEqual((2, 98), (len(described["tasks"]), len(described["failures"])))

    def test_log_lines_land_in_the_awslogs_stream_once_the_task_started(self) -> None:
        logs = self.client("logs")
        logs.create_log_group(logGroupName="/ecs/migrate")
        self.behave(family="migrate", provisioningSeconds=1, pendingSeconds=1, runSeconds=10,
                    logs={"app": ["applying 42", "done"]})
        arn = self.start()
        stream = f"job/app/{arn.split('/')[-1]}"
        self.assertEqual([], logs.describe_log_streams(logGroupName="/ecs/migrate")["logStreams"])
        self.advance(3)
        events = logs.get_log_events(logGroupName="/ecs/migrate", logStreamName=stream)["events"]
        self.assertEqual(["applying 42", "done"], [e["message"] for e in events])
        self.assertAlmostEqual(time.time(), events[0]["timestamp"] / 1000, delta=60)  # real time
        filtered = logs.filter_log_events(logGroupName="/ecs/migrate", logStreamNamePrefix="job/app/")
        self.assertEqual(["applying 42", "done"], [e["message"] for e in filtered["events"]])

    def test_no_log_lines_without_the_log_group_unless_the_driver_creates_it(self) -> None:
        self.behave(family="migrate", provisioningSeconds=0, pendingSeconds=0, logs={"app": ["x"]})
        self.start()
        self.advance(1)
        self.assertEqual([], self.client("logs").describe_log_groups()["logGroups"])


class TaskTimeScaleTest(BedTestCase):
    """On the real clock: timeScale makes a task that runs an hour finish in about a second."""

    def test_an_hour_long_task_finishes_in_seconds_at_time_scale_3600(self) -> None:
        self.post("/_ecsbed/config", {"timeScale": 3600})
        ecs = self.client("ecs")
        ecs.create_cluster(clusterName="c1")
        ecs.register_task_definition(family="report", containerDefinitions=[
            {"name": "app", "image": "report:1", "memory": 128}])
        self.post("/_ecsbed/tasks/behaviour", {"family": "report", "runSeconds": 3600})
        arn = ecs.run_task(cluster="c1", taskDefinition="report", launchType="FARGATE")["tasks"][0]["taskArn"]
        self.assertNotEqual("STOPPED", ecs.describe_tasks(cluster="c1", tasks=[arn])["tasks"][0]["lastStatus"])
        deadline = time.time() + 10
        while ecs.describe_tasks(cluster="c1", tasks=[arn])["tasks"][0]["lastStatus"] != "STOPPED":
            self.assertLess(time.time(), deadline, "an hour at timeScale 3600 should take about 1 s")
            time.sleep(0.1)
        task = ecs.describe_tasks(cluster="c1", tasks=[arn])["tasks"][0]
        self.assertAlmostEqual(3600, (task["stoppingAt"] - task["startedAt"]).total_seconds(), delta=0.01)
