{{- define "ecs-operator.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ecs-operator.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "ecs-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ecs-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "ecs-operator.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "ecs-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "ecs-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "ecs-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "ecs-operator.leaseName" -}}
{{- default (include "ecs-operator.fullname" .) .Values.leaderElection.leaseName }}
{{- end }}

{{- /* The Leases of the release, quoted and comma-separated: one per shard, or the one. */}}
{{- define "ecs-operator.leaseNames" -}}
{{- $lease := include "ecs-operator.leaseName" . }}
{{- $names := list }}
{{- range .Values.shards }}
{{- $names = append $names (printf "%s-%s" $lease .name | quote) }}
{{- end }}
{{- join ", " ($names | default (list ($lease | quote))) }}
{{- end }}

{{/* What the operator does with its own kinds: watch them, write their status and finalizer. */}}
{{- define "ecs-operator.kindRules" -}}
- apiGroups: ["ecsoperator.io"]
  resources: ["ecrrepositories", "ecrpullthroughcacherules", "ecrrepositorycreationtemplates", "ecsclusters", "ecscapacityproviders", "ecstaskdefinitions", "ecsservices", "ecstasks", "ecsscheduledtasks", "ecrreplicationconfigurations", "ecrregistryscanningconfigurations"]
  verbs: ["get", "list", "watch", "patch"]
- apiGroups: ["ecsoperator.io"]
  resources: ["ecrrepositories/status", "ecrpullthroughcacherules/status", "ecrrepositorycreationtemplates/status", "ecsclusters/status", "ecscapacityproviders/status", "ecstaskdefinitions/status", "ecsservices/status", "ecstasks/status", "ecsscheduledtasks/status", "ecrreplicationconfigurations/status", "ecrregistryscanningconfigurations/status"]
  verbs: ["patch"]
- apiGroups: ["ecsoperator.io"]
  resources: ["ecstasks"]
  verbs: ["delete"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}
