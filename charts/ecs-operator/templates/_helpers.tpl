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

{{- /*
The operator's own kinds, read from the chart's CRDs (so a new kind needs no line here): watch
them and write their status and finalizer. Takes the root context and the scopes to include
("Namespaced", "Cluster"); renders nothing when no CRD has one of them.
*/}}
{{- define "ecs-operator.kindRules" -}}
{{- $plurals := list }}
{{- range $path, $_ := .root.Files.Glob "crds/*.yml" }}
{{- $crd := $.root.Files.Get $path | fromYaml }}
{{- if has $crd.spec.scope $.scopes }}
{{- $plurals = append $plurals $crd.spec.names.plural }}
{{- end }}
{{- end }}
{{- if $plurals -}}
- apiGroups: ["ecsoperator.io"]
  resources: {{ $plurals | toJson }}
  verbs: ["get", "list", "watch", "patch"]
- apiGroups: ["ecsoperator.io"]
  resources: {{ include "ecs-operator.suffixed" (dict "items" $plurals "suffix" "/status") }}
  verbs: ["patch"]
{{- end }}
{{- end }}

{{- /* The items of a list with a suffix each, as a JSON list. */}}
{{- define "ecs-operator.suffixed" -}}
{{- $out := list }}
{{- range .items }}
{{- $out = append $out (printf "%s%s" . $.suffix) }}
{{- end }}
{{- $out | toJson }}
{{- end }}

{{- /*
What the operator does in each namespace it watches beyond its kinds' rules: delete finished
EcsTasks (ttlSecondsAfterFinished, as a finished Job deletes itself) and record events.
*/}}
{{- define "ecs-operator.namespacedRules" -}}
- apiGroups: ["ecsoperator.io"]
  resources: ["ecstasks"]
  verbs: ["delete"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}
