{{/*
The chart's name, cut to 63 characters (the limit of a DNS label, which Kubernetes names are).
*/}}
{{- define "karuta.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The release's full name: the release name, with the chart's name unless the release name holds it.
*/}}
{{- define "karuta.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The UDP Service's name: the full name cut to 59 characters, so that "-udp" fits in 63.
*/}}
{{- define "karuta.udpServiceName" -}}
{{- printf "%s-udp" (include "karuta.fullname" . | trunc 59 | trimSuffix "-") }}
{{- end }}

{{- define "karuta.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "karuta.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "karuta.selectorLabels" -}}
app.kubernetes.io/name: {{ include "karuta.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "karuta.image" -}}
{{- $repository := .Values.image.repository }}
{{- if .Values.image.registry }}
{{- $repository = printf "%s/%s" .Values.image.registry .Values.image.repository }}
{{- end }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" $repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" $repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{- define "karuta.secretName" -}}
{{- default (include "karuta.fullname" .) .Values.secret.existingSecret }}
{{- end }}

{{/*
Payara Micro's HTTP port, fixed in the image (karuta-micro.jar is built with --port 6969). It
serves announces, scrapes, /health/* and the metrics.
*/}}
{{- define "karuta.httpPort" -}}
6969
{{- end }}

{{/* The store's name, as Karuta reads it (default memory). */}}
{{- define "karuta.storageName" -}}
{{- dig "karuta" "storage" "name" "memory" (default (dict) .Values.config) }}
{{- end }}

{{/* The Redis store's options, storage.config, as YAML. */}}
{{- define "karuta.storeOptions" -}}
{{- toYaml (dig "karuta" "storage" "config" (dict) (default (dict) .Values.config)) }}
{{- end }}

{{/* The Redis store's mode (default standalone). */}}
{{- define "karuta.redisMode" -}}
{{- dig "karuta" "storage" "config" "mode" "standalone" (default (dict) .Values.config) }}
{{- end }}

{{/*
The UDP port taken from udp.addr ("[::]:6969", ":6969", "0.0.0.0:6969", "host:6969"), or empty when
udp.addr is "" (UDP off). Without udp.addr Karuta binds [::]:6969.
*/}}
{{- define "karuta.udpPort" -}}
{{- $addr := toString (dig "karuta" "udp" "addr" "[::]:6969" (default (dict) .Values.config)) }}
{{- if ne $addr "" }}
{{- $port := regexFind "[0-9]+$" $addr }}
{{- if or (not (contains ":" $addr)) (eq $port "") (eq (int $port) 0) (gt (int $port) 65535) }}
{{- fail (printf "config.karuta.udp.addr: %q needs a fixed port 1-65535 (host:port or [::]:port), for the pod's UDP port and the UDP Service" $addr) }}
{{- end }}
{{- int $port }}
{{- end }}
{{- end }}

{{/*
Stops rendering on values that would deploy a broken tracker. Included by the Deployment.
*/}}
{{- define "karuta.validate" -}}
{{- $config := default (dict) .Values.config }}
{{- if ne (keys $config | sortAlpha | join ",") "karuta" }}
{{- fail "config: must hold exactly one key, karuta (Karuta's file has a single root key; a chihaya config.yaml's settings go under config.karuta)" }}
{{- end }}
{{- $storage := include "karuta.storageName" . }}
{{- if and (gt (int .Values.replicaCount) 1) (ne $storage "redis") }}
{{- fail (printf "replicaCount: %d pods need the Redis store; with config.karuta.storage.name %s each pod would keep its own swarms. Set config.karuta.storage.name: redis (docs/deploy/kubernetes.md), or replicaCount: 1" (int .Values.replicaCount) $storage) }}
{{- end }}
{{- if hasKey (dig "karuta" "udp" (dict) $config) "private_key" }}
{{- fail "config.karuta.udp.private_key: the UDP key does not belong in the ConfigMap; set secret.udpPrivateKey, or a key in secret.existingSecret" }}
{{- end }}
{{- $options := include "karuta.storeOptions" . | fromYaml }}
{{- range $key := list "password" "sentinel_password" }}
{{- if hasKey $options $key }}
{{- fail (printf "config.karuta.storage.config.%s: passwords do not belong in the ConfigMap; set secret.redisPassword or secret.redisSentinelPassword, or keys in secret.existingSecret" $key) }}
{{- end }}
{{- end }}
{{- if regexMatch "^rediss?://[^/]*@" (toString (default "" $options.url)) }}
{{- fail "config.karuta.storage.config.url: write the URL without user and password; set secret.redisPassword, or the whole URL under the redisUrl key of secret.existingSecret" }}
{{- end }}
{{- end }}

{{/*
The Redis standalone URL with the password, for the Secret the chart creates: the user part is
empty (the default user) and the password is percent-encoded as Karuta decodes it (a blank is
%20, a plus %2B).
*/}}
{{- define "karuta.redisUrlWithPassword" -}}
{{- $options := include "karuta.storeOptions" . | fromYaml }}
{{- if hasKey $options "redis_broker" }}
{{- fail "config.karuta.storage.config.redis_broker: with secret.redisPassword write the address as storage.config.url (redis://host:port/db) instead of chihaya's redis_broker" }}
{{- end }}
{{- if not $options.url }}
{{- fail "config.karuta.storage.config.url: required with secret.redisPassword in mode standalone (redis://host:port/db)" }}
{{- end }}
{{- $url := urlParse (toString $options.url) }}
{{- $password := urlquery .Values.secret.redisPassword | replace "+" "%20" }}
{{- printf "%s://:%s@%s%s" $url.scheme $password $url.host $url.path }}
{{- end }}
