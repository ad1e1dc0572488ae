-- Argo CD "approve" action for EcsService: continues the paused deployment by naming the hook it
-- waits on in ecsoperator.io/approve, as `kubectl annotate` would. The answer names the hook, so it
-- can never approve a later deployment.
if obj.metadata.annotations == nil then
  obj.metadata.annotations = {}
end
obj.metadata.annotations["ecsoperator.io/approve"] = obj.status.rollout.pendingHook.hookId
return obj
