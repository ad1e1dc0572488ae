"""The STS AssumeRole model (ecsbed/sts_roles.py) through boto3, as the AWS SDK calls it."""
import json
from typing import Any

import boto3
from botocore.exceptions import ClientError

from tests.bed import BedTestCase

OTHER = "111111111111"


def trust(principal: Any, external_id: str = "") -> str:
    statement: dict[str, Any] = {"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}
    if external_id:
        statement["Condition"] = {"StringEquals": {"sts:ExternalId": external_id}}
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


class AssumeRoleTest(BedTestCase):

    def setUp(self) -> None:
        super().setUp()
        self.sts = self.client("sts")
        self.caller = self.sts.get_caller_identity()["Account"]

    def role_in_other_account(self, policy: str) -> str:
        """A role made by the other account's administrator."""
        admin = self.post("/_ecsbed/sts/account-credentials", {"account": OTHER})
        iam = boto3.client("iam", region_name="us-east-1", endpoint_url=self.server.url,
                           aws_access_key_id=admin["AccessKeyId"],
                           aws_secret_access_key=admin["SecretAccessKey"],
                           aws_session_token=admin["SessionToken"])
        return iam.create_role(RoleName="deployer", AssumeRolePolicyDocument=policy)["Role"]["Arn"]

    def assertDenied(self, **params: Any) -> str:
        with self.assertRaises(ClientError) as raised:
            self.sts.assume_role(RoleSessionName="ecs-operator", **params)
        error = raised.exception.response
        self.assertEqual(("AccessDenied", 403), (error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"]))
        return error["Error"]["Message"]

    def test_a_role_that_does_not_exist_is_refused_naming_it(self) -> None:
        arn = f"arn:aws:iam::{OTHER}:role/missing"
        self.assertIn(f"sts:AssumeRole on resource: {arn}", self.assertDenied(RoleArn=arn))

    def test_a_trusted_caller_gets_credentials_acting_in_the_roles_account(self) -> None:
        arn = self.role_in_other_account(trust({"AWS": f"arn:aws:iam::{self.caller}:root"}))
        creds = self.sts.assume_role(RoleArn=arn, RoleSessionName="ecs-operator")["Credentials"]
        who = boto3.client("sts", region_name="us-east-1", endpoint_url=self.server.url,
                           aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                           aws_session_token=creds["SessionToken"]).get_caller_identity()
        self.assertEqual(OTHER, who["Account"])
        self.assertEqual(f"arn:aws:sts::{OTHER}:assumed-role/deployer/ecs-operator", who["Arn"])

    def test_a_caller_the_trust_policy_does_not_name_is_refused(self) -> None:
        arn = self.role_in_other_account(trust({"AWS": "222222222222"}))
        self.assertDenied(RoleArn=arn)

    def test_the_external_id_must_match_the_trust_policys_condition(self) -> None:
        arn = self.role_in_other_account(trust({"AWS": self.caller}, external_id="tenant-a"))
        self.assertDenied(RoleArn=arn)
        self.assertDenied(RoleArn=arn, ExternalId="tenant-b")
        self.sts.assume_role(RoleArn=arn, RoleSessionName="ecs-operator", ExternalId="tenant-a")
