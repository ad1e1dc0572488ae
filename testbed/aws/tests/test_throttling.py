from unittest import mock

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from ecsbed import throttling
from tests.bed import BedTestCase


class ThrottlingTest(BedTestCase):

    def setUp(self) -> None:
        super().setUp()
        # A task definition bucket of 3 that refills once in 1000 s: the 4th call finds it empty.
        self.post("/_ecsbed/config", {"throttle": True,
                                      "throttleBuckets": {"TaskDefinitionModify": [3, 0.001]}})

    def ecs(self, region: str = "us-east-1"):
        # No SDK retries: the test sees every throttle the bed answers.
        return boto3.client("ecs", region_name=region, endpoint_url=self.server.url,
                            config=Config(retries={"total_max_attempts": 1}))

    def register(self, ecs, family: str) -> None:
        ecs.register_task_definition(
            family=family, containerDefinitions=[{"name": "app", "image": "nginx", "memory": 64}])

    def test_an_empty_bucket_answers_a_throttling_exception_and_is_counted(self) -> None:
        ecs = self.ecs()
        for i in range(3):
            self.register(ecs, f"f{i}")
        with self.assertRaises(ClientError) as raised:
            self.register(ecs, "f3")
        self.assertEqual("ThrottlingException", raised.exception.response["Error"]["Code"])
        self.assertEqual(400, raised.exception.response["ResponseMetadata"]["HTTPStatusCode"])
        self.assertEqual("Rate exceeded", raised.exception.response["Error"]["Message"])
        throttles = self.get("/_ecsbed/throttles")
        self.assertEqual({"RegisterTaskDefinition": 1}, throttles["answered"])
        self.assertEqual([3, 0.001], throttles["buckets"]["TaskDefinitionModify"])
        self.assertEqual([50, 5], throttles["buckets"]["ServiceModify"])
        # The throttled request did nothing.
        self.assertEqual(3, len(ecs.list_task_definitions()["taskDefinitionArns"]))

    def test_buckets_are_per_region_and_per_category(self) -> None:
        east, west = self.ecs("us-east-1"), self.ecs("us-west-2")
        for i in range(3):
            self.register(east, f"f{i}")
        self.register(west, "w")
        east.create_cluster(clusterName="c")
        east.list_task_definitions()

    def test_the_bucket_refills_at_its_sustained_rate_up_to_its_burst(self) -> None:
        self.post("/_ecsbed/config", {"throttleBuckets": {"TaskDefinitionModify": [2, 0.5]}})
        with mock.patch.object(throttling.time, "monotonic") as clock:
            def at(second: float, action: str = "RegisterTaskDefinition") -> bool:
                clock.return_value = second
                return throttling.take("1", "r", action)
            self.assertEqual([True, True, False], [at(0), at(0), at(1)])
            self.assertEqual([True, False], [at(2), at(2)])  # one token after 2 s at 0.5/s
            self.assertEqual([True, True, False], [at(100), at(100), at(100)])  # never above 2
            self.assertTrue(at(100, "RunTask"))  # not in a throttled category

    def test_off_by_default_and_reset_forgets_the_buckets(self) -> None:
        ecs = self.ecs()
        for i in range(3):
            self.register(ecs, f"f{i}")
        self.post("/moto-api/reset", {})
        self.assertEqual({}, self.get("/_ecsbed/throttles")["answered"])
        self.assertFalse(self.get("/_ecsbed/config")["throttle"])
        for i in range(25):
            self.register(ecs, f"g{i}")
