-- Argo CD health for every ecsoperator.io kind: it reads the operator's status contract, which
-- they all share: status.observedGeneration says which
-- generation the conditions describe; Ready, Reconciling and Stalled say where it stands.
local function condition(type)
  if obj.status == nil or obj.status.conditions == nil then
    return nil
  end
  for _, c in ipairs(obj.status.conditions) do
    if c.type == type then
      return c
    end
  end
  return nil
end

local function isTrue(c)
  return c ~= nil and c.status == "True"
end

local function text(c, fallback)
  if c ~= nil and c.message ~= nil and c.message ~= "" then
    return c.message
  end
  return fallback
end

local hs = {}
local stalled = condition("Stalled")

if obj.metadata.deletionTimestamp ~= nil then
  if isTrue(stalled) then
    hs.status = "Degraded"
    hs.message = "Deletion blocked: " .. text(stalled, "see the object's events")
  else
    hs.status = "Progressing"
    hs.message = "Deleting: " .. text(condition("Reconciling"), "waiting for the operator")
  end
  return hs
end

-- A new object (observedGeneration -1, the CRD default) or an edit the operator has not
-- reconciled yet: the conditions, if any, describe an older spec.
if obj.status == nil or obj.status.observedGeneration == nil
    or obj.status.observedGeneration ~= obj.metadata.generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to reconcile generation " .. tostring(obj.metadata.generation)
  return hs
end

if isTrue(stalled) then
  hs.status = "Degraded"
  hs.message = text(stalled, "Stalled")
  return hs
end

local reconciling = condition("Reconciling")
if isTrue(reconciling) and reconciling.reason == "AwaitingApproval" then
  -- A deployment paused at a PAUSE hook: it goes on only once someone approves it.
  hs.status = "Suspended"
  hs.message = text(reconciling, "Awaiting approval")
  return hs
end
if isTrue(reconciling) then
  hs.status = "Progressing"
  hs.message = text(reconciling, "Reconciling")
  return hs
end

local ready = condition("Ready")
if isTrue(ready) then
  hs.status = "Healthy"
  hs.message = text(ready, "Ready")
  return hs
end
if ready ~= nil then
  -- Ready=False without work in progress: observe-only drift, AWS differs from the spec.
  hs.status = "Degraded"
  hs.message = text(ready, "Not ready")
  return hs
end

hs.status = "Progressing"
hs.message = "Waiting for the Ready condition"
return hs
