"""The deploymentConfiguration DescribeServices reports: what was sent with the defaults ECS fills
(ecsbed/deployment_rules.py with_defaults), through CreateService and UpdateService."""
import json
import unittest
import urllib.request
from typing import Any

from botocore.exceptions import ClientError

from ecsbed.deployment_rules import circuit_breaker_threshold, with_defaults
from tests.test_service_deployments import TrafficShiftTestCase


class WithDefaultsTest(unittest.TestCase):

    def test_nothing_sent_reads_as_a_rolling_replica_service_without_breaker(self) -> None:
        self.assertEqual({
            "maximumPercent": 200, "minimumHealthyPercent": 100, "strategy": "ROLLING",
            "deploymentCircuitBreaker": {"enable": False, "rollback": False, "resetOnHealthyTask": True,
                                         "thresholdConfiguration": {"type": "BOUNDED_PERCENT", "value": 50}},
        }, with_defaults(None, "REPLICA"))

    def test_daemon_percentages(self) -> None:
        filled = with_defaults({}, "DAEMON")
        self.assertEqual((100, 0), (filled["maximumPercent"], filled["minimumHealthyPercent"]))

    def test_sent_values_stay_and_the_input_is_not_changed(self) -> None:
        sent = {"maximumPercent": 150, "deploymentCircuitBreaker": {"enable": True, "rollback": True,
                                                                    "resetOnHealthyTask": False}}
        filled = with_defaults(sent, "REPLICA")
        self.assertEqual(150, filled["maximumPercent"])
        self.assertFalse(filled["deploymentCircuitBreaker"]["resetOnHealthyTask"])
        self.assertNotIn("thresholdConfiguration", sent["deploymentCircuitBreaker"])

    def test_hooks_linear_and_canary(self) -> None:
        linear = with_defaults({"strategy": "LINEAR", "lifecycleHooks": [
            {"hookTargetArn": "arn:f", "lifecycleStages": ["PRE_SCALE_UP"]},
            {"targetType": "PAUSE", "lifecycleStages": ["POST_SCALE_UP"], "timeoutConfiguration": {"timeoutInMinutes": 30}}]},
            "REPLICA")
        self.assertEqual({"stepPercent": 10.0, "stepBakeTimeInMinutes": 6}, linear["linearConfiguration"])
        lambda_hook, pause = linear["lifecycleHooks"]
        self.assertEqual("AWS_LAMBDA", lambda_hook["targetType"])
        self.assertEqual({"timeoutInMinutes": 1440, "action": "ROLLBACK"}, lambda_hook["timeoutConfiguration"])
        self.assertEqual({"timeoutInMinutes": 30, "action": "ROLLBACK"}, pause["timeoutConfiguration"])
        canary = with_defaults({"strategy": "CANARY", "canaryConfiguration": {"canaryPercent": 20.0}}, "REPLICA")
        self.assertEqual({"canaryPercent": 20.0, "canaryBakeTimeInMinutes": 10}, canary["canaryConfiguration"])
        self.assertNotIn("linearConfiguration", canary)
        self.assertNotIn("bakeTimeInMinutes", canary)

    def test_breaker_threshold_by_its_configuration(self) -> None:
        self.assertEqual(3, circuit_breaker_threshold(2))
        self.assertEqual(5, circuit_breaker_threshold(10, {"thresholdConfiguration": {"type": "COUNT", "value": 5}}))
        self.assertEqual(1, circuit_breaker_threshold(2, {"thresholdConfiguration": {"type": "UNBOUNDED_PERCENT", "value": 50}}))
        self.assertEqual(3, circuit_breaker_threshold(2, {"thresholdConfiguration": {"type": "BOUNDED_PERCENT", "value": 50}}))


class DescribedDefaultsTest(TrafficShiftTestCase):

    def described(self) -> dict[str, Any]:
        return self.ecs.describe_services(cluster="shop", services=["web"])["services"][0]

    def test_each_strategy_reads_back_with_its_defaults(self) -> None:
        for strategy, extra in (("BLUE_GREEN", {}), ("LINEAR", {"linearConfiguration": {"stepPercent": 25.0}}),
                                ("CANARY", {})):
            with self.subTest(strategy):
                self.setUp()  # a fresh bed: moto's reset, the cluster, the load balancer
                self.create({"strategy": strategy, "bakeTimeInMinutes": 5, **extra})
                config = self.described()["deploymentConfiguration"]
                self.assertEqual((strategy, 5, 200, 100), (config["strategy"], config["bakeTimeInMinutes"],
                                                           config["maximumPercent"], config["minimumHealthyPercent"]))
                # boto3's model (1.43) reads no resetOnHealthyTask / thresholdConfiguration:
                # NewerBreakerMembersTest sees them.
                self.assertEqual({"enable": False, "rollback": False}, config["deploymentCircuitBreaker"])
                if strategy == "LINEAR":
                    self.assertEqual({"stepPercent": 25.0, "stepBakeTimeInMinutes": 6}, config["linearConfiguration"])

    def test_create_answer_and_update_fill_defaults_and_az_rebalancing(self) -> None:
        created = self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.td1, desiredCount=2)
        self.assertEqual("ROLLING", created["service"]["deploymentConfiguration"]["strategy"])
        self.assertEqual("ENABLED", created["service"]["availabilityZoneRebalancing"])
        updated = self.ecs.update_service(cluster="shop", service="web", deploymentConfiguration={
            "strategy": "CANARY", "lifecycleHooks": [{"targetType": "PAUSE", "lifecycleStages": ["POST_SCALE_UP"]}]})
        config = updated["service"]["deploymentConfiguration"]
        self.assertEqual({"canaryPercent": 5.0, "canaryBakeTimeInMinutes": 10}, config["canaryConfiguration"])
        self.assertEqual({"timeoutInMinutes": 1440, "action": "ROLLBACK"}, config["lifecycleHooks"][0]["timeoutConfiguration"])
        self.assertEqual(config, self.described()["deploymentConfiguration"])
        self.ecs.update_service(cluster="shop", service="web", availabilityZoneRebalancing="DISABLED")
        self.ecs.update_service(cluster="shop", service="web", desiredCount=3)
        self.assertEqual("DISABLED", self.described()["availabilityZoneRebalancing"])
        self.assertEqual("CANARY", self.described()["deploymentConfiguration"]["strategy"],
                         "an update without deploymentConfiguration keeps it")

    def test_steps_of_another_strategy_are_refused(self) -> None:
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.td1, desiredCount=2,
                                deploymentConfiguration={"strategy": "LINEAR"})
        with self.assertRaises(ClientError) as error:
            self.ecs.update_service(cluster="shop", service="web", deploymentConfiguration={
                "strategy": "CANARY", "linearConfiguration": {"stepPercent": 10.0, "stepBakeTimeInMinutes": 6}})
        self.assertEqual("InvalidParameterException", error.exception.response["Error"]["Code"])
        self.assertEqual("LINEAR", self.described()["deploymentConfiguration"]["strategy"])


class NewerBreakerMembersTest(TrafficShiftTestCase):
    """resetOnHealthyTask and thresholdConfiguration through the wire. boto3's own model (1.43)
    lacks them too, so these calls are written by hand, as a newer SDK sends them."""

    def call(self, action: str, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(self.server.url + "/", data=json.dumps(body).encode(), method="POST", headers={
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": f"AmazonEC2ContainerServiceV20141113.{action}",
            "Authorization": "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/ecs/aws4_request, "
                             "SignedHeaders=host, Signature=0"})
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read())

    def breaker(self) -> dict[str, Any]:
        described = self.call("DescribeServices", {"cluster": "shop", "services": ["web"]})
        return described["services"][0]["deploymentConfiguration"]["deploymentCircuitBreaker"]

    def test_kept_echoed_and_used_for_the_threshold(self) -> None:
        self.call("CreateService", {"cluster": "shop", "serviceName": "web", "taskDefinition": self.td1,
                                    "desiredCount": 2})
        self.assertEqual({"enable": False, "rollback": False, "resetOnHealthyTask": True,
                          "thresholdConfiguration": {"type": "BOUNDED_PERCENT", "value": 50}}, self.breaker())
        sent = {"enable": True, "rollback": True, "resetOnHealthyTask": False,
                "thresholdConfiguration": {"type": "COUNT", "value": 7}}
        self.call("UpdateService", {"cluster": "shop", "service": "web", "taskDefinition": self.td2,
                                    "deploymentConfiguration": {"deploymentCircuitBreaker": sent}})
        self.assertEqual(sent, self.breaker())
        self.assertEqual(7, self.latest()["deploymentCircuitBreaker"]["threshold"])
