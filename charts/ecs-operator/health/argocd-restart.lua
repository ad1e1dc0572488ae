-- Argo CD "restart" action for EcsService: a new spec.restartedAt (now, in UTC) makes the operator
-- start exactly one new deployment of the same task definition, like kubectl rollout restart.
local os = require("os") -- Argo CD's safe os library: date and time only
obj.spec.restartedAt = os.date("!%Y-%m-%dT%H:%M:%SZ")
return obj
