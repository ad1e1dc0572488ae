"""The ECR registry model (ecsbed/ecr_registry.py) through boto3, as the product calls it."""
import json
from typing import Any

from botocore.exceptions import ClientError

from tests.bed import BedTestCase

ROLE = "arn:aws:iam::123456789012:role/ecrPullThroughCache"
LIFECYCLE = json.dumps({"rules": [{"rulePriority": 1, "selection": {
    "tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14},
    "action": {"type": "expire"}}]})
POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{"Sid": "pull", "Effect": "Allow",
                                                             "Principal": "*", "Action": ["ecr:BatchGetImage"]}]})


class EcrTestCase(BedTestCase):

    def setUp(self) -> None:
        super().setUp()
        self.ecr = self.client("ecr")
        self.account = self.client("sts").get_caller_identity()["Account"]

    def secret(self, name: str = "ecr-pullthroughcache/hub") -> str:
        return self.client("secretsmanager").create_secret(
            Name=name, SecretString=json.dumps({"username": "u", "accessToken": "t"}))["ARN"]

    def assertRefused(self, code: str, call: Any, **params: Any) -> str:
        with self.assertRaises(ClientError) as raised:
            call(**params)
        self.assertEqual(code, raised.exception.response["Error"]["Code"])
        return raised.exception.response["Error"]["Message"]


class PullThroughCacheRuleTest(EcrTestCase):

    def test_a_public_upstream_needs_no_credential_and_defaults_to_root(self) -> None:
        created = self.ecr.create_pull_through_cache_rule(ecrRepositoryPrefix="ecr-public",
                                                          upstreamRegistryUrl="public.ecr.aws")
        self.assertEqual(("ecr-public", "ROOT", self.account),
                         (created["upstreamRegistry"], created["upstreamRepositoryPrefix"], created["registryId"]))
        self.assertIn("createdAt", created)
        rules = self.ecr.describe_pull_through_cache_rules()["pullThroughCacheRules"]
        self.assertEqual(["ecr-public"], [r["ecrRepositoryPrefix"] for r in rules])

    def test_docker_hub_needs_an_existing_secret(self) -> None:
        self.assertRefused("InvalidParameterException", self.ecr.create_pull_through_cache_rule,
                           ecrRepositoryPrefix="hub", upstreamRegistryUrl="registry-1.docker.io")
        missing = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/none-AbCdEf"
        self.assertRefused("SecretNotFoundException", self.ecr.create_pull_through_cache_rule,
                           ecrRepositoryPrefix="hub", upstreamRegistryUrl="registry-1.docker.io",
                           credentialArn=missing)
        arn = self.secret()
        created = self.ecr.create_pull_through_cache_rule(
            ecrRepositoryPrefix="hub", upstreamRegistryUrl="registry-1.docker.io", upstreamRegistry="docker-hub",
            credentialArn=arn, upstreamRepositoryPrefix="library")
        self.assertEqual((arn, "library"), (created["credentialArn"], created["upstreamRepositoryPrefix"]))

    def test_an_unknown_upstream_is_unsupported_and_a_mismatched_kind_refused(self) -> None:
        self.assertRefused("UnsupportedUpstreamRegistryException", self.ecr.create_pull_through_cache_rule,
                           ecrRepositoryPrefix="xx", upstreamRegistryUrl="registry.example.com")
        self.assertRefused("InvalidParameterException", self.ecr.create_pull_through_cache_rule,
                           ecrRepositoryPrefix="xx", upstreamRegistryUrl="quay.io", upstreamRegistry="k8s")

    def test_ecr_upstream_in_another_account_needs_a_role(self) -> None:
        url = "210987654321.dkr.ecr.eu-west-1.amazonaws.com"
        self.assertRefused("InvalidParameterException", self.ecr.create_pull_through_cache_rule,
                           ecrRepositoryPrefix="prod", upstreamRegistryUrl=url)
        created = self.ecr.create_pull_through_cache_rule(ecrRepositoryPrefix="prod", upstreamRegistryUrl=url,
                                                          customRoleArn=ROLE)
        self.assertEqual(("ecr", ROLE), (created["upstreamRegistry"], created["customRoleArn"]))

    def test_one_rule_per_prefix(self) -> None:
        self.ecr.create_pull_through_cache_rule(ecrRepositoryPrefix="quay", upstreamRegistryUrl="quay.io")
        self.assertRefused("PullThroughCacheRuleAlreadyExistsException", self.ecr.create_pull_through_cache_rule,
                           ecrRepositoryPrefix="quay", upstreamRegistryUrl="quay.io")

    def test_update_changes_the_credential_and_keeps_the_upstream(self) -> None:
        self.ecr.create_pull_through_cache_rule(ecrRepositoryPrefix="hub", upstreamRegistryUrl="registry-1.docker.io",
                                                credentialArn=self.secret())
        newer = self.secret("ecr-pullthroughcache/hub2")
        updated = self.ecr.update_pull_through_cache_rule(ecrRepositoryPrefix="hub", credentialArn=newer)
        self.assertEqual(newer, updated["credentialArn"])
        self.assertIn("updatedAt", updated)
        rule = self.ecr.describe_pull_through_cache_rules(ecrRepositoryPrefixes=["hub"])["pullThroughCacheRules"][0]
        self.assertEqual((newer, "registry-1.docker.io"), (rule["credentialArn"], rule["upstreamRegistryUrl"]))

    def test_unknown_prefixes_are_not_found(self) -> None:
        for call, params in ((self.ecr.update_pull_through_cache_rule, {"customRoleArn": ROLE}),
                             (self.ecr.delete_pull_through_cache_rule, {}),
                             (self.ecr.validate_pull_through_cache_rule, {})):
            self.assertRefused("PullThroughCacheRuleNotFoundException", call, ecrRepositoryPrefix="nope", **params)
        self.assertRefused("PullThroughCacheRuleNotFoundException", self.ecr.describe_pull_through_cache_rules,
                           ecrRepositoryPrefixes=["nope"])

    def test_delete_answers_with_the_rule_and_forgets_it(self) -> None:
        self.ecr.create_pull_through_cache_rule(ecrRepositoryPrefix="k8s", upstreamRegistryUrl="registry.k8s.io")
        deleted = self.ecr.delete_pull_through_cache_rule(ecrRepositoryPrefix="k8s")
        self.assertEqual("registry.k8s.io", deleted["upstreamRegistryUrl"])
        self.assertEqual([], self.ecr.describe_pull_through_cache_rules()["pullThroughCacheRules"])

    def test_validation_succeeds_unless_steered_to_fail_or_the_secret_is_gone(self) -> None:
        arn = self.secret()
        self.ecr.create_pull_through_cache_rule(ecrRepositoryPrefix="hub", upstreamRegistryUrl="registry-1.docker.io",
                                                credentialArn=arn)
        valid = self.ecr.validate_pull_through_cache_rule(ecrRepositoryPrefix="hub")
        self.assertEqual((True, arn), (valid["isValid"], valid["credentialArn"]))
        self.assertNotIn("failure", valid)
        self.post("/_ecsbed/ecr/pull-through-cache/validation",
                  {"ecrRepositoryPrefix": "hub", "failure": "authentication failed"})
        steered = self.ecr.validate_pull_through_cache_rule(ecrRepositoryPrefix="hub")
        self.assertEqual((False, "authentication failed"), (steered["isValid"], steered["failure"]))
        self.post("/_ecsbed/ecr/pull-through-cache/validation", {"ecrRepositoryPrefix": "hub", "failure": None})
        self.assertTrue(self.ecr.validate_pull_through_cache_rule(ecrRepositoryPrefix="hub")["isValid"])
        self.client("secretsmanager").delete_secret(SecretId=arn, ForceDeleteWithoutRecovery=True)
        gone = self.ecr.validate_pull_through_cache_rule(ecrRepositoryPrefix="hub")
        self.assertFalse(gone["isValid"])
        self.assertIn("secret", gone["failure"])

    def test_reset_forgets_rules_and_steering(self) -> None:
        self.ecr.create_pull_through_cache_rule(ecrRepositoryPrefix="quay", upstreamRegistryUrl="quay.io")
        self.post("/_ecsbed/ecr/pull-through-cache/validation", {"ecrRepositoryPrefix": "quay", "failure": "no"})
        self.post("/moto-api/reset", {})
        self.assertEqual([], self.ecr.describe_pull_through_cache_rules()["pullThroughCacheRules"])
        self.ecr.create_pull_through_cache_rule(ecrRepositoryPrefix="quay", upstreamRegistryUrl="quay.io")
        self.assertTrue(self.ecr.validate_pull_through_cache_rule(ecrRepositoryPrefix="quay")["isValid"])

    def test_describe_pages(self) -> None:
        for prefix in ("aa", "bb", "cc"):
            self.ecr.create_pull_through_cache_rule(ecrRepositoryPrefix=prefix, upstreamRegistryUrl="quay.io")
        first = self.ecr.describe_pull_through_cache_rules(maxResults=2)
        self.assertEqual(2, len(first["pullThroughCacheRules"]))
        rest = self.ecr.describe_pull_through_cache_rules(maxResults=2, nextToken=first["nextToken"])
        self.assertEqual(["cc"], [r["ecrRepositoryPrefix"] for r in rest["pullThroughCacheRules"]])


class RepositoryCreationTemplateTest(EcrTestCase):

    def create(self, prefix: str = "prod", **fields: Any) -> dict[str, Any]:
        params = {"appliedFor": ["CREATE_ON_PUSH"], **fields}
        return self.ecr.create_repository_creation_template(prefix=prefix, **params)["repositoryCreationTemplate"]

    def test_everything_sent_is_kept_with_mutable_by_default(self) -> None:
        created = self.create(
            "ROOT", appliedFor=["PULL_THROUGH_CACHE", "REPLICATION", "CREATE_ON_PUSH"], description="all",
            encryptionConfiguration={"encryptionType": "KMS"}, resourceTags=[{"Key": "team", "Value": "shop"}],
            lifecyclePolicy=LIFECYCLE, repositoryPolicy=POLICY, customRoleArn=ROLE)
        self.assertEqual("MUTABLE", created["imageTagMutability"])
        described = self.ecr.describe_repository_creation_templates(prefixes=["ROOT"])
        self.assertEqual(self.account, described["registryId"])
        template = described["repositoryCreationTemplates"][0]
        self.assertEqual(["PULL_THROUGH_CACHE", "REPLICATION", "CREATE_ON_PUSH"], template["appliedFor"])
        self.assertEqual(({"encryptionType": "KMS"}, ROLE, "all"),
                         (template["encryptionConfiguration"], template["customRoleArn"], template["description"]))
        self.assertEqual(json.loads(LIFECYCLE), json.loads(template["lifecyclePolicy"]))
        self.assertEqual(json.loads(POLICY), json.loads(template["repositoryPolicy"]))
        self.assertEqual([{"Key": "team", "Value": "shop"}], template["resourceTags"])

    def test_exclusion_filters_go_with_the_with_exclusion_values_only(self) -> None:
        filters = [{"filterType": "WILDCARD", "filter": "latest*"}]
        created = self.create(imageTagMutability="IMMUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters=filters)
        self.assertEqual(filters, created["imageTagMutabilityExclusionFilters"])
        self.assertRefused("InvalidParameterException", self.create, prefix="dev", imageTagMutability="IMMUTABLE",
                           imageTagMutabilityExclusionFilters=filters)
        self.assertRefused("InvalidParameterException", self.create, prefix="dev",
                           imageTagMutability="MUTABLE_WITH_EXCLUSION")

    def test_one_template_per_prefix_and_applied_for_is_needed(self) -> None:
        self.create()
        self.assertRefused("TemplateAlreadyExistsException", self.create)
        self.assertRefused("InvalidParameterException", self.create, prefix="dev", appliedFor=[])

    def test_policies_must_be_json(self) -> None:
        self.assertRefused("InvalidParameterException", self.create, lifecyclePolicy="{not json")

    def test_update_replaces_what_it_names_and_an_omitted_mutability_is_mutable_again(self) -> None:
        self.create(imageTagMutability="IMMUTABLE", description="before", customRoleArn=ROLE)
        updated = self.ecr.update_repository_creation_template(
            prefix="prod", description="after", appliedFor=["REPLICATION"])["repositoryCreationTemplate"]
        self.assertEqual(("after", ["REPLICATION"], "MUTABLE", ROLE),
                         (updated["description"], updated["appliedFor"], updated["imageTagMutability"],
                          updated["customRoleArn"]))
        self.assertGreaterEqual(updated["updatedAt"], updated["createdAt"])

    def test_unknown_prefixes(self) -> None:
        self.assertRefused("TemplateNotFoundException", self.ecr.update_repository_creation_template, prefix="nope")
        self.assertRefused("TemplateNotFoundException", self.ecr.delete_repository_creation_template, prefix="nope")
        self.assertEqual([], self.ecr.describe_repository_creation_templates(prefixes=["nope"])[
            "repositoryCreationTemplates"])

    def test_delete_answers_with_the_template_and_forgets_it(self) -> None:
        self.create()
        deleted = self.ecr.delete_repository_creation_template(prefix="prod")["repositoryCreationTemplate"]
        self.assertEqual("prod", deleted["prefix"])
        self.assertEqual([], self.ecr.describe_repository_creation_templates()["repositoryCreationTemplates"])


class RegistrySettingsTest(EcrTestCase):

    def test_a_registry_nobody_configured_replicates_nothing_and_an_empty_put_goes_back_to_that(self) -> None:
        """API_DescribeRegistry answers registryId and replicationConfiguration; the operator reads
        no rules as AWS's default and deletes its configuration by putting an empty rule list."""
        fresh = self.ecr.describe_registry()
        self.assertEqual((self.account, {"rules": []}), (fresh["registryId"], fresh["replicationConfiguration"]))
        self.ecr.put_replication_configuration(replicationConfiguration={"rules": [
            {"destinations": [{"region": "us-east-1", "registryId": "210987654321"}]}]})
        self.ecr.put_replication_configuration(replicationConfiguration={"rules": []})
        self.assertEqual({"rules": []}, self.ecr.describe_registry()["replicationConfiguration"])

    def test_replication_takes_several_rules_and_describe_registry_shows_them(self) -> None:
        configuration = {"rules": [
            {"destinations": [{"region": "eu-west-1", "registryId": self.account}],
             "repositoryFilters": [{"filter": "prod", "filterType": "PREFIX_MATCH"}]},
            {"destinations": [{"region": "us-east-1", "registryId": "210987654321"}]}]}
        answer = self.ecr.put_replication_configuration(replicationConfiguration=configuration)
        self.assertEqual(configuration, answer["replicationConfiguration"])
        registry = self.ecr.describe_registry()
        self.assertEqual((self.account, configuration),
                         (registry["registryId"], registry["replicationConfiguration"]))

    def test_replication_to_the_source_registry_is_refused_in_any_rule(self) -> None:
        configuration = {"rules": [
            {"destinations": [{"region": "eu-west-1", "registryId": self.account}]},
            {"destinations": [{"region": "us-east-1", "registryId": self.account}]}]}
        self.assertRefused("InvalidParameterException", self.ecr.put_replication_configuration,
                           replicationConfiguration=configuration)

    def test_replication_has_at_most_ten_rules(self) -> None:
        rule = {"destinations": [{"region": "eu-west-1", "registryId": self.account}]}
        self.assertRefused("InvalidParameterException", self.ecr.put_replication_configuration,
                           replicationConfiguration={"rules": [rule] * 11})

    def test_scanning_is_basic_until_set_then_kept(self) -> None:
        self.assertEqual("BASIC", self.ecr.get_registry_scanning_configuration()["scanningConfiguration"]["scanType"])
        rules = [{"scanFrequency": "CONTINUOUS_SCAN", "repositoryFilters": [{"filter": "prod*", "filterType": "WILDCARD"}]}]
        self.ecr.put_registry_scanning_configuration(scanType="ENHANCED", rules=rules)
        got = self.ecr.get_registry_scanning_configuration()
        self.assertEqual(({"scanType": "ENHANCED", "rules": rules}, self.account),
                         (got["scanningConfiguration"], got["registryId"]))

    def test_a_missing_scan_type_is_basic(self) -> None:
        rules = [{"scanFrequency": "SCAN_ON_PUSH", "repositoryFilters": [{"filter": "*", "filterType": "WILDCARD"}]}]
        answer = self.ecr.put_registry_scanning_configuration(rules=rules)
        self.assertEqual("BASIC", answer["registryScanningConfiguration"]["scanType"])
        self.assertEqual("BASIC", self.ecr.get_registry_scanning_configuration()["scanningConfiguration"]["scanType"])

    def test_frequencies_follow_the_scan_type(self) -> None:
        continuous = [{"scanFrequency": "CONTINUOUS_SCAN", "repositoryFilters": [{"filter": "*", "filterType": "WILDCARD"}]}]
        self.assertRefused("InvalidParameterException", self.ecr.put_registry_scanning_configuration,
                           scanType="BASIC", rules=continuous)
        self.assertRefused("InvalidParameterException", self.ecr.put_registry_scanning_configuration,
                           scanType="ENHANCED", rules=[dict(continuous[0], scanFrequency="MANUAL")])
        self.assertRefused("InvalidParameterException", self.ecr.put_registry_scanning_configuration,
                           scanType="ENHANCED", rules=continuous * 3)


class CreateOnPushTest(EcrTestCase):
    MANIFEST = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                           "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 7023,
                                      "digest": "sha256:" + "b" * 64}, "layers": []})

    def push(self, repository: str) -> None:
        self.ecr.put_image(repositoryName=repository, imageManifest=self.MANIFEST, imageTag="v1")

    def test_a_push_to_a_missing_repository_creates_it_from_the_longest_matching_template(self) -> None:
        self.ecr.create_repository_creation_template(prefix="ROOT", appliedFor=["CREATE_ON_PUSH"])
        self.ecr.create_repository_creation_template(
            prefix="shop/", appliedFor=["CREATE_ON_PUSH"], imageTagMutability="IMMUTABLE_WITH_EXCLUSION",
            imageTagMutabilityExclusionFilters=[{"filterType": "WILDCARD", "filter": "latest"}],
            lifecyclePolicy=LIFECYCLE, repositoryPolicy=POLICY, resourceTags=[{"Key": "team", "Value": "shop"}],
            customRoleArn=ROLE)

        self.push("shop/web")

        repository = self.ecr.describe_repositories(repositoryNames=["shop/web"])["repositories"][0]
        self.assertEqual("IMMUTABLE_WITH_EXCLUSION", repository["imageTagMutability"])
        self.assertEqual([{"Key": "team", "Value": "shop"}],
                         self.ecr.list_tags_for_resource(resourceArn=repository["repositoryArn"])["tags"])
        self.assertEqual(json.loads(LIFECYCLE), json.loads(
            self.ecr.get_lifecycle_policy(repositoryName="shop/web")["lifecyclePolicyText"]))
        self.assertEqual("Allow", json.loads(
            self.ecr.get_repository_policy(repositoryName="shop/web")["policyText"])["Statement"][0]["Effect"])
        self.assertEqual(1, len(self.ecr.list_images(repositoryName="shop/web")["imageIds"]))

        self.push("tools")
        self.assertEqual("MUTABLE", self.ecr.describe_repositories(
            repositoryNames=["tools"])["repositories"][0]["imageTagMutability"], "ROOT applies to the rest")

    def test_without_a_create_on_push_template_a_push_to_a_missing_repository_fails(self) -> None:
        self.ecr.create_repository_creation_template(prefix="shop", appliedFor=["PULL_THROUGH_CACHE"])

        self.assertRefused("RepositoryNotFoundException", self.push, repository="shop/web")
        self.assertRefused("RepositoryNotFoundException", self.push, repository="shopping/web")
