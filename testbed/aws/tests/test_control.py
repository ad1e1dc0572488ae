from tests.bed import BedTestCase


class ControlTest(BedTestCase):

    def test_settings_merge_and_reset_with_moto(self) -> None:
        self.post("/_ecsbed/config", {"timeScale": 600})
        self.assertEqual(600, self.get("/_ecsbed/config")["timeScale"])
        self.post("/moto-api/reset", {})
        self.assertEqual(1, self.get("/_ecsbed/config")["timeScale"])

    def test_moto_still_answers_behind_the_middleware(self) -> None:
        ecs = self.client("ecs")
        ecs.create_cluster(clusterName="c1")
        self.assertEqual(["c1"], [c["clusterName"] for c in ecs.describe_clusters(clusters=["c1"])["clusters"]])
