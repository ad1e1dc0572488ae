-- Argo CD action discovery for EcsService: the buttons its resource menu shows. approve and
-- rollback answer the service deployment status.rollout tracks, so they are enabled only while
-- it can be answered: approve while a PAUSE hook awaits, rollback while the deployment runs.
local actions = {}
actions["restart"] = {["iconClass"] = "fa fa-fw fa-redo"}
local rollout = obj.status ~= nil and obj.status.rollout or nil
local running = rollout ~= nil and rollout.serviceDeploymentArn ~= nil
  and (rollout.status == "IN_PROGRESS" or rollout.status == "PENDING")
local paused = running and rollout.pendingHook ~= nil
  and rollout.pendingHook.status == "AWAITING_ACTION"
actions["approve"] = {["iconClass"] = "fa fa-fw fa-check", ["disabled"] = not paused}
actions["rollback"] = {["iconClass"] = "fa fa-fw fa-undo", ["disabled"] = not running}
return actions
