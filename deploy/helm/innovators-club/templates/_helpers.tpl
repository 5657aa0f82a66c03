{{/* The release's name, cut to what Kubernetes names allow with a service's name appended. */}}
{{- define "ic.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels of everything the chart makes. */}}
{{- define "ic.labels" -}}
app.kubernetes.io/part-of: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The labels that select one service's pods; call with (dict "root" $ "name" $name). */}}
{{- define "ic.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* The Secret the services read. */}}
{{- define "ic.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "ic.fullname" .)) -}}
{{- end -}}
