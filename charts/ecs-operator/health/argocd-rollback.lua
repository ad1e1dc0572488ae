-- Argo CD "rollback" action for EcsService: rolls the running deployment back through
-- ecsoperator.io/rollback, naming the hook it waits on (ECS rolls back at that hook) or else the
-- deployment itself (StopServiceDeployment with ROLLBACK). It never answers a later deployment.
if obj.metadata.annotations == nil then
  obj.metadata.annotations = {}
end
local rollout = obj.status.rollout
local target = rollout.serviceDeploymentArn
if rollout.pendingHook ~= nil and rollout.pendingHook.status == "AWAITING_ACTION" then
  target = rollout.pendingHook.hookId
end
obj.metadata.annotations["ecsoperator.io/rollback"] = target
return obj
