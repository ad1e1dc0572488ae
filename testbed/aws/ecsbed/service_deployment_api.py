"""The ECS calls of the service deployment model, added to moto's ECS response class, and the
hooks on CreateService / UpdateService / DescribeServices that start and advance deployments."""
import datetime
import json
from typing import Any, Callable, Optional

from moto.core.responses import ActionResult
from moto.ecs.exceptions import ECSException, InvalidParameterException
from moto.ecs.responses import EC2ContainerServiceResponse

from . import service_deployments as model
from .deployment_rules import steps_of_another_strategy, with_defaults

# UpdateService parameters that change the service revision, so ECS starts a deployment
# (developer guide, "service deployment lifecycle"); desiredCount alone does not.
_REVISION_FIELDS = ("task_definition", "load_balancers", "network_configuration", "launch_type",
                    "platform_version", "service_registries", "capacity_provider_strategy",
                    "service_connect_configuration", "volume_configurations")


class ServiceDeploymentNotFoundException(ECSException):
    code = "ServiceDeploymentNotFoundException"


class ConflictException(ECSException):
    code = "ConflictException"


def _revision(service: Any) -> str:
    return json.dumps([getattr(service, f, None) for f in _REVISION_FIELDS], sort_keys=True, default=str)


def _all_services(response: EC2ContainerServiceResponse) -> list[Any]:
    return list(response.ecs_backend.services.values())


def _find(response: EC2ContainerServiceResponse, arn: str) -> Optional[model.ServiceDeployment]:
    for service in _all_services(response):
        for deployment in model.deployments_of(service):
            if deployment.service_deployment_arn == arn:
                return deployment
    return None


def _advance_all(response: EC2ContainerServiceResponse) -> None:
    for service in _all_services(response):
        model.advance(service)


def _after_create(original: Callable) -> Callable:
    def create_service(self: EC2ContainerServiceResponse) -> ActionResult:
        _check_steps(self._get_param("deploymentConfiguration"))
        result = original(self)
        service = result.result["service"]
        # moto drops serviceConnectConfiguration on CreateService; DescribeServices reports it on
        # the deployments (API_Deployment serviceConnectConfiguration).
        service.service_connect_configuration = self._get_param("serviceConnectConfiguration")
        # moto drops deploymentConfiguration on CreateService; AWS keeps what was sent, with its
        # defaults filled in.
        _fill_defaults(service, self._get_param("deploymentConfiguration"))
        # API_CreateService availabilityZoneRebalancing: "For create service requests, when no
        # value is specified ... Amazon ECS defaults the value to ENABLED."
        service.availability_zone_rebalancing = self._get_param("availabilityZoneRebalancing") or "ENABLED"
        if service.deployment_controller.get("type", "ECS") == "ECS":
            model.start(service)
        return result

    return create_service


def _around_update(original: Callable) -> Callable:
    def update_service(self: EC2ContainerServiceResponse) -> ActionResult:
        _advance_all(self)
        _check_steps(self._get_param("deploymentConfiguration"))
        service = self.ecs_backend._get_service(self._get_param("cluster", "default"), self._get_param("service"))
        before = _revision(service)
        result = original(self)
        if self._get_param("deploymentConfiguration") is not None:
            # moto stores what was sent; AWS reports it with its defaults filled in.
            _fill_defaults(service, self._get_param("deploymentConfiguration"))
        # API_UpdateService availabilityZoneRebalancing: left out, the service keeps its value, and
        # one that never had a value is treated as DISABLED.
        service.availability_zone_rebalancing = (
            self._get_param("availabilityZoneRebalancing") or getattr(service, "availability_zone_rebalancing", None)
            or "DISABLED")
        changed = _revision(service) != before or bool(self._get_param("forceNewDeployment"))
        if changed and service.deployment_controller.get("type", "ECS") == "ECS":
            model.start(service)
        return result

    return update_service


def _check_steps(sent: Optional[dict[str, Any]]) -> None:
    steps = steps_of_another_strategy(sent)
    if steps:
        # The bed's wording: nobody has quoted AWS's message for this.
        raise InvalidParameterException(f"{steps} is only valid with its own deployment strategy.")


def _fill_defaults(service: Any, sent: Optional[dict[str, Any]]) -> None:
    service.deployment_configuration = with_defaults(sent, service.scheduling_strategy)


def _advancing(original: Callable) -> Callable:
    def describe(self: EC2ContainerServiceResponse) -> ActionResult:
        _advance_all(self)
        return original(self)

    return describe


def _instant(value: Any) -> Optional[datetime.datetime]:
    if value is None or isinstance(value, datetime.datetime):
        return value
    return datetime.datetime.fromtimestamp(float(value), datetime.timezone.utc)


def list_service_deployments(self: EC2ContainerServiceResponse) -> ActionResult:
    """API_ListServiceDeployments: one service's deployments, filtered by status and createdAt;
    maxResults 1-100, default 20, with nextToken."""
    _advance_all(self)
    service = self.ecs_backend._get_service(self._get_param("cluster", "default"), self._get_param("service"))
    statuses = self._get_param("status") or []
    created = self._get_param("createdAt") or {}
    before, after = _instant(created.get("before")), _instant(created.get("after"))
    max_results = int(self._get_param("maxResults") or 20)
    if not 1 <= max_results <= 100:
        raise InvalidParameterException("maxResults must be between 1 and 100.")
    found = [d for d in model.deployments_of(service)
             if (not statuses or d.status in statuses)
             and (before is None or d.created_at < before) and (after is None or d.created_at > after)]
    start = int(self._get_param("nextToken") or 0)
    page = found[start:start + max_results]
    token = str(start + max_results) if start + max_results < len(found) else None
    return ActionResult({"serviceDeployments": [d.brief() for d in page], "nextToken": token})


def describe_service_deployments(self: EC2ContainerServiceResponse) -> ActionResult:
    """API_DescribeServiceDeployments: at most 20 ARNs; unknown ones come back as failures."""
    _advance_all(self)
    arns = self._get_param("serviceDeploymentArns") or []
    if len(arns) > 20:
        raise InvalidParameterException("serviceDeploymentArns can have at most 20 items.")
    found, failures = [], []
    for arn in arns:
        deployment = _find(self, arn)
        if deployment is None:
            failures.append({"arn": arn, "reason": "MISSING"})
        else:
            found.append(deployment)
    return ActionResult({"serviceDeployments": found, "failures": failures})


def continue_service_deployment(self: EC2ContainerServiceResponse) -> ActionResult:
    """API_ContinueServiceDeployment: the deployment must be IN_PROGRESS and the hook
    AWAITING_ACTION; action CONTINUE (default) or ROLLBACK."""
    _advance_all(self)
    arn = self._get_param("serviceDeploymentArn")
    deployment = _find(self, arn)
    if deployment is None:
        raise ServiceDeploymentNotFoundException(f"Service deployment {arn} not found.")
    if deployment.status != "IN_PROGRESS":
        raise InvalidParameterException(f"The service deployment is {deployment.status}, not IN_PROGRESS.")
    hook_id = self._get_param("hookId")
    try:
        deployment.continue_hook(hook_id, self._get_param("action") or "CONTINUE")
    except KeyError:
        raise InvalidParameterException(f"No lifecycle hook {hook_id} is AWAITING_ACTION on this service deployment.")
    deployment.advance()
    return ActionResult({"serviceDeploymentArn": arn})


def stop_service_deployment(self: EC2ContainerServiceResponse) -> ActionResult:
    """API_StopServiceDeployment and developer guide "Stopping Amazon ECS service deployments":
    PENDING / IN_PROGRESS roll back; deployments already stopping or rolling back go on; a
    completed one cannot be stopped."""
    _advance_all(self)
    arn = self._get_param("serviceDeploymentArn")
    deployment = _find(self, arn)
    if deployment is None:
        raise ServiceDeploymentNotFoundException(f"Service deployment {arn} not found.")
    stop_type = self._get_param("stopType") or "ROLLBACK"
    if stop_type != "ROLLBACK":
        raise InvalidParameterException("stopType must be ROLLBACK.")
    if deployment.status not in model.ONGOING:
        raise ConflictException(f"The service deployment is {deployment.status} and cannot be stopped.")
    deployment.start_rollback(model.clock.now(), "stopped by StopServiceDeployment")
    return ActionResult({"serviceDeploymentArn": arn})


def describe_service_revisions(self: EC2ContainerServiceResponse) -> ActionResult:
    """API_DescribeServiceRevisions: at most 20 ARNs; unknown ones come back as failures."""
    arns = self._get_param("serviceRevisionArns") or []
    if len(arns) > 20:
        raise InvalidParameterException("serviceRevisionArns can have at most 20 items.")
    revisions = {}
    for service in _all_services(self):
        for deployment in model.deployments_of(service):
            for revision in filter(None, (deployment.source, deployment.target)):
                revisions[revision.service_revision_arn] = revision
    return ActionResult({"serviceRevisions": [revisions[a] for a in arns if a in revisions],
                         "failures": [{"arn": a, "reason": "MISSING"} for a in arns if a not in revisions]})


def _newer_breaker_members() -> None:
    """API_DeploymentCircuitBreaker resetOnHealthyTask and thresholdConfiguration
    (API_ThresholdConfiguration) are newer than the pinned moto's botocore (1.43), and moto parses
    requests and writes answers by that model, dropping what it lacks: they are added to the
    model moto's ECS uses, so that they are kept and echoed as AWS does."""
    from moto.core.utils import get_service_model

    shapes = get_service_model("ecs")._shape_resolver._shape_map
    shapes.setdefault("ThresholdConfiguration", {
        "type": "structure", "required": ["type", "value"],
        "members": {"type": {"shape": "String"}, "value": {"shape": "Integer"}}})
    members = shapes["DeploymentCircuitBreaker"]["members"]
    members.setdefault("resetOnHealthyTask", {"shape": "BoxedBoolean"})
    members.setdefault("thresholdConfiguration", {"shape": "ThresholdConfiguration"})


def install() -> None:
    _newer_breaker_members()
    cls = EC2ContainerServiceResponse
    cls.create_service = _after_create(cls.create_service)
    cls.update_service = _around_update(cls.update_service)
    cls.describe_services = _advancing(cls.describe_services)
    for call in (list_service_deployments, describe_service_deployments, continue_service_deployment,
                 stop_service_deployment, describe_service_revisions):
        setattr(cls, call.__name__, call)
