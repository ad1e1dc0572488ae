"""The capacity provider model (ecsbed/capacity_providers.py) through boto3, as the product calls it."""
import time
from typing import Any

from botocore.exceptions import ClientError

from tests.bed import BedTestCase

ASG = "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:uuid:autoScalingGroupName/web-asg"
ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRole"
PROFILE = "arn:aws:iam::123456789012:instance-profile/ecsInstanceProfile"


def instances_provider(**template: Any) -> dict[str, Any]:
    launch = {"ec2InstanceProfileArn": PROFILE,
              "networkConfiguration": {"subnets": ["subnet-1"], "securityGroups": ["sg-1"]}}
    launch.update(template)
    return {"infrastructureRoleArn": ROLE, "instanceLaunchTemplate": launch}


class CapacityProviderTestCase(BedTestCase):

    def setUp(self) -> None:
        super().setUp()
        # Managed Instances providers are ACTIVE at once unless a test says otherwise.
        self.post("/_ecsbed/config", {"capacityProviderProvisioningSeconds": 0})
        self.ecs = self.client("ecs")
        self.ecs.create_cluster(clusterName="shop")

    def create_asg(self, name: str = "ec2", **provider: Any) -> dict[str, Any]:
        return self.ecs.create_capacity_provider(
            name=name, autoScalingGroupProvider={"autoScalingGroupArn": ASG, **provider})["capacityProvider"]

    def create_instances(self, name: str = "mi", cluster: str = "shop", **template: Any) -> dict[str, Any]:
        return self.ecs.create_capacity_provider(
            name=name, cluster=cluster, managedInstancesProvider=instances_provider(**template))["capacityProvider"]

    def register(self) -> str:
        return self.ecs.register_task_definition(family="web", containerDefinitions=[
            {"name": "app", "image": "nginx", "memory": 128}])["taskDefinition"]["taskDefinitionArn"]

    def describe(self, *names: str, **params: Any) -> dict[str, Any]:
        return self.ecs.describe_capacity_providers(capacityProviders=list(names), **params)

    def one(self, name: str, **params: Any) -> dict[str, Any]:
        return self.describe(name, **params)["capacityProviders"][0]

    def assertRefused(self, code: str, call: Any, **params: Any) -> str:
        with self.assertRaises(ClientError) as raised:
            call(**params)
        self.assertEqual(code, raised.exception.response["Error"]["Code"])
        return raised.exception.response["Error"]["Message"]


class AutoScalingGroupProviderTest(CapacityProviderTestCase):

    def test_defaults_are_filled_as_aws_fills_them(self) -> None:
        created = self.create_asg()
        self.assertEqual("EC2_AUTOSCALING", created["type"])
        self.assertEqual("ACTIVE", created["status"])
        asg = created["autoScalingGroupProvider"]
        self.assertEqual({"status": "DISABLED", "targetCapacity": 100, "minimumScalingStepSize": 1,
                          "maximumScalingStepSize": 10000, "instanceWarmupPeriod": 300}, asg["managedScaling"])
        self.assertEqual("DISABLED", asg["managedTerminationProtection"])
        self.assertEqual("ENABLED", asg["managedDraining"])
        self.assertNotIn("cluster", created)

    def test_what_was_sent_is_kept(self) -> None:
        self.create_asg(managedScaling={"status": "ENABLED", "targetCapacity": 80, "instanceWarmupPeriod": 0},
                        managedTerminationProtection="ENABLED", managedDraining="DISABLED")
        asg = self.one("ec2")["autoScalingGroupProvider"]
        self.assertEqual(80, asg["managedScaling"]["targetCapacity"])
        self.assertEqual(0, asg["managedScaling"]["instanceWarmupPeriod"])
        self.assertEqual("ENABLED", asg["managedTerminationProtection"])
        self.assertEqual("DISABLED", asg["managedDraining"])

    def test_a_second_provider_of_the_same_name_is_refused(self) -> None:
        self.create_asg()
        message = self.assertRefused("ClientException", self.create_asg)
        self.assertIn("already exists", message)

    def test_update_answers_in_progress_with_the_old_settings_then_reads_complete_with_the_new(self) -> None:
        self.create_asg(managedScaling={"status": "ENABLED", "targetCapacity": 80})
        answer = self.ecs.update_capacity_provider(name="ec2", autoScalingGroupProvider={
            "managedScaling": {"targetCapacity": 60}, "managedDraining": "DISABLED"})["capacityProvider"]
        self.assertEqual("UPDATE_IN_PROGRESS", answer["updateStatus"])
        self.assertEqual(80, answer["autoScalingGroupProvider"]["managedScaling"]["targetCapacity"])
        described = self.one("ec2")
        self.assertEqual("UPDATE_COMPLETE", described["updateStatus"])
        scaling = described["autoScalingGroupProvider"]["managedScaling"]
        self.assertEqual((60, "ENABLED"), (scaling["targetCapacity"], scaling["status"]))
        self.assertEqual("DISABLED", described["autoScalingGroupProvider"]["managedDraining"])
        self.assertEqual(ASG, described["autoScalingGroupProvider"]["autoScalingGroupArn"])

    def test_update_of_an_unknown_provider_is_refused(self) -> None:
        self.assertRefused("ClientException", self.ecs.update_capacity_provider, name="nope",
                           autoScalingGroupProvider={"managedDraining": "ENABLED"})

    def test_exactly_one_provider_type(self) -> None:
        self.assertRefused("InvalidParameterException", self.ecs.create_capacity_provider, name="none")
        self.assertRefused("InvalidParameterException", self.ecs.create_capacity_provider, name="both",
                           cluster="shop", autoScalingGroupProvider={"autoScalingGroupArn": ASG},
                           managedInstancesProvider=instances_provider())


class ManagedInstancesProviderTest(CapacityProviderTestCase):

    def test_belongs_to_its_cluster_with_defaults_filled(self) -> None:
        created = self.create_instances(instanceRequirements={"vCpuCount": {"min": 2}, "memoryMiB": {"min": 4096}})
        self.assertEqual(("MANAGED_INSTANCES", "shop"), (created["type"], created["cluster"]))
        self.assertNotIn("autoScalingGroupProvider", created)
        template = created["managedInstancesProvider"]["instanceLaunchTemplate"]
        self.assertEqual(("ON_DEMAND", "BASIC", True), (template["capacityOptionType"], template["monitoring"],
                                                        template["instanceMetadataTagsPropagation"]))
        self.assertEqual({"vCpuCount": {"min": 2}, "memoryMiB": {"min": 4096}}, template["instanceRequirements"])
        self.assertEqual(ROLE, created["managedInstancesProvider"]["infrastructureRoleArn"])

    def test_it_is_provisioning_for_a_while_and_refused_in_a_default_strategy_until_active(self) -> None:
        self.post("/_ecsbed/config", {"capacityProviderProvisioningSeconds": 60})
        created = self.create_instances()
        self.assertEqual(("PROVISIONING", "CREATE_IN_PROGRESS"), (created["status"], created["updateStatus"]))
        message = self.assertRefused("InvalidParameterException", self.ecs.put_cluster_capacity_providers,
                                     cluster="shop", capacityProviders=[],
                                     defaultCapacityProviderStrategy=[{"capacityProvider": "mi"}])
        self.assertIn("'mi' is not in an ACTIVE state", message)
        self.post("/_ecsbed/config", {"timeScale": 6000})
        self.assertEventually(lambda: self.one("mi")["status"] == "ACTIVE")
        self.assertEqual("CREATE_COMPLETE", self.one("mi")["updateStatus"])
        self.ecs.put_cluster_capacity_providers(cluster="shop", capacityProviders=[],
                                                defaultCapacityProviderStrategy=[{"capacityProvider": "mi"}])

    def assertEventually(self, condition: Any) -> None:
        deadline = time.monotonic() + 10
        while not condition():
            self.assertLess(time.monotonic(), deadline, "condition not reached")
            time.sleep(0.02)

    def test_everything_sent_is_echoed(self) -> None:
        self.ecs.create_capacity_provider(name="mi", cluster="shop", managedInstancesProvider={
            **instances_provider(capacityOptionType="RESERVED", monitoring="DETAILED",
                                 storageConfiguration={"storageSizeGiB": 50},
                                 capacityReservations={"reservationPreference": "RESERVATIONS_ONLY"}),
            "propagateTags": "CAPACITY_PROVIDER", "infrastructureOptimization": {"scaleInAfter": 600}})
        provider = self.one("mi")["managedInstancesProvider"]
        self.assertEqual("CAPACITY_PROVIDER", provider["propagateTags"])
        self.assertEqual({"scaleInAfter": 600}, provider["infrastructureOptimization"])
        template = provider["instanceLaunchTemplate"]
        self.assertEqual(("RESERVED", "DETAILED", 50), (template["capacityOptionType"], template["monitoring"],
                                                        template["storageConfiguration"]["storageSizeGiB"]))
        self.assertEqual({"reservationPreference": "RESERVATIONS_ONLY"}, template["capacityReservations"])

    def test_cluster_is_required_and_must_exist(self) -> None:
        self.assertRefused("InvalidParameterException", self.ecs.create_capacity_provider, name="mi",
                           managedInstancesProvider=instances_provider())
        self.assertRefused("ClusterNotFoundException", self.create_instances, cluster="elsewhere")

    def test_update_changes_what_may_change_and_keeps_the_capacity_option(self) -> None:
        self.create_instances(capacityOptionType="SPOT")
        answer = self.ecs.update_capacity_provider(name="mi", cluster="shop", managedInstancesProvider={
            "infrastructureRoleArn": ROLE + "2", "instanceLaunchTemplate": {"monitoring": "DETAILED"},
            "propagateTags": "NONE"})["capacityProvider"]
        self.assertEqual("UPDATE_IN_PROGRESS", answer["updateStatus"])
        self.assertEqual(ROLE, answer["managedInstancesProvider"]["infrastructureRoleArn"])
        provider = self.one("mi")["managedInstancesProvider"]
        self.assertEqual((ROLE + "2", "NONE"), (provider["infrastructureRoleArn"], provider["propagateTags"]))
        template = provider["instanceLaunchTemplate"]
        self.assertEqual(("DETAILED", "SPOT", PROFILE),
                         (template["monitoring"], template["capacityOptionType"], template["ec2InstanceProfileArn"]))

    def test_update_and_delete_must_name_its_cluster(self) -> None:
        self.create_instances()
        self.ecs.create_cluster(clusterName="other")
        update = {"infrastructureRoleArn": ROLE, "instanceLaunchTemplate": {}}
        self.assertRefused("InvalidParameterException", self.ecs.update_capacity_provider, name="mi",
                           managedInstancesProvider=update)
        self.assertRefused("InvalidParameterException", self.ecs.update_capacity_provider, name="mi",
                           cluster="other", managedInstancesProvider=update)
        self.assertRefused("InvalidParameterException", self.ecs.delete_capacity_provider, capacityProvider="mi")

    def test_an_auto_scaling_update_of_a_managed_instances_provider_is_refused(self) -> None:
        self.create_instances()
        self.assertRefused("InvalidParameterException", self.ecs.update_capacity_provider, name="mi",
                           cluster="shop", autoScalingGroupProvider={"managedDraining": "ENABLED"})

    def test_put_cluster_capacity_providers_refuses_it(self) -> None:
        self.create_instances()
        message = self.assertRefused("InvalidParameterException", self.ecs.put_cluster_capacity_providers,
                                     cluster="shop", capacityProviders=["mi"], defaultCapacityProviderStrategy=[])
        self.assertEqual("Cannot associate Managed Instances capacity provider to clusters using this API.", message)
        self.assertFalse(self.ecs.describe_clusters(clusters=["shop"])["clusters"][0].get("capacityProviders"))


class DescribeTest(CapacityProviderTestCase):

    def test_cluster_filter_returns_its_providers_only(self) -> None:
        self.ecs.create_cluster(clusterName="other")
        self.create_asg("ec2")
        self.create_asg("loose")
        self.create_instances("mi")
        self.ecs.put_cluster_capacity_providers(cluster="shop", capacityProviders=["ec2", "FARGATE"],
                                                defaultCapacityProviderStrategy=[])
        names = [p["name"] for p in self.ecs.describe_capacity_providers(cluster="shop")["capacityProviders"]]
        self.assertEqual(["FARGATE", "ec2", "mi"], names)
        self.assertEqual([], self.ecs.describe_capacity_providers(cluster="other")["capacityProviders"])
        failures = self.describe("loose", cluster="shop")["failures"]
        self.assertEqual("MISSING", failures[0]["reason"])

    def test_fargate_providers_are_predefined(self) -> None:
        fargate = self.one("FARGATE_SPOT")
        self.assertEqual(("FARGATE_SPOT", "ACTIVE"), (fargate["type"], fargate["status"]))
        self.assertTrue(fargate["capacityProviderArn"].endswith(":capacity-provider/FARGATE_SPOT"))

    def test_unknown_names_are_missing_and_arns_work(self) -> None:
        arn = self.create_asg()["capacityProviderArn"]
        answer = self.describe(arn, "nope")
        self.assertEqual(["ec2"], [p["name"] for p in answer["capacityProviders"]])
        self.assertEqual([("MISSING", True)], [(f["reason"], f["arn"].endswith("/nope")) for f in answer["failures"]])

    def test_tags_only_when_included(self) -> None:
        self.ecs.create_capacity_provider(name="ec2", autoScalingGroupProvider={"autoScalingGroupArn": ASG},
                                          tags=[{"key": "team", "value": "shop"}])
        self.assertNotIn("tags", self.one("ec2"))
        self.assertEqual([{"key": "team", "value": "shop"}], self.one("ec2", include=["TAGS"])["tags"])

    def test_tag_resource_reaches_the_provider(self) -> None:
        arn = self.create_instances()["capacityProviderArn"]
        self.ecs.tag_resource(resourceArn=arn, tags=[{"key": "team", "value": "shop"}])
        self.assertEqual([{"key": "team", "value": "shop"}], self.ecs.list_tags_for_resource(resourceArn=arn)["tags"])
        self.assertEqual([{"key": "team", "value": "shop"}], self.one("mi", include=["TAGS"])["tags"])

    def test_listing_pages_by_ten_at_most(self) -> None:
        for i in range(9):
            self.create_asg(f"p{i}")
        first = self.ecs.describe_capacity_providers()
        self.assertEqual(10, len(first["capacityProviders"]))
        rest = self.ecs.describe_capacity_providers(nextToken=first["nextToken"])
        self.assertEqual(1, len(rest["capacityProviders"]))
        self.assertNotIn("nextToken", rest)
        small = self.ecs.describe_capacity_providers(maxResults=3)
        self.assertEqual(3, len(small["capacityProviders"]))
        self.assertRefused("InvalidParameterException", self.ecs.describe_capacity_providers, maxResults=11)


class DeleteTest(CapacityProviderTestCase):

    def test_an_unused_provider_goes_inactive(self) -> None:
        self.create_asg()
        answer = self.ecs.delete_capacity_provider(capacityProvider="ec2")["capacityProvider"]
        self.assertEqual(("ACTIVE", "DELETE_IN_PROGRESS"), (answer["status"], answer["updateStatus"]))
        described = self.one("ec2")
        self.assertEqual(("INACTIVE", "DELETE_COMPLETE"), (described["status"], described["updateStatus"]))
        self.assertEqual("ACTIVE", self.create_asg()["status"])

    def test_a_provider_associated_with_a_cluster_fails_to_delete_with_the_aws_reason(self) -> None:
        self.create_asg()
        self.ecs.put_cluster_capacity_providers(cluster="shop", capacityProviders=["ec2"],
                                                defaultCapacityProviderStrategy=[])
        answer = self.ecs.delete_capacity_provider(capacityProvider="ec2")["capacityProvider"]
        self.assertEqual(("ACTIVE", "DELETE_FAILED"), (answer["status"], answer["updateStatus"]))
        self.assertEqual("The capacity provider cannot be deleted because it is associated with cluster: shop. "
                         "Remove the capacity provider from the cluster and try again.", answer["updateStatusReason"])
        self.assertEqual("DELETE_FAILED", self.one("ec2")["updateStatus"])

    def test_a_service_strategy_blocks_removal_from_the_cluster_then_deletion(self) -> None:
        self.create_asg()
        self.ecs.put_cluster_capacity_providers(cluster="shop", capacityProviders=["ec2"],
                                                defaultCapacityProviderStrategy=[])
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.register(), desiredCount=0,
                                capacityProviderStrategy=[{"capacityProvider": "ec2", "weight": 1}])
        message = self.assertRefused("ResourceInUseException", self.ecs.put_cluster_capacity_providers,
                                     cluster="shop", capacityProviders=[], defaultCapacityProviderStrategy=[])
        self.assertEqual("The specified capacity provider is in use and cannot be removed.", message)
        self.ecs.delete_service(cluster="shop", service="web")
        self.ecs.put_cluster_capacity_providers(cluster="shop", capacityProviders=[],
                                                defaultCapacityProviderStrategy=[])
        self.assertEqual("DELETE_IN_PROGRESS",
                         self.ecs.delete_capacity_provider(capacityProvider="ec2")["capacityProvider"]["updateStatus"])

    def test_a_managed_instances_provider_in_a_service_strategy_fails_to_delete_until_the_service_goes(self) -> None:
        self.create_instances()
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.register(), desiredCount=0,
                                capacityProviderStrategy=[{"capacityProvider": "mi", "weight": 1}])
        answer = self.ecs.delete_capacity_provider(capacityProvider="mi", cluster="shop")["capacityProvider"]
        self.assertEqual("DELETE_FAILED", answer["updateStatus"])
        self.assertIn("service: web", answer["updateStatusReason"])
        self.ecs.delete_service(cluster="shop", service="web")
        self.ecs.delete_capacity_provider(capacityProvider="mi", cluster="shop")
        self.assertEqual("INACTIVE", self.one("mi")["status"])

    def test_a_cluster_default_strategy_blocks_deletion(self) -> None:
        self.create_instances()
        self.ecs.put_cluster_capacity_providers(cluster="shop", capacityProviders=[],
                                                defaultCapacityProviderStrategy=[{"capacityProvider": "mi"}])
        answer = self.ecs.delete_capacity_provider(capacityProvider="mi", cluster="shop")["capacityProvider"]
        self.assertEqual(("ACTIVE", "DELETE_FAILED"), (answer["status"], answer["updateStatus"]))
        self.assertIn("default capacity provider strategy of cluster: shop", answer["updateStatusReason"])

    def test_deleting_an_unknown_provider_is_refused(self) -> None:
        self.assertRefused("ClientException", self.ecs.delete_capacity_provider, capacityProvider="nope")


class ServiceStrategyTest(CapacityProviderTestCase):

    def service(self) -> dict[str, Any]:
        return self.ecs.describe_services(cluster="shop", services=["web"])["services"][0]

    def test_create_service_keeps_its_strategy_without_a_launch_type(self) -> None:
        self.ecs.put_cluster_capacity_providers(cluster="shop", capacityProviders=["FARGATE"],
                                                defaultCapacityProviderStrategy=[])
        strategy = [{"capacityProvider": "FARGATE", "weight": 1, "base": 1}]
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.register(), desiredCount=0,
                                capacityProviderStrategy=strategy)
        self.assertEqual(strategy, self.service()["capacityProviderStrategy"])
        self.assertNotIn("launchType", self.service())

    def test_without_strategy_or_launch_type_the_cluster_default_applies(self) -> None:
        default = [{"capacityProvider": "FARGATE_SPOT", "weight": 2, "base": 0}]
        self.ecs.put_cluster_capacity_providers(cluster="shop", capacityProviders=["FARGATE_SPOT"],
                                                defaultCapacityProviderStrategy=default)
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.register(), desiredCount=0)
        self.assertEqual(default, self.service()["capacityProviderStrategy"])

    def test_a_launch_type_means_no_strategy(self) -> None:
        self.ecs.put_cluster_capacity_providers(cluster="shop", capacityProviders=["FARGATE"],
                                                defaultCapacityProviderStrategy=[{"capacityProvider": "FARGATE"}])
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.register(), desiredCount=0,
                                launchType="EC2")
        self.assertEqual("EC2", self.service()["launchType"])
        self.assertFalse(self.service().get("capacityProviderStrategy"))

    def test_a_strategy_may_name_only_providers_associated_with_the_cluster(self) -> None:
        self.create_asg()
        self.create_instances()
        message = self.assertRefused(
            "InvalidParameterException", self.ecs.create_service, cluster="shop", serviceName="web",
            taskDefinition=self.register(), desiredCount=0, capacityProviderStrategy=[{"capacityProvider": "ec2"}])
        self.assertIn("not associated with the cluster", message)
        self.assertFalse(self.ecs.describe_services(cluster="shop", services=["web"])["services"])
        self.ecs.create_service(cluster="shop", serviceName="web", taskDefinition=self.register(), desiredCount=0,
                                capacityProviderStrategy=[{"capacityProvider": "mi"}])
        self.assertRefused("InvalidParameterException", self.ecs.update_service, cluster="shop", service="web",
                           capacityProviderStrategy=[{"capacityProvider": "FARGATE"}])
        self.assertRefused("InvalidParameterException", self.ecs.put_cluster_capacity_providers, cluster="shop",
                           capacityProviders=[], defaultCapacityProviderStrategy=[{"capacityProvider": "ec2"}])
        self.ecs.put_cluster_capacity_providers(cluster="shop", capacityProviders=["ec2"],
                                                defaultCapacityProviderStrategy=[{"capacityProvider": "ec2"}])
        self.ecs.update_service(cluster="shop", service="web", capacityProviderStrategy=[{"capacityProvider": "ec2"}])
        self.assertEqual([{"capacityProvider": "ec2"}], self.service()["capacityProviderStrategy"])

    def test_put_cluster_capacity_providers_refuses_unknown_providers(self) -> None:
        message = self.assertRefused("InvalidParameterException", self.ecs.put_cluster_capacity_providers,
                                     cluster="shop", capacityProviders=["nope"], defaultCapacityProviderStrategy=[])
        self.assertEqual("The specified capacity provider was not found. Specify a valid capacity provider and "
                         "try again.", message)
