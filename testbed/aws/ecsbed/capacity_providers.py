"""ECS capacity providers as the API reference describes them, where moto (5.2.1) reads only the
Auto Scaling group part: Managed Instances providers (scoped to one cluster), managed draining,
the update and delete status transitions, deletion refused while a cluster or a service uses the
provider, the cluster filter and the Fargate providers of DescribeCapacityProviders, and
PutClusterCapacityProviders refusing what AWS refuses.

The providers live in moto's own store (the backend's ``capacity_providers``), so
`/moto-api/reset` forgets them. moto's ``CapacityProvider`` keeps doing what it already does right:
the managedScaling defaults (status DISABLED, targetCapacity 100, step sizes 1 and 10000,
instanceWarmupPeriod 300) and merging managedScaling / managedTerminationProtection on update.
"""
import copy
from typing import Any, Optional

from moto.core.responses import ActionResult
from moto.ecs.exceptions import ECSException, InvalidParameterException
from moto.ecs.models import CapacityProvider
from moto.ecs.responses import EC2ContainerServiceResponse
from moto.utilities.utils import get_partition

from . import clock, control

# API_CreateCapacityProvider: "Fargate has the predefined FARGATE and FARGATE_SPOT capacity providers."
FARGATE_PROVIDERS = ("FARGATE", "FARGATE_SPOT")

# Model seconds a Managed Instances provider stays PROVISIONING (setting of the same name, see
# control.py). AWS reports it not yet ACTIVE right after creation: PutClusterCapacityProviders then
# answers "The specified capacity provider '<name>' is not in an ACTIVE state. Specify a valid
# capacity provider and try again." (hashicorp/terraform-provider-aws#45693); the reference gives no duration.
_PROVISIONING_SETTING, _PROVISIONING_DEFAULT = "capacityProviderProvisioningSeconds", 10.0

# API_DescribeCapacityProviders maxResults: "This value can be between 1 and 10. If this parameter
# is not used, then DescribeCapacityProviders returns up to 10 results and a nextToken".
_PAGE_LIMIT = 10


class ClientException(ECSException):
    code = "ClientException"


class ResourceInUseException(ECSException):
    code = "ResourceInUseException"


class BedCapacityProvider(CapacityProvider):
    """moto's provider plus what API_CapacityProvider has beyond the Auto Scaling group."""

    def __init__(self, account_id: str, region_name: str, name: str, request: dict[str, Any]) -> None:
        asg = request.get("autoScalingGroupProvider")
        super().__init__(account_id, region_name, name, copy.deepcopy(asg or {}), request.get("tags"))
        self.cluster: Optional[str] = None
        self.managed_instances_provider: Optional[dict[str, Any]] = None
        self.update_status_reason: Optional[str] = None
        self.active_at = clock.now()
        if asg is None:
            self.auto_scaling_group_provider = None
            self.type = "MANAGED_INSTANCES"
            self.cluster = request["cluster"]
            self.managed_instances_provider = _managed_instances_defaults(request["managedInstancesProvider"])
            # API_CapacityProvider status PROVISIONING, updateStatus CREATE_IN_PROGRESS, until ACTIVE.
            self.status, self.update_status = "PROVISIONING", "CREATE_IN_PROGRESS"
            self.active_at = clock.after(self.active_at, float(
                control.setting(_PROVISIONING_SETTING, _PROVISIONING_DEFAULT)))
        else:
            self.type = "EC2_AUTOSCALING"
            # Developer guide, "Configuring Amazon ECS capacity providers to safely shut down
            # instances": "Managed instance draining is on by default when you create a capacity provider."
            self.auto_scaling_group_provider.setdefault("managedDraining", "ENABLED")

    def settle(self) -> "BedCapacityProvider":
        if self.status == "PROVISIONING" and clock.now() >= self.active_at:
            self.status, self.update_status = "ACTIVE", "CREATE_COMPLETE"
        return self

    def view(self, with_tags: bool = True) -> dict[str, Any]:
        """API_CapacityProvider as AWS returns it; tags only when asked for (DescribeCapacityProviders `include`)."""
        shown = {"capacityProviderArn": self.capacity_provider_arn, "name": self.name, "status": self.status,
                 "type": self.type, "cluster": self.cluster,
                 "autoScalingGroupProvider": copy.deepcopy(self.auto_scaling_group_provider),
                 "managedInstancesProvider": copy.deepcopy(self.managed_instances_provider),
                 "updateStatus": self.update_status, "updateStatusReason": self.update_status_reason,
                 "tags": self.tags if with_tags else None}
        return {key: value for key, value in shown.items() if value is not None}


def _managed_instances_defaults(provider: dict[str, Any]) -> dict[str, Any]:
    provider = copy.deepcopy(provider)
    template = provider["instanceLaunchTemplate"]
    # API_InstanceLaunchTemplate capacityOptionType: "The default is On-Demand".
    template.setdefault("capacityOptionType", "ON_DEMAND")
    # API_InstanceLaunchTemplate monitoring: "By default, your managed instance is configured for basic monitoring."
    template.setdefault("monitoring", "BASIC")
    # API_InstanceLaunchTemplate instanceMetadataTagsPropagation: "The default value is true."
    template.setdefault("instanceMetadataTagsPropagation", True)
    return provider


def _arn(response: EC2ContainerServiceResponse, name: str) -> str:
    region = response.region
    return f"arn:{get_partition(region)}:ecs:{region}:{response.current_account}:capacity-provider/{name}"


def _fargate_view(response: EC2ContainerServiceResponse, name: str) -> dict[str, Any]:
    return {"capacityProviderArn": _arn(response, name), "name": name, "status": "ACTIVE", "type": name}


def _providers(response: EC2ContainerServiceResponse) -> dict[str, BedCapacityProvider]:
    return response.ecs_backend.capacity_providers


def _find(response: EC2ContainerServiceResponse, name_or_arn: str) -> Optional[BedCapacityProvider]:
    for provider in _providers(response).values():
        if name_or_arn in (provider.name, provider.capacity_provider_arn):
            return provider.settle()
    return None


def _cluster_name(response: EC2ContainerServiceResponse, name_or_arn: str) -> str:
    return response.ecs_backend._get_cluster(name_or_arn).name  # ClusterNotFoundException


def _cluster_of_call(response: EC2ContainerServiceResponse) -> Any:
    return response.ecs_backend._get_cluster(response._get_param("cluster") or "default")


def _scoped(response: EC2ContainerServiceResponse, name_or_arn: str) -> BedCapacityProvider:
    """The provider an Update/Delete call names. API_UpdateCapacityProvider / API_DeleteCapacityProvider
    `cluster`: "Managed instances capacity providers are cluster-scoped and can only be updated
    [deleted] within their associated cluster." (The message is the bed's: the reference gives none.)"""
    provider = _find(response, name_or_arn)
    cluster = response._get_param("cluster")
    if provider is None or provider.status == "INACTIVE":
        raise ClientException(f"The specified capacity provider {name_or_arn} does not exist.")
    if provider.cluster is not None and (cluster is None or _cluster_name(response, cluster) != provider.cluster):
        raise InvalidParameterException(
            f"The capacity provider {provider.name} belongs to cluster {provider.cluster}; name that cluster.")
    return provider


def _strategy_names(strategy: Optional[list[dict[str, Any]]]) -> set[str]:
    return {item["capacityProvider"] for item in strategy or []}


def _active_services(response: EC2ContainerServiceResponse) -> list[Any]:
    return [s for s in response.ecs_backend.services.values() if s.status != "INACTIVE"]


def _service_strategy(service: Any) -> set[str]:
    return _strategy_names(getattr(service, "capacity_provider_strategy", None))


def _associated(provider_name: str, cluster: Any, response: EC2ContainerServiceResponse) -> bool:
    """In the cluster's capacityProviders, or a Managed Instances provider created in that cluster."""
    if provider_name in (cluster.capacity_providers or []):
        return True
    provider = _find(response, provider_name)
    return provider is not None and provider.cluster == cluster.name and provider.status != "INACTIVE"


def _unassociated() -> InvalidParameterException:
    """API_CapacityProviderStrategyItem: "Only capacity providers that are already associated with a
    cluster and have an ACTIVE or UPDATING status can be used in a capacity provider strategy." The
    message is AWS's (quoted in dask/dask-cloudprovider#328)."""
    return InvalidParameterException(
        "The specified capacity provider strategy cannot contain a capacity provider that is not associated "
        "with the cluster. Associate the capacity provider with the cluster or specify a valid capacity "
        "provider and try again.")


def _require_active(provider: BedCapacityProvider) -> None:
    if provider.status != "ACTIVE":
        raise InvalidParameterException(
            f"The specified capacity provider '{provider.name}' is not in an ACTIVE state. Specify a valid "
            f"capacity provider and try again.")


def _check_service_strategy(response: EC2ContainerServiceResponse, cluster: Any,
                            strategy: Optional[list[dict[str, Any]]]) -> None:
    for name in _strategy_names(strategy):
        if not _associated(name, cluster, response):
            raise _unassociated()
        provider = _find(response, name)
        if provider is not None:
            _require_active(provider)


def _deletion_blocker(response: EC2ContainerServiceResponse, provider: BedCapacityProvider) -> Optional[str]:
    """Why the provider cannot be deleted now, or None.

    API_DeleteCapacityProvider: "Prior to a capacity provider being deleted, the capacity provider
    must be removed from the capacity provider strategy from all services ... Only capacity
    providers that aren't associated with a cluster can be deleted." AWS answers with
    updateStatus DELETE_FAILED and, for an associated provider, the reason quoted in the knowledge
    center article "How do I resolve errors when I delete a capacity provider in Amazon ECS?".
    A Managed Instances provider always belongs to its cluster, so for it only a service or the
    cluster's default strategy blocks (the wording of those reasons is the bed's)."""
    for cluster in response.ecs_backend.clusters.values():
        if provider.cluster is None and provider.name in (cluster.capacity_providers or []):
            return (f"The capacity provider cannot be deleted because it is associated with cluster: "
                    f"{cluster.name}. Remove the capacity provider from the cluster and try again.")
        if provider.name in _strategy_names(cluster.default_capacity_provider_strategy):
            return (f"The capacity provider cannot be deleted because it is in the default capacity "
                    f"provider strategy of cluster: {cluster.name}.")
    for service in _active_services(response):
        if provider.name in _service_strategy(service):
            return (f"The capacity provider cannot be deleted because it is in use by service: "
                    f"{service.name}. Remove it from the service's capacity provider strategy and try again.")
    return None


def create_capacity_provider(self: EC2ContainerServiceResponse) -> ActionResult:
    """API_CreateCapacityProvider."""
    name = self._get_param("name")
    request = {key: self._get_param(key) for key in
               ("cluster", "autoScalingGroupProvider", "managedInstancesProvider", "tags")}
    if (request["autoScalingGroupProvider"] is None) == (request["managedInstancesProvider"] is None):
        raise InvalidParameterException(
            "Specify exactly one of autoScalingGroupProvider and managedInstancesProvider.")
    existing = _find(self, name)
    if existing is not None and existing.status != "INACTIVE":
        # The message AWS gives (quoted in aws/containers-roadmap#632).
        raise ClientException("The specified capacity provider already exists. To change the configuration "
                              "of an existing capacity provider, update the capacity provider.")
    if request["managedInstancesProvider"] is not None:
        # `cluster`: "When you create a capacity provider with Amazon ECS Managed Instances, it
        # becomes available only within the specified cluster." (API_CapacityProvider: "This is
        # required for Managed instances.")
        if not request["cluster"]:
            raise InvalidParameterException("cluster is required for a Managed Instances capacity provider.")
        request["cluster"] = _cluster_name(self, request["cluster"])
    provider = BedCapacityProvider(self.current_account, self.region, name, request)
    _providers(self)[name] = provider
    return ActionResult({"capacityProvider": provider.view()})


def update_capacity_provider(self: EC2ContainerServiceResponse) -> ActionResult:
    """API_UpdateCapacityProvider. The answer shows the settings before the change with updateStatus
    UPDATE_IN_PROGRESS; the next read shows the new settings and UPDATE_COMPLETE (developer guide,
    "Configuring Amazon ECS capacity providers to safely shut down instances": "You'll see that
    managedDraining currently shows as DISABLED and updateStatus shows as UPDATE_IN_PROGRESS")."""
    provider = _scoped(self, self._get_param("name"))
    asg_update = self._get_param("autoScalingGroupProvider")
    instances_update = self._get_param("managedInstancesProvider")
    if (asg_update is not None and provider.type != "EC2_AUTOSCALING") or (
            instances_update is not None and provider.type != "MANAGED_INSTANCES"):
        raise InvalidParameterException(f"The capacity provider {provider.name} is of type {provider.type}.")
    before = provider.view()
    before["updateStatus"] = "UPDATE_IN_PROGRESS"
    before.pop("updateStatusReason", None)
    if asg_update is not None:
        # AutoScalingGroupProviderUpdate has no autoScalingGroupArn: the group cannot change.
        provider.update(asg_update)
        if "managedDraining" in asg_update:
            provider.auto_scaling_group_provider["managedDraining"] = asg_update["managedDraining"]
    if instances_update is not None:
        _update_managed_instances(provider.managed_instances_provider, instances_update)
    provider.update_status = "UPDATE_COMPLETE"
    provider.update_status_reason = None
    return ActionResult({"capacityProvider": before})


def _update_managed_instances(current: dict[str, Any], update: dict[str, Any]) -> None:
    """API_UpdateManagedInstancesProviderConfiguration: infrastructureRoleArn and
    instanceLaunchTemplate are required; the other members replace what they name. The launch
    template update (API_InstanceLaunchTemplateUpdate) has no capacityOptionType and no
    fipsEnabled, so those stay as created; its members replace the stored ones one by one."""
    current["infrastructureRoleArn"] = update["infrastructureRoleArn"]
    current["instanceLaunchTemplate"].update(copy.deepcopy(update["instanceLaunchTemplate"]))
    for key in ("propagateTags", "infrastructureOptimization", "autoRepairConfiguration"):
        if key in update:
            current[key] = copy.deepcopy(update[key])


def delete_capacity_provider(self: EC2ContainerServiceResponse) -> ActionResult:
    """API_DeleteCapacityProvider. A provider in use keeps status ACTIVE and gets updateStatus
    DELETE_FAILED with the reason (see _deletion_blocker). Otherwise the answer says
    DELETE_IN_PROGRESS and the provider is then INACTIVE with DELETE_COMPLETE (API_CapacityProvider
    updateStatus: "DELETE_COMPLETE The capacity provider was successfully deleted and has an
    INACTIVE status"); INACTIVE providers stay describable, their name can be used again."""
    provider = _scoped(self, self._get_param("capacityProvider"))
    blocker = _deletion_blocker(self, provider)
    if blocker is not None:
        provider.update_status, provider.update_status_reason = "DELETE_FAILED", blocker
        return ActionResult({"capacityProvider": provider.view()})
    answer = provider.view()
    answer["updateStatus"] = "DELETE_IN_PROGRESS"
    answer.pop("updateStatusReason", None)
    provider.status, provider.update_status, provider.update_status_reason = "INACTIVE", "DELETE_COMPLETE", None
    return ActionResult({"capacityProvider": answer})


def describe_capacity_providers(self: EC2ContainerServiceResponse) -> ActionResult:
    """API_DescribeCapacityProviders: named providers (short name or ARN, failures MISSING) or all of
    them, FARGATE and FARGATE_SPOT included; `cluster`: "only capacity providers associated with
    this cluster are returned, including Amazon ECS Managed Instances capacity providers"; tags only
    with include TAGS; maxResults 1-10 (default 10) with nextToken when listing."""
    names = self._get_param("capacityProviders")
    with_tags = "TAGS" in (self._get_param("include") or [])
    cluster_param = self._get_param("cluster")
    cluster = self.ecs_backend._get_cluster(cluster_param) if cluster_param else None

    def in_scope(provider: BedCapacityProvider) -> bool:
        if cluster is None:
            return True
        return provider.cluster == cluster.name or provider.name in (cluster.capacity_providers or [])

    def view(name_or_arn: str) -> Optional[dict[str, Any]]:
        short = name_or_arn.split("/")[-1]
        if short in FARGATE_PROVIDERS:
            return _fargate_view(self, short)
        provider = _find(self, name_or_arn)
        return provider.view(with_tags) if provider is not None and in_scope(provider) else None

    if names:
        found = [(n, view(n)) for n in names]
        return ActionResult({"capacityProviders": [v for _, v in found if v is not None],
                             "failures": [{"arn": n if n.startswith("arn:") else _arn(self, n), "reason": "MISSING"}
                                          for n, v in found if v is None]})
    listed = [_fargate_view(self, n) for n in FARGATE_PROVIDERS
              if cluster is None or n in (cluster.capacity_providers or [])]
    listed += [p.settle().view(with_tags) for p in _providers(self).values() if in_scope(p)]
    limit = int(self._get_param("maxResults") or _PAGE_LIMIT)
    if not 1 <= limit <= _PAGE_LIMIT:
        raise InvalidParameterException("maxResults must be between 1 and 10.")
    start = int(self._get_param("nextToken") or 0)
    token = str(start + limit) if start + limit < len(listed) else None
    return ActionResult({"capacityProviders": listed[start:start + limit], "failures": [], "nextToken": token})


def _around_put_cluster_capacity_providers(original: Any) -> Any:
    def put_cluster_capacity_providers(self: EC2ContainerServiceResponse) -> ActionResult:
        """API_PutClusterCapacityProviders: "Amazon ECS Managed Instances doesn't support this, because
        when you create a capacity provider with Amazon ECS Managed Instances, it becomes available
        only within the specified cluster" (AWS: InvalidParameterException "Cannot associate Managed
        Instances capacity provider to clusters using this API.", hashicorp/terraform-provider-aws#44783);
        an unknown provider is "The specified capacity provider was not found. Specify a valid
        capacity provider and try again." (terraform-aws-modules/terraform-aws-ecs#53), one not ACTIVE
        is refused (see _PROVISIONING_SETTING); "You can only disassociate an existing capacity
        provider from a cluster if it's not being used by any existing tasks": ResourceInUseException
        "The specified capacity provider is in use and cannot be removed." (aws/aws-cdk#15366) while
        an active service's strategy names it; the default strategy names associated providers only."""
        cluster = _cluster_of_call(self)
        wanted = [name.split("/")[-1] for name in self._get_param("capacityProviders") or []]
        for name in wanted:
            if name in FARGATE_PROVIDERS:
                continue
            provider = _find(self, name)
            if provider is None or provider.status == "INACTIVE":
                raise InvalidParameterException(
                    "The specified capacity provider was not found. Specify a valid capacity provider and try again.")
            if provider.type == "MANAGED_INSTANCES":
                raise InvalidParameterException(
                    "Cannot associate Managed Instances capacity provider to clusters using this API.")
            _require_active(provider)
        removed = set(cluster.capacity_providers or []) - set(wanted)
        for service in _active_services(self):
            if service.cluster_arn == cluster.arn and removed & _service_strategy(service):
                raise ResourceInUseException("The specified capacity provider is in use and cannot be removed.")
        for name in _strategy_names(self._get_param("defaultCapacityProviderStrategy")):
            provider = _find(self, name)
            if name not in wanted and (provider is None or provider.cluster != cluster.name):
                raise _unassociated()
            if provider is not None:
                _require_active(provider)
        return original(self)

    return put_cluster_capacity_providers


def _around_create_service(original: Any) -> Any:
    def create_service(self: EC2ContainerServiceResponse) -> ActionResult:
        """moto drops CreateService's capacityProviderStrategy (UpdateService keeps it). API_CreateService
        capacityProviderStrategy: "If a capacityProviderStrategy is specified, the launchType parameter
        must be omitted. If no capacityProviderStrategy or launchType is specified, the
        defaultCapacityProviderStrategy for the cluster is used." """
        cluster = _cluster_of_call(self)
        strategy = self._get_param("capacityProviderStrategy")
        _check_service_strategy(self, cluster, strategy)
        result = original(self)
        if strategy is None and self._get_param("launchType") is None:
            strategy = cluster.default_capacity_provider_strategy
        if strategy:
            service = result.result["service"]
            service.capacity_provider_strategy = copy.deepcopy(strategy)
            service.launch_type = None
        return result

    return create_service


def _checking_update_service(original: Any) -> Any:
    def update_service(self: EC2ContainerServiceResponse) -> ActionResult:
        """API_UpdateService capacityProviderStrategy: the same rule as CreateService (associated, ACTIVE)."""
        _check_service_strategy(self, _cluster_of_call(self), self._get_param("capacityProviderStrategy"))
        return original(self)

    return update_service


def install() -> None:
    cls = EC2ContainerServiceResponse
    cls.create_service = _around_create_service(cls.create_service)
    cls.update_service = _checking_update_service(cls.update_service)
    cls.put_cluster_capacity_providers = _around_put_cluster_capacity_providers(cls.put_cluster_capacity_providers)
    for call in (create_capacity_provider, update_capacity_provider, delete_capacity_provider,
                 describe_capacity_providers):
        setattr(cls, call.__name__, call)
