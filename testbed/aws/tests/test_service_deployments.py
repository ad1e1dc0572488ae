"""The service deployment model (ecsbed/service_deployments.py) through boto3, as the product calls it."""
import os
import time
from typing import Any, Callable

from botocore.exceptions import ClientError

from tests.bed import BedTestCase

FAST = {"timeScale": 600}  # a 30 s stage takes 0.05 s; a 1-minute bake 0.1 s


class DeploymentTestCase(BedTestCase):

    def setUp(self) -> None:
        super().setUp()
        os.environ["MOTO_ECS_SERVICE_RUNNING"] = "2"
        self.addCleanup(os.environ.pop, "MOTO_ECS_SERVICE_RUNNING", None)
        self.ecs = self.client("ecs")
        self.ecs.create_cluster(clusterName="shop")
        self.td1 = self.register("web", "nginx:1")
        self.td2 = self.register("web", "nginx:2")

    def register(self, family: str, image: str) -> str:
        return self.ecs.register_task_definition(family=family, containerDefinitions=[
            {"name": "app", "image": image, "memory": 128}])["taskDefinition"]["taskDefinitionArn"]

    def deployments(self, service: str = "web") -> list[dict[str, Any]]:
        briefs = self.ecs.list_service_deployments(cluster="shop", service=service)["serviceDeployments"]
        if not briefs:
            return []
        arns = [b["serviceDeploymentArn"] for b in briefs]
        return self.ecs.describe_service_deployments(serviceDeploymentArns=arns)["serviceDeployments"]

    def latest(self, service: str = "web") -> dict[str, Any]:
        return self.deployments(service)[0]

    def wait_for(self, what: str, condition: Callable[[dict[str, Any]], bool], service: str = "web") -> dict[str, Any]:
        deadline = time.monotonic() + 20
        seen = None
        while time.monotonic() < deadline:
            seen = self.latest(service)
            if condition(seen):
                return seen
            time.sleep(0.02)
        self.fail(f"{what} not reached; last: {seen}")


class RollingDeploymentTest(DeploymentTestCase):

    def test_create_starts_a_deployment_that_succeeds_when_tasks_run(self) -> None:
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.td1, desiredCount=2)
        deployment = self.wait_for("SUCCESSFUL", lambda d: d["status"] == "SUCCESSFUL")
        service = self.ecs.describe_services(cluster="shop", services=["web"])["services"][0]
        self.assertEqual(deployment["serviceDeploymentArn"], service["currentServiceDeployment"])
        self.assertNotIn("lifecycleStage", deployment)
        self.assertEqual([], deployment.get("sourceServiceRevisions", []))

    def test_desired_count_alone_starts_no_deployment_but_a_new_revision_does(self) -> None:
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.td1, desiredCount=2)
        self.ecs.update_service(cluster="shop", service="web", desiredCount=3)
        self.assertEqual(1, len(self.deployments()))
        first = self.latest()
        self.ecs.update_service(cluster="shop", service="web", taskDefinition=self.td2)
        second = self.latest()
        self.assertEqual(2, len(self.deployments()))
        self.assertEqual(first["targetServiceRevision"]["arn"], second["sourceServiceRevisions"][0]["arn"])
        revisions = self.ecs.describe_service_revisions(
            serviceRevisionArns=[second["targetServiceRevision"]["arn"], "arn:aws:ecs:us-east-1:1:service-revision/x/y/1"])
        self.assertEqual(self.td2, revisions["serviceRevisions"][0]["taskDefinition"])
        self.assertEqual("MISSING", revisions["failures"][0]["reason"])

    def test_force_new_deployment_starts_one(self) -> None:
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.td1, desiredCount=2)
        self.ecs.update_service(cluster="shop", service="web", forceNewDeployment=True)
        self.assertEqual(2, len(self.deployments()))

    def test_describe_limits_and_unknown_arns(self) -> None:
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.td1, desiredCount=2)
        missing = self.ecs.describe_service_deployments(serviceDeploymentArns=["arn:aws:ecs:us-east-1:1:service-deployment/a/b/c"])
        self.assertEqual("MISSING", missing["failures"][0]["reason"])
        with self.assertRaises(ClientError) as error:
            self.ecs.describe_service_deployments(serviceDeploymentArns=[f"arn:{i}" for i in range(21)])
        self.assertEqual("InvalidParameterException", error.exception.response["Error"]["Code"])

    def test_list_pages_and_filters_by_status(self) -> None:
        # 2 of 5 tasks run, so each deployment is still in progress when the next one starts.
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.td1, desiredCount=5)
        for _ in range(3):
            self.ecs.update_service(cluster="shop", service="web", forceNewDeployment=True)
        page = self.ecs.list_service_deployments(cluster="shop", service="web", maxResults=3)
        self.assertEqual(3, len(page["serviceDeployments"]))
        rest = self.ecs.list_service_deployments(cluster="shop", service="web", nextToken=page["nextToken"])
        self.assertEqual(1, len(rest["serviceDeployments"]))
        stopped = self.ecs.list_service_deployments(cluster="shop", service="web", status=["STOPPED"])
        self.assertEqual(3, len(stopped["serviceDeployments"]), "each newer deployment supersedes the one in progress")

    def test_circuit_breaker_rolls_back_when_tasks_fail_to_start(self) -> None:
        self.post("/_ecsbed/config", FAST)
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.td1, desiredCount=2)
        self.post("/_ecsbed/deployments/failing", {"taskDefinition": self.td2})
        self.ecs.update_service(cluster="shop", service="web", taskDefinition=self.td2, deploymentConfiguration={
            "deploymentCircuitBreaker": {"enable": True, "rollback": True}})
        done = self.wait_for("rollback", lambda d: d["status"] == "ROLLBACK_SUCCESSFUL")
        self.assertEqual("TRIGGERED", done["deploymentCircuitBreaker"]["status"])
        self.assertGreaterEqual(done["deploymentCircuitBreaker"]["failureCount"], 3)
        self.assertIn("circuit breaker", done["rollback"]["reason"])
        service = self.ecs.describe_services(cluster="shop", services=["web"])["services"][0]
        self.assertEqual(self.td1, service["taskDefinition"])
        self.assertEqual("FAILED", service["deployments"][0]["rolloutState"])


class TrafficShiftTestCase(DeploymentTestCase):
    """An ALB with a production and a test listener rule forwarding to a blue and a green group."""

    def setUp(self) -> None:
        super().setUp()
        self.post("/_ecsbed/config", FAST)
        ec2, self.elb = self.client("ec2"), self.client("elbv2")
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=f"us-east-1{z}")["Subnet"]["SubnetId"]
                   for i, z in ((1, "a"), (2, "b"))]
        lb = self.elb.create_load_balancer(Name="shop", Subnets=subnets)["LoadBalancers"][0]["LoadBalancerArn"]
        self.blue, self.green = (self.elb.create_target_group(Name=n, Protocol="HTTP", Port=80, VpcId=vpc, TargetType="ip")
                                 ["TargetGroups"][0]["TargetGroupArn"] for n in ("blue", "green"))
        listener = self.elb.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80, DefaultActions=[
            {"Type": "forward", "TargetGroupArn": self.blue}])["Listeners"][0]["ListenerArn"]
        self.production_rule, self.test_rule = (self.elb.create_rule(
            ListenerArn=listener, Priority=priority, Conditions=[{"Field": "path-pattern", "Values": [path]}],
            Actions=[{"Type": "forward", "ForwardConfig": {"TargetGroups": [
                {"TargetGroupArn": self.blue, "Weight": 100}, {"TargetGroupArn": self.green, "Weight": 0}]}}])
            ["Rules"][0]["RuleArn"] for priority, path in ((1, "/*"), (2, "/test/*")))

    def create(self, config: dict[str, Any]) -> None:
        self.ecs.create_service(
            cluster="shop", serviceName="web", taskDefinition=self.td1, desiredCount=2, deploymentConfiguration=config,
            loadBalancers=[{"targetGroupArn": self.blue, "containerName": "app", "containerPort": 80, "advancedConfiguration": {
                "alternateTargetGroupArn": self.green, "productionListenerRule": self.production_rule,
                "testListenerRule": self.test_rule, "roleArn": "arn:aws:iam::123456789012:role/ecs-elb"}}])

    def weights(self, rule: str) -> dict[str, int]:
        action = self.elb.describe_rules(RuleArns=[rule])["Rules"][0]["Actions"][0]
        return {g["TargetGroupArn"]: g["Weight"] for g in action["ForwardConfig"]["TargetGroups"]}


class BlueGreenTest(TrafficShiftTestCase):

    def test_pause_hook_waits_for_continue_then_bakes_and_swaps_target_groups(self) -> None:
        self.create({"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 1440, "lifecycleHooks": [
            {"targetType": "PAUSE", "lifecycleStages": ["POST_TEST_TRAFFIC_SHIFT"]}]})
        paused = self.wait_for("pause", lambda d: d["lifecycleStage"] == "POST_TEST_TRAFFIC_SHIFT")
        hook = paused["lifecycleHookDetails"][0]
        self.assertEqual(("PAUSE", "AWAITING_ACTION", "ROLLBACK"), (hook["targetType"], hook["status"], hook["timeoutAction"]))
        self.assertEqual({self.blue: 0, self.green: 100}, self.weights(self.test_rule))
        self.assertEqual({self.blue: 100, self.green: 0}, self.weights(self.production_rule))
        time.sleep(0.3)  # many stage lengths of model time: a paused deployment stays paused
        self.assertEqual("POST_TEST_TRAFFIC_SHIFT", self.latest()["lifecycleStage"])
        arn = paused["serviceDeploymentArn"]
        with self.assertRaises(ClientError) as error:
            self.ecs.continue_service_deployment(serviceDeploymentArn=arn, hookId="not-the-hook")
        self.assertEqual("InvalidParameterException", error.exception.response["Error"]["Code"])
        self.post("/_ecsbed/config", {"timeScale": 1})
        self.ecs.continue_service_deployment(serviceDeploymentArn=arn, hookId=hook["hookId"])
        # The stages after the pause take their own time from the approval, not from the pause.
        self.assertEqual("PRODUCTION_TRAFFIC_SHIFT", self.latest()["lifecycleStage"])
        self.post("/_ecsbed/config", FAST)
        self.wait_for("bake", lambda d: d.get("lifecycleStage") == "BAKE_TIME")
        self.post("/_ecsbed/config", {"timeScale": 100000})  # the day's bake in about a second
        done = self.wait_for("success", lambda d: d["status"] == "SUCCESSFUL")
        self.assertEqual(100.0, done["targetServiceRevision"]["requestedProductionTrafficWeight"])
        self.assertEqual({self.blue: 0, self.green: 100}, self.weights(self.production_rule))
        lb = self.ecs.describe_services(cluster="shop", services=["web"])["services"][0]["loadBalancers"][0]
        self.assertEqual((self.green, self.blue), (lb["targetGroupArn"], lb["advancedConfiguration"]["alternateTargetGroupArn"]))
        with self.assertRaises(ClientError) as error:
            self.ecs.stop_service_deployment(serviceDeploymentArn=arn, stopType="ROLLBACK")
        self.assertEqual("ConflictException", error.exception.response["Error"]["Code"])

    def test_continue_with_rollback_returns_traffic_to_blue(self) -> None:
        self.create({"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 1, "lifecycleHooks": [
            {"targetType": "PAUSE", "lifecycleStages": ["POST_PRODUCTION_TRAFFIC_SHIFT"]}]})
        paused = self.wait_for("pause", lambda d: d.get("lifecycleStage") == "POST_PRODUCTION_TRAFFIC_SHIFT")
        self.assertEqual({self.blue: 0, self.green: 100}, self.weights(self.production_rule))
        self.ecs.continue_service_deployment(serviceDeploymentArn=paused["serviceDeploymentArn"],
                                             hookId=paused["lifecycleHookDetails"][0]["hookId"], action="ROLLBACK")
        done = self.wait_for("rollback", lambda d: d["status"] == "ROLLBACK_SUCCESSFUL")
        self.assertIn("ContinueServiceDeployment", done["rollback"]["reason"])
        self.assertEqual({self.blue: 100, self.green: 0}, self.weights(self.production_rule))

    def test_describe_services_lists_the_target_beside_the_source_then_the_failed_one(self) -> None:
        self.create({"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 0})
        first = self.wait_for("first deployment", lambda d: d["status"] == "SUCCESSFUL")
        self.ecs.update_service(cluster="shop", service="web", taskDefinition=self.td2, deploymentConfiguration={
            "strategy": "BLUE_GREEN", "bakeTimeInMinutes": 0,
            "lifecycleHooks": [{"targetType": "PAUSE", "lifecycleStages": ["PRE_SCALE_UP"]}]})
        paused = self.wait_for("pause", lambda d: d["serviceDeploymentArn"] != first["serviceDeploymentArn"]
                               and d.get("lifecycleStage") == "PRE_SCALE_UP")

        def listed() -> list[tuple[str, str, str]]:
            service = self.ecs.describe_services(cluster="shop", services=["web"])["services"][0]
            return [(d["status"], d["taskDefinition"], d["rolloutState"]) for d in service["deployments"]]

        self.assertEqual([("PRIMARY", self.td2, "IN_PROGRESS"), ("ACTIVE", self.td1, "COMPLETED")], listed())
        self.ecs.continue_service_deployment(serviceDeploymentArn=paused["serviceDeploymentArn"],
                                             hookId=paused["lifecycleHookDetails"][0]["hookId"], action="ROLLBACK")
        self.wait_for("rollback", lambda d: d["status"] == "ROLLBACK_SUCCESSFUL")
        self.assertEqual([("PRIMARY", self.td1, "COMPLETED"), ("ACTIVE", self.td2, "FAILED")], listed())

    def test_hook_timeout_takes_its_action(self) -> None:
        self.create({"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 0, "lifecycleHooks": [
            {"targetType": "PAUSE", "lifecycleStages": ["PRE_SCALE_UP"], "timeoutConfiguration": {"timeoutInMinutes": 2, "action": "CONTINUE"}},
            {"targetType": "PAUSE", "lifecycleStages": ["POST_SCALE_UP"], "timeoutConfiguration": {"timeoutInMinutes": 2}}]})
        done = self.wait_for("rollback after the second hook timed out", lambda d: d["status"] == "ROLLBACK_SUCCESSFUL")
        self.assertIn("timed out", done["rollback"]["reason"])
        self.assertEqual("TIMED_OUT", done["lifecycleHookDetails"][0]["status"])

    def test_lambda_hook_failure_rolls_back(self) -> None:
        function = "arn:aws:lambda:us-east-1:123456789012:function:smoke"
        self.post("/_ecsbed/deployments/lambda", {"functionArn": function, "status": "FAILED"})
        self.create({"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 0, "lifecycleHooks": [
            {"targetType": "AWS_LAMBDA", "hookTargetArn": function, "roleArn": "arn:aws:iam::123456789012:role/hook",
             "lifecycleStages": ["POST_TEST_TRAFFIC_SHIFT"]}]})
        done = self.wait_for("rollback", lambda d: d["status"] == "ROLLBACK_SUCCESSFUL")
        self.assertIn(function, done["rollback"]["reason"])

    def test_stop_service_deployment_rolls_back_one_in_flight(self) -> None:
        self.create({"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 1440})
        baking = self.wait_for("bake", lambda d: d.get("lifecycleStage") == "BAKE_TIME")
        self.ecs.stop_service_deployment(serviceDeploymentArn=baking["serviceDeploymentArn"], stopType="ROLLBACK")
        done = self.wait_for("rollback", lambda d: d["status"] == "ROLLBACK_SUCCESSFUL")
        self.assertEqual("stopped by StopServiceDeployment", done["rollback"]["reason"])

    def test_update_during_a_deployment_supersedes_it_and_reconciles_first(self) -> None:
        self.create({"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 1440})
        first = self.wait_for("bake", lambda d: d.get("lifecycleStage") == "BAKE_TIME")
        self.post("/_ecsbed/config", {"timeScale": 1})  # hold the new deployment in its first stage
        self.ecs.update_service(cluster="shop", service="web", taskDefinition=self.td2)
        second, superseded = self.deployments()[:2]
        self.assertEqual(first["serviceDeploymentArn"], superseded["serviceDeploymentArn"])
        self.assertEqual("STOPPED", superseded["status"])
        self.assertEqual("RECONCILE_SERVICE", second["lifecycleStage"])


class LinearAndCanaryTest(TrafficShiftTestCase):

    def test_linear_shifts_production_traffic_in_steps(self) -> None:
        self.create({"strategy": "LINEAR", "bakeTimeInMinutes": 0,
                     "linearConfiguration": {"stepPercent": 25.0, "stepBakeTimeInMinutes": 10}})
        seen: list[float] = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            deployment = self.latest()
            weight = deployment["targetServiceRevision"]["requestedProductionTrafficWeight"]
            if weight and (not seen or seen[-1] != weight):
                seen.append(weight)
            if deployment["status"] == "SUCCESSFUL":
                break
            time.sleep(0.01)
        self.assertEqual([25.0, 50.0, 75.0, 100.0], seen)

    def test_canary_alarm_rolls_back_naming_the_alarm(self) -> None:
        cloudwatch = self.client("cloudwatch")
        cloudwatch.put_metric_alarm(AlarmName="web-5xx", MetricName="HTTPCode_Target_5XX_Count", Namespace="AWS/ApplicationELB",
                                    Statistic="Sum", Period=60, EvaluationPeriods=1, Threshold=1, ComparisonOperator="GreaterThanThreshold")
        self.create({"strategy": "CANARY", "bakeTimeInMinutes": 0, "canaryConfiguration": {"canaryPercent": 10.0, "canaryBakeTimeInMinutes": 1440},
                     "alarms": {"alarmNames": ["web-5xx"], "enable": True, "rollback": True}})
        canary = self.wait_for("canary step", lambda d: d["targetServiceRevision"]["requestedProductionTrafficWeight"] == 10.0)
        self.assertEqual({self.blue: 90, self.green: 10}, self.weights(self.production_rule))
        cloudwatch.set_alarm_state(AlarmName="web-5xx", StateValue="ALARM", StateReason="5xx")
        done = self.wait_for("rollback", lambda d: d["status"] == "ROLLBACK_SUCCESSFUL")
        self.assertEqual(canary["serviceDeploymentArn"], done["serviceDeploymentArn"])
        self.assertEqual(["web-5xx"], done["alarms"]["triggeredAlarmNames"])
        self.assertIn("web-5xx", done["rollback"]["reason"])
        self.assertEqual({self.blue: 100, self.green: 0}, self.weights(self.production_rule))
