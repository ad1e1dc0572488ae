"""Service Connect in the service deployment model: the configuration round-trips on the
deployments, and test traffic (testTrafficRules) reaches green from TEST_TRAFFIC_SHIFT on."""
from typing import Any, Optional

from ecsbed.service_deployments import is_test_request
from tests.test_service_deployments import FAST, DeploymentTestCase

PAUSE_AFTER_TEST_SHIFT = {"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 0, "lifecycleHooks": [
    {"targetType": "PAUSE", "lifecycleStages": ["POST_TEST_TRAFFIC_SHIFT"]}]}


def service_connect(rules: Optional[dict[str, Any]] = None, port: int = 80) -> dict[str, Any]:
    alias: dict[str, Any] = {"port": port, "dnsName": "web.shop"}
    if rules:
        alias["testTrafficRules"] = rules
    return {"enabled": True, "namespace": "shop", "services": [
        {"portName": "http", "discoveryName": "web", "clientAliases": [alias]}]}


CANARY_HEADER = {"header": {"name": "x-canary", "value": {"exact": "true"}}}


class TestRequestRulesTest(DeploymentTestCase):

    def test_header_rules_and_the_default_header(self) -> None:
        self.assertTrue(is_test_request(service_connect(CANARY_HEADER), {"X-Canary": "true"}))
        self.assertFalse(is_test_request(service_connect(CANARY_HEADER), {"x-canary": "false"}))
        self.assertFalse(is_test_request(service_connect(CANARY_HEADER), {"x-amzn-ecs-blue-green-test": "1"}))
        self.assertTrue(is_test_request(service_connect({"header": {"name": "x-test"}}), {"x-test": "any"}))
        self.assertTrue(is_test_request(service_connect(), {"x-amzn-ecs-blue-green-test": "1"}))
        self.assertFalse(is_test_request(service_connect(), {}))


class ServiceConnectTest(DeploymentTestCase):

    def setUp(self) -> None:
        super().setUp()
        self.post("/_ecsbed/config", FAST)

    def primary(self) -> dict[str, Any]:
        service = self.ecs.describe_services(cluster="shop", services=["web"])["services"][0]
        return next(d for d in service["deployments"] if d["status"] == "PRIMARY")

    def route(self, headers: dict[str, str]) -> dict[str, Any]:
        arn = self.ecs.describe_services(cluster="shop", services=["web"])["services"][0]["serviceArn"]
        return self.post("/_ecsbed/service-connect/route", {"serviceArn": arn, "headers": headers})

    def test_configuration_round_trips_on_the_primary_deployment_and_its_revision(self) -> None:
        sent = service_connect(CANARY_HEADER)
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.td1, desiredCount=2,
                                serviceConnectConfiguration=sent)
        self.assertEqual(sent, self.primary()["serviceConnectConfiguration"])
        changed = service_connect(CANARY_HEADER, port=8080)
        self.ecs.update_service(cluster="shop", service="web", serviceConnectConfiguration=changed)
        self.assertEqual(2, len(self.deployments()), "a new Service Connect configuration is a new revision")
        self.assertEqual(changed, self.primary()["serviceConnectConfiguration"])
        revision = self.latest()["targetServiceRevision"]["arn"]
        described = self.ecs.describe_service_revisions(serviceRevisionArns=[revision])["serviceRevisions"][0]
        self.assertEqual(changed, described["serviceConnectConfiguration"])

    def test_test_traffic_reaches_green_from_the_test_shift_until_production_moves(self) -> None:
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.td1, desiredCount=2,
                                serviceConnectConfiguration=service_connect(CANARY_HEADER))
        blue = self.wait_for("first deployment", lambda d: d["status"] == "SUCCESSFUL")["targetServiceRevision"]["arn"]
        self.ecs.update_service(cluster="shop", service="web", taskDefinition=self.td2,
                                deploymentConfiguration=PAUSE_AFTER_TEST_SHIFT)
        paused = self.wait_for("pause", lambda d: d.get("lifecycleStage") == "POST_TEST_TRAFFIC_SHIFT")
        green = paused["targetServiceRevision"]["arn"]
        self.assertEqual({"route": "test", "weights": {green: 100.0}}, self.route({"x-canary": "true"}))
        self.assertEqual({"route": "production", "weights": {blue: 100.0}}, self.route({"x-canary": "no"}))
        self.assertEqual({"route": "production", "weights": {blue: 100.0}}, self.route({}))
        hook = paused["lifecycleHookDetails"][0]["hookId"]
        self.ecs.continue_service_deployment(serviceDeploymentArn=paused["serviceDeploymentArn"], hookId=hook)
        self.wait_for("success", lambda d: d["status"] == "SUCCESSFUL")
        self.assertEqual({"route": "production", "weights": {green: 100.0}}, self.route({}))
        self.assertEqual({"route": "production", "weights": {green: 100.0}}, self.route({"x-canary": "true"}))

    def test_a_rolled_back_deployment_sends_test_traffic_back_to_blue(self) -> None:
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.td1, desiredCount=2,
                                serviceConnectConfiguration=service_connect())
        blue = self.wait_for("first deployment", lambda d: d["status"] == "SUCCESSFUL")["targetServiceRevision"]["arn"]
        self.ecs.update_service(cluster="shop", service="web", taskDefinition=self.td2,
                                deploymentConfiguration=PAUSE_AFTER_TEST_SHIFT)
        paused = self.wait_for("pause", lambda d: d.get("lifecycleStage") == "POST_TEST_TRAFFIC_SHIFT")
        self.assertEqual("test", self.route({"x-amzn-ecs-blue-green-test": "1"})["route"])
        self.ecs.continue_service_deployment(serviceDeploymentArn=paused["serviceDeploymentArn"],
                                             hookId=paused["lifecycleHookDetails"][0]["hookId"], action="ROLLBACK")
        self.wait_for("rollback", lambda d: d["status"] == "ROLLBACK_SUCCESSFUL")
        self.assertEqual({"route": "production", "weights": {blue: 100.0}}, self.route({"x-amzn-ecs-blue-green-test": "1"}))
