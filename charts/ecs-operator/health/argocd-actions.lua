-- Argo CD action discovery for EcsService: the buttons its resource menu shows.
local actions = {}
actions["restart"] = {["iconClass"] = "fa fa-fw fa-redo"}
return actions
