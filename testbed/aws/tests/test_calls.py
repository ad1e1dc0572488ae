from tests.bed import BedTestCase


class CallCountTest(BedTestCase):

    def test_calls_are_counted_per_service_and_action_since_the_reset(self) -> None:
        ecs = self.client("ecs")
        ecs.create_cluster(clusterName="c1")
        ecs.describe_clusters(clusters=["c1"])
        ecs.describe_clusters(clusters=["c1"])
        self.client("logs").describe_log_groups()
        calls = self.get("/_ecsbed/calls")
        self.assertEqual({"CreateCluster": 1, "DescribeClusters": 2}, calls["ecs"])
        self.assertEqual({"DescribeLogGroups": 1}, calls["logs"])
        self.post("/moto-api/reset", {})
        self.assertEqual({}, self.get("/_ecsbed/calls"))
