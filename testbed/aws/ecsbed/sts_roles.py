"""STS AssumeRole as AWS decides it, which moto (5.2.1) does not: moto hands out credentials for
any role ARN, existing or not, whatever its trust policy says.

AWS (STS API reference, AssumeRole, and IAM user guide, "How to use an external ID when granting
access to your AWS resources to a third party" and "Role trust policies") refuses with
AccessDenied, HTTP 403, "User: <caller> is not authorized to perform: sts:AssumeRole on resource:
<role ARN>" when:
  - the role does not exist in its account;
  - its trust policy has no Allow statement for sts:AssumeRole whose AWS principal is the caller's
    account (an account ID, arn:aws:iam::<account>:root, or an ARN in that account) or "*";
  - that statement's condition names an sts:ExternalId (StringEquals) other than the request's.
The credentials AWS then returns act in the role's account; moto already does that part (its
assumed-role access keys map to the role's account), and keeps doing it.

Steering (see ../README.md): a test plays the administrator of another account, who makes the
role there, with credentials acting in that account (moto 5.2.1 has no other way into one):
  POST /_ecsbed/sts/account-credentials {"account": "111111111111"}
       answers {"AccessKeyId", "SecretAccessKey", "SessionToken"} of a session in that account.
"""
import json
from typing import Any, Optional

import xmltodict
from moto.core.exceptions import AccessDeniedError
from moto.iam.models import iam_backends
from moto.sts.models import sts_backends
from moto.sts.responses import TokenResponse

from . import control


class AssumeRoleDenied(AccessDeniedError):
    """AccessDenied, 403, in the query protocol's error shape STS answers with
    (``ErrorResponse/Error/{Type, Code, Message}``), which the AWS SDKs read the message from."""

    def __init__(self, caller_account: str, role_arn: str) -> None:
        super().__init__(user_arn=f"arn:aws:iam::{caller_account}:user/moto",
                         action=f"sts:AssumeRole on resource: {role_arn}")
        self.description = xmltodict.unparse({"ErrorResponse": {
            "Error": {"Type": "Sender", "Code": "AccessDenied", "Message": self.message}}},
            full_document=True)


def _partition(arn: str) -> str:
    return arn.split(":")[1]


def _role(role_arn: str) -> Optional[Any]:
    parts = role_arn.split(":")
    if len(parts) < 6 or not parts[5].startswith("role/"):
        return None
    account, name = parts[4], parts[5].split("/")[-1]
    backend = iam_backends[account][_partition(role_arn)]
    return next((role for role in backend.get_roles() if role.name == name), None)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _principal_is(caller_account: str, principal: Any) -> bool:
    if principal == "*":
        return True
    for aws in _as_list(principal.get("AWS") if isinstance(principal, dict) else None):
        if aws == "*" or aws == caller_account or (
                aws.startswith("arn:") and aws.split(":")[4] == caller_account):
            return True
    return False


def _external_id_matches(condition: dict[str, Any], external_id: Optional[str]) -> bool:
    wanted = [value for operator in ("StringEquals", "StringLike")
              for value in _as_list((condition.get(operator) or {}).get("sts:ExternalId"))]
    return not wanted or external_id in wanted


def may_assume(trust_policy: str, caller_account: str, external_id: Optional[str]) -> bool:
    """Whether a trust policy lets the caller's account assume the role with this external ID."""
    document = json.loads(trust_policy) if isinstance(trust_policy, str) else trust_policy
    for statement in _as_list(document.get("Statement")):
        actions = _as_list(statement.get("Action"))
        if (statement.get("Effect") == "Allow"
                and ("sts:AssumeRole" in actions or "sts:*" in actions or "*" in actions)
                and _principal_is(caller_account, statement.get("Principal"))
                and _external_id_matches(statement.get("Condition") or {}, external_id)):
            return True
    return False


def _account_credentials(body: dict[str, Any]) -> dict[str, str]:
    account = body["account"]
    # moto's own AssumeRole, past the checks above: the bed's administrator is trusted everywhere.
    session = sts_backends[account]["aws"].assume_role(
        region_name="us-east-1", role_session_name="bed-admin",
        role_arn=f"arn:aws:iam::{account}:role/bed-admin", policy="", duration=3600, external_id="")
    return {"AccessKeyId": session.access_key_id, "SecretAccessKey": session.secret_access_key,
            "SessionToken": session.session_token}


def install() -> None:
    control.route("POST", "sts/account-credentials", _account_credentials)
    moto_assume_role = TokenResponse.assume_role

    def assume_role(self: TokenResponse) -> Any:
        role_arn = self._get_param("RoleArn")
        caller = self.get_current_account()
        role = _role(role_arn)
        if role is None or not may_assume(
                role.assume_role_policy_document, caller, self._get_param("ExternalId")):
            raise AssumeRoleDenied(caller, role_arn)
        return moto_assume_role(self)

    TokenResponse.assume_role = assume_role
