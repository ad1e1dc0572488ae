"""ECR registry-level settings moto (5.2.1) lacks or gets wrong: pull through cache rules (with
ValidatePullThroughCacheRule), repository creation templates (and create on push through PutImage),
replication rules beyond the first,
and the registry scanning configuration's defaults and scan-frequency rules.

Rules and templates live on moto's ECR backend of the account and region, so `/moto-api/reset`
forgets them. moto already does right, and keeps doing: DescribeRegistry (registryId and the
replication configuration), a replication destination equal to the source registry refused,
GetRegistryScanningConfiguration, applying scanning rules to repositories, and the
imageTagMutability / exclusion-filter compatibility check (reused for templates).

Steering (control routes, see ../README.md):
  POST /_ecsbed/ecr/pull-through-cache/validation {"ecrRepositoryPrefix": "hub", "failure": "why"}
       ValidatePullThroughCacheRule then answers isValid false with that failure; "failure": null clears it.
"""
import copy
import json
import re
import threading
from typing import Any, Optional

from moto.core.exceptions import ServiceException
from moto.core.responses import ActionResult
from moto.ecr.exceptions import InvalidParameterException, RepositoryNotFoundException
from moto.ecr.models import ECRBackend
from moto.ecr.responses import ECRResponse
from moto.secretsmanager.models import secretsmanager_backends

from . import clock, control


# The errors of the ECR API model, each with the message its reference page gives it.
class PullThroughCacheRuleAlreadyExistsException(ServiceException):
    code = "PullThroughCacheRuleAlreadyExistsException"
    message = "A pull through cache rule with these settings already exists for the private registry."


class PullThroughCacheRuleNotFoundException(ServiceException):
    code = "PullThroughCacheRuleNotFoundException"
    message = "The pull through cache rule was not found. Specify a valid pull through cache rule and try again."


class UnsupportedUpstreamRegistryException(ServiceException):
    code = "UnsupportedUpstreamRegistryException"
    message = "The specified upstream registry isn't supported."


class SecretNotFoundException(ServiceException):
    code = "SecretNotFoundException"
    message = ("The ARN of the secret specified in the pull through cache rule was not found. Update the pull "
               "through cache rule with a valid secret ARN and try again.")


class TemplateAlreadyExistsException(ServiceException):
    code = "TemplateAlreadyExistsException"
    message = "The repository creation template already exists. Specify a unique prefix and try again."


class TemplateNotFoundException(ServiceException):
    code = "TemplateNotFoundException"
    message = ("The specified repository creation template can't be found. Verify the registry ID and prefix "
               "and try again.")


# API_CreatePullThroughCacheRule upstreamRegistryUrl: the URL syntax of each supported upstream
# registry (Chainguard from the user guide, "Sync an upstream registry": cgr.dev).
_UPSTREAM_URLS = [
    ("ecr", re.compile(r"^[0-9]{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com$")),
    ("ecr-public", re.compile(r"^public\.ecr\.aws$")),
    ("docker-hub", re.compile(r"^registry-1\.docker\.io$")),
    ("github-container-registry", re.compile(r"^ghcr\.io$")),
    ("gitlab-container-registry", re.compile(r"^registry\.gitlab\.com$")),
    ("k8s", re.compile(r"^registry\.k8s\.io$")),
    ("azure-container-registry", re.compile(r"^[a-z0-9-]+\.azurecr\.io$")),
    ("quay", re.compile(r"^quay\.io$")),
    ("chainguard", re.compile(r"^cgr\.dev$")),
]
# User guide, "Sync an upstream registry with an Amazon ECR private registry": Docker Hub, Azure,
# GitHub, GitLab and Chainguard "requires authentication with AWS Secrets Manager secret"; Amazon ECR
# "requires authentication with AWS IAM role" when "the upstream and downstream Amazon ECR
# registries belong to different AWS account".
_NEEDS_SECRET = {"docker-hub", "azure-container-registry", "github-container-registry",
                 "gitlab-container-registry", "chainguard"}

# DescribePullThroughCacheRules / DescribeRepositoryCreationTemplates maxResults: "between 1 and
# 1000. If this parameter is not used, then ... returns up to 100 results and a nextToken value".
_MAX_PAGE, _DEFAULT_PAGE = 1000, 100

_lock = threading.Lock()
_validation_failures: dict[str, str] = {}


def _store(backend: ECRBackend, name: str) -> dict[str, dict[str, Any]]:
    """The model's dict kept on moto's backend: moto's reset rebuilds the backend and forgets it."""
    if not hasattr(backend, name):
        setattr(backend, name, {})
    return getattr(backend, name)


def _rules(response: ECRResponse) -> dict[str, dict[str, Any]]:
    return _store(response.ecr_backend, "bed_pull_through_cache_rules")


def _templates(response: ECRResponse) -> dict[str, dict[str, Any]]:
    return _store(response.ecr_backend, "bed_repository_creation_templates")


def _page(response: ECRResponse, items: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], Optional[str]]:
    limit = int(response._get_param("maxResults") or _DEFAULT_PAGE)
    if not 1 <= limit <= _MAX_PAGE:
        raise InvalidParameterException("maxResults must be between 1 and 1000.")
    start = int(response._get_param("nextToken") or 0)
    return items[start:start + limit], (str(start + limit) if start + limit < len(items) else None)


# --- pull through cache rules -----------------------------------------------------------------

def _upstream_kind(url: str) -> str:
    for kind, pattern in _UPSTREAM_URLS:
        if pattern.match(url):
            return kind
    raise UnsupportedUpstreamRegistryException()


def _check_secret(response: ECRResponse, arn: str) -> None:
    """The secret must exist in Secrets Manager (moto's) of the same account and region (user guide,
    "Creating a pull through cache rule": "The account and Region that the secret is in must match")."""
    try:
        secretsmanager_backends[response.current_account][response.region].describe_secret(arn)
    except Exception:
        raise SecretNotFoundException()


def _rule(response: ECRResponse, prefix: str) -> dict[str, Any]:
    rule = _rules(response).get(prefix)
    if rule is None:
        raise PullThroughCacheRuleNotFoundException()
    return rule


def create_pull_through_cache_rule(self: ECRResponse) -> ActionResult:
    """API_CreatePullThroughCacheRule: one rule per ecrRepositoryPrefix; upstreamRepositoryPrefix
    "When this field isn't specified, Amazon ECR will use the ROOT"."""
    prefix = self._get_param("ecrRepositoryPrefix")
    url = self._get_param("upstreamRegistryUrl")
    kind = _upstream_kind(url)
    named = self._get_param("upstreamRegistry")
    if named is not None and named != kind:
        raise InvalidParameterException(f"upstreamRegistry {named} does not match upstreamRegistryUrl {url}.")
    if prefix in _rules(self):
        raise PullThroughCacheRuleAlreadyExistsException()
    credential, role = self._get_param("credentialArn"), self._get_param("customRoleArn")
    if kind in _NEEDS_SECRET and not credential:
        raise InvalidParameterException(f"The upstream registry {kind} requires a credentialArn.")
    if kind == "ecr" and not url.startswith(self.current_account) and not role:
        raise InvalidParameterException("A customRoleArn is required for an upstream registry in another account.")
    if credential:
        _check_secret(self, credential)
    now = clock.now()
    rule = {"ecrRepositoryPrefix": prefix, "upstreamRegistryUrl": url, "upstreamRegistry": kind,
            "registryId": self.current_account, "createdAt": now, "updatedAt": now,
            "upstreamRepositoryPrefix": self._get_param("upstreamRepositoryPrefix") or "ROOT",
            "credentialArn": credential, "customRoleArn": role}
    _rules(self)[prefix] = rule
    return ActionResult(_present(rule, exclude=("updatedAt",)))


def _present(item: dict[str, Any], exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: copy.deepcopy(v) for k, v in item.items() if v is not None and k not in exclude}


def update_pull_through_cache_rule(self: ECRResponse) -> ActionResult:
    """API_UpdatePullThroughCacheRule: credentialArn and customRoleArn change; the upstream stays."""
    rule = _rule(self, self._get_param("ecrRepositoryPrefix"))
    credential, role = self._get_param("credentialArn"), self._get_param("customRoleArn")
    if credential is not None:
        _check_secret(self, credential)
        rule["credentialArn"] = credential
    if role is not None:
        rule["customRoleArn"] = role
    rule["updatedAt"] = clock.now()
    return ActionResult(_present(rule, exclude=("createdAt", "upstreamRegistry", "upstreamRegistryUrl")))


def delete_pull_through_cache_rule(self: ECRResponse) -> ActionResult:
    """API_DeletePullThroughCacheRule: answers with the deleted rule."""
    rule = _rule(self, self._get_param("ecrRepositoryPrefix"))
    del _rules(self)[rule["ecrRepositoryPrefix"]]
    return ActionResult(_present(rule, exclude=("updatedAt", "upstreamRegistry")))


def describe_pull_through_cache_rules(self: ECRResponse) -> ActionResult:
    """API_DescribePullThroughCacheRules: the named prefixes (an unknown one is
    PullThroughCacheRuleNotFoundException) or all rules, paginated."""
    prefixes = self._get_param("ecrRepositoryPrefixes")
    rules = [_rule(self, p) for p in prefixes] if prefixes else list(_rules(self).values())
    page, token = _page(self, [_present(r) for r in rules])
    return ActionResult({"pullThroughCacheRules": page, "nextToken": token})


def validate_pull_through_cache_rule(self: ECRResponse) -> ActionResult:
    """API_ValidatePullThroughCacheRule: "isValid ... If false, there was an issue and validation
    failed. The failure reason indicates the cause." The bed fails a rule whose secret is gone, or
    one steered to fail (control route); otherwise the upstream is taken as reachable."""
    rule = _rule(self, self._get_param("ecrRepositoryPrefix"))
    with _lock:
        failure = _validation_failures.get(rule["ecrRepositoryPrefix"])
    if failure is None and rule.get("credentialArn"):
        try:
            _check_secret(self, rule["credentialArn"])
        except SecretNotFoundException as missing:
            failure = missing.message
    answer = _present(rule, exclude=("createdAt", "updatedAt", "upstreamRegistry"))
    answer["isValid"] = failure is None
    if failure is not None:
        answer["failure"] = failure
    return ActionResult(answer)


def _steer_validation(body: dict[str, Any]) -> dict[str, Any]:
    prefix = body["ecrRepositoryPrefix"]
    with _lock:
        if body.get("failure"):
            _validation_failures[prefix] = body["failure"]
        else:
            _validation_failures.pop(prefix, None)
        return dict(_validation_failures)


def _forget_steering() -> None:
    with _lock:
        _validation_failures.clear()


# --- repository creation templates ------------------------------------------------------------

_TEMPLATE_FIELDS = ("description", "encryptionConfiguration", "resourceTags", "imageTagMutability",
                    "imageTagMutabilityExclusionFilters", "repositoryPolicy", "lifecyclePolicy",
                    "appliedFor", "customRoleArn")


def _checked_template_fields(response: ECRResponse) -> dict[str, Any]:
    fields = {key: response._get_param(key) for key in _TEMPLATE_FIELDS}
    # API_CreateRepositoryCreationTemplate / API_UpdateRepositoryCreationTemplate imageTagMutability:
    # "If this parameter is omitted, the default setting of MUTABLE will be used".
    fields["imageTagMutability"] = fields["imageTagMutability"] or "MUTABLE"
    ECRBackend.validate_image_tag_mutability_params_compatibility(
        fields["imageTagMutability"], fields["imageTagMutabilityExclusionFilters"])
    for policy in ("repositoryPolicy", "lifecyclePolicy"):
        if fields[policy]:
            try:
                json.loads(fields[policy])
            except ValueError:
                raise InvalidParameterException(f"Invalid parameter at '{policy}': the policy is not valid JSON.")
    return fields


def _template(response: ECRResponse, prefix: str) -> dict[str, Any]:
    template = _templates(response).get(prefix)
    if template is None:
        raise TemplateNotFoundException()
    return template


def _template_answer(response: ECRResponse, template: dict[str, Any]) -> ActionResult:
    return ActionResult({"registryId": response.current_account, "repositoryCreationTemplate": _present(template)})


def create_repository_creation_template(self: ECRResponse) -> ActionResult:
    """API_CreateRepositoryCreationTemplate: one template per prefix (ROOT for "all repositories in
    your registry that don't have an associated creation template"); appliedFor is required."""
    prefix = self._get_param("prefix")
    if prefix in _templates(self):
        raise TemplateAlreadyExistsException()
    fields = _checked_template_fields(self)
    if not fields["appliedFor"]:
        raise InvalidParameterException("appliedFor must name at least one of PULL_THROUGH_CACHE, REPLICATION, "
                                        "CREATE_ON_PUSH.")
    now = clock.now()
    template = {"prefix": prefix, **fields, "createdAt": now, "updatedAt": now}
    _templates(self)[prefix] = template
    return _template_answer(self, template)


def update_repository_creation_template(self: ECRResponse) -> ActionResult:
    """API_UpdateRepositoryCreationTemplate: the members sent replace the stored ones; an omitted
    imageTagMutability goes back to MUTABLE as the reference says (and so clears exclusion filters)."""
    template = _template(self, self._get_param("prefix"))
    fields = _checked_template_fields(self)
    for key, value in fields.items():
        if value is not None or key == "imageTagMutabilityExclusionFilters":
            template[key] = value
    template["updatedAt"] = clock.now()
    return _template_answer(self, template)


def delete_repository_creation_template(self: ECRResponse) -> ActionResult:
    """API_DeleteRepositoryCreationTemplate: answers with the deleted template."""
    template = _template(self, self._get_param("prefix"))
    del _templates(self)[template["prefix"]]
    return _template_answer(self, template)


def describe_repository_creation_templates(self: ECRResponse) -> ActionResult:
    """API_DescribeRepositoryCreationTemplates: the named prefixes (unknown ones are left out: the
    call has no not-found error) or all templates, paginated."""
    prefixes = self._get_param("prefixes")
    templates = [t for p, t in _templates(self).items() if not prefixes or p in prefixes]
    page, token = _page(self, [_present(t) for t in templates])
    return ActionResult({"registryId": self.current_account, "repositoryCreationTemplates": page,
                         "nextToken": token})


# --- create on push ----------------------------------------------------------------------------

_moto_put_image = ECRResponse.put_image


def _applicable_template(response: ECRResponse, repository: str, applied_for: str) -> Optional[dict[str, Any]]:
    """API_CreateRepositoryCreationTemplate prefix: "a prefix of prod would apply to all repositories
    beginning with prod/ ... To apply a template to all repositories in your registry that don't have
    an associated creation template, you can use ROOT as the prefix." The longest matching prefix
    wins; only templates applied for this way of creating repositories count."""
    candidates = [t for t in _templates(response).values() if applied_for in (t.get("appliedFor") or [])]
    matching = [t for t in candidates
                if t["prefix"] != "ROOT" and repository.startswith(t["prefix"].rstrip("/") + "/")]
    if matching:
        return max(matching, key=lambda t: len(t["prefix"].rstrip("/")))
    return next((t for t in candidates if t["prefix"] == "ROOT"), None)


def _create_from_template(response: ECRResponse, repository: str, template: dict[str, Any]) -> None:
    backend = response.ecr_backend
    backend.create_repository(
        repository_name=repository, registry_id=None,
        encryption_config=template.get("encryptionConfiguration") or {"encryptionType": "AES256"},
        image_scan_config={"scanOnPush": False}, image_tag_mutability=template["imageTagMutability"],
        tags=template.get("resourceTags") or [],
        image_tag_mutability_exclusion_filters=template.get("imageTagMutabilityExclusionFilters"))
    if template.get("lifecyclePolicy"):
        backend.put_lifecycle_policy(None, repository, template["lifecyclePolicy"])
    if template.get("repositoryPolicy"):
        backend.set_repository_policy(None, repository, template["repositoryPolicy"])


def put_image(self: ECRResponse) -> ActionResult:
    """User guide, "Creating a repository creation template": templates define "the settings to use
    for repositories created by Amazon ECR on your behalf during pull through cache, create on push,
    or replication actions". A push (PutImage, the bed's push) to a repository that does not exist
    creates it from the CREATE_ON_PUSH template that applies; without one, RepositoryNotFoundException
    (API_PutImage), where moto 5.2.1 answers 500."""
    repository = self._get_param("repositoryName")
    if repository not in self.ecr_backend.repositories:
        template = _applicable_template(self, repository, "CREATE_ON_PUSH")
        if template is None:
            raise RepositoryNotFoundException(repository, self.current_account)
        _create_from_template(self, repository, template)
    return _moto_put_image(self)


# --- registry replication and scanning ---------------------------------------------------------

def put_replication_configuration(self: ECRResponse) -> ActionResult:
    """API_PutReplicationConfiguration. moto refuses more than one rule ("This feature is disabled");
    API_ReplicationConfiguration allows up to 10 rules (API_ReplicationRule: up to 100 destinations,
    1-100 repositoryFilters). moto's check that no destination is the source registry still runs, for every rule."""
    configuration = self._get_param("replicationConfiguration")
    rules = configuration.get("rules", [])
    if len(rules) > 10:
        raise InvalidParameterException("A replication configuration can have at most 10 rules.")
    backend = self.ecr_backend
    for rule in rules:
        backend.put_replication_configuration({"rules": [rule]})  # moto's destination check
    backend.replication_config = copy.deepcopy(configuration)
    return ActionResult({"replicationConfiguration": configuration})


# API_RegistryScanningRule scanFrequency: "When the ENHANCED scan type is specified, the supported
# scan frequencies are CONTINUOUS_SCAN and SCAN_ON_PUSH. When the BASIC scan type is specified, the
# SCAN_ON_PUSH scan frequency is supported. If scan on push is not specified, then the MANUAL scan
# frequency is set by default."
_FREQUENCIES = {"BASIC": {"SCAN_ON_PUSH", "MANUAL"}, "ENHANCED": {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}}


def put_registry_scanning_configuration(self: ECRResponse) -> ActionResult:
    """API_PutRegistryScanningConfiguration scanType: "When a registry scanning configuration is not
    defined, by default the BASIC scan type is used" (moto stores a missing scanType as null); at
    most 2 rules (API_RegistryScanningConfiguration); frequencies per scan type. moto's backend
    still applies the rules to the repositories."""
    scan_type = self._get_param("scanType") or "BASIC"
    rules = self._get_param("rules") or []
    if len(rules) > 2:
        raise InvalidParameterException("A registry scanning configuration can have at most 2 rules.")
    for rule in rules:
        if rule["scanFrequency"] not in _FREQUENCIES[scan_type]:
            raise InvalidParameterException(
                f"Invalid parameter at 'scanFrequency': {rule['scanFrequency']} is not supported with "
                f"scan type {scan_type}.")
    self.ecr_backend.put_registry_scanning_configuration(scan_type, rules)
    return ActionResult({"registryScanningConfiguration": {"scanType": scan_type, "rules": rules}})


def install() -> None:
    control.route("POST", "ecr/pull-through-cache/validation", _steer_validation)
    control.on_reset(_forget_steering)
    for call in (create_pull_through_cache_rule, update_pull_through_cache_rule, delete_pull_through_cache_rule,
                 describe_pull_through_cache_rules, validate_pull_through_cache_rule,
                 create_repository_creation_template, update_repository_creation_template,
                 delete_repository_creation_template, describe_repository_creation_templates,
                 put_replication_configuration, put_registry_scanning_configuration):
        setattr(ECRResponse, call.__name__, call)
    ECRResponse.put_image = put_image
