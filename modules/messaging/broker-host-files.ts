/**
 * The files cloud-init writes on a RabbitMQ host, as literal text: its
 * configuration, the systemd units and the scripts they run. What differs per
 * deployment (ARNs, names) is read from /etc/broker/broker.env
 * (broker-cloud-init.ts), so nothing here is a secret value.
 */

/** A file cloud-init writes. */
export interface HostFile {
  readonly path: string;
  readonly permissions: string;
  readonly content: string;
}

/** Where the broker's deployment facts live on the host (an EnvironmentFile and a shell fragment). */
export const BROKER_ENV_FILE = "/etc/broker/broker.env";

/** Shell functions the scripts share. */
const SCRIPT_LIBRARY = "/usr/local/lib/broker.sh";

/**
 * The deployment's facts and AWS reads retried for about 90 seconds: a new
 * host's role and its policy can take a moment to be usable.
 */
const LIBRARY = `# Sourced by the broker scripts (docs/messaging.md).
. ${BROKER_ENV_FILE}
retry() { local attempt; for attempt in 1 2 3 4 5 6 7 8 9; do "$@" && return 0; sleep 10; done; "$@"; }
secret() { retry aws secretsmanager get-secret-value --region "$AWS_REGION" --secret-id "$1" --query SecretString --output text; }
`;

/** The official RabbitMQ image, which carries Erlang for arm64 and x86_64 alike, through ECR Public's mirror of Docker Official Images. */
export const rabbitmqImage = (version: string): string => `public.ecr.aws/docker/library/rabbitmq:${version}-management`;

/**
 * rabbitmq.conf: TLS only on 5671 (plain AMQP off), quorum queues by
 * default, the management API on loopback for the metrics publisher, the
 * Prometheus endpoint on 15692 for the monitoring workload, and Erlang
 * distribution on loopback (a single node has no peers).
 */
const RABBITMQ_CONF = `listeners.tcp = none
listeners.ssl.default = 5671
ssl_options.cacertfile = /etc/rabbitmq/tls/ca_certificate.pem
ssl_options.certfile = /etc/rabbitmq/tls/certificate.pem
ssl_options.keyfile = /etc/rabbitmq/tls/private_key.pem
ssl_options.versions.1 = tlsv1.3
ssl_options.versions.2 = tlsv1.2
ssl_options.verify = verify_none
ssl_options.fail_if_no_peer_cert = false
default_queue_type = quorum
management.tcp.ip = 127.0.0.1
management.tcp.port = 15672
prometheus.tcp.port = 15692
distribution.listener.interface = 127.0.0.1
loopback_users.guest = true
log.console = true
log.file = false
`;

/** The Prometheus plugin for scraping; the management plugin for the publisher's per-queue rates. */
const ENABLED_PLUGINS = "[rabbitmq_management,rabbitmq_prometheus].\n";

/**
 * RabbitMQ in the official image, host networking, data on the data volume,
 * logs to the encrypted log group through Docker's awslogs driver. The node
 * name is fixed (rabbit@localhost) so a kept data volume starts on any host.
 */
const RABBITMQ_UNIT = `[Unit]
Description=RabbitMQ broker (docs/messaging.md)
Requires=docker.service
After=docker.service network-online.target
Wants=network-online.target
RequiresMountsFor=/var/lib/rabbitmq

[Service]
EnvironmentFile=${BROKER_ENV_FILE}
ExecStartPre=/usr/local/sbin/broker-tls
ExecStartPre=-/usr/bin/docker rm --force rabbitmq
ExecStart=/usr/bin/docker run --name rabbitmq --network host --ulimit nofile=65536:65536 \\
  --env RABBITMQ_NODENAME=rabbit@localhost --env RABBITMQ_USE_LONGNAME=false --env ERL_EPMD_ADDRESS=127.0.0.1 \\
  --volume /var/lib/rabbitmq:/var/lib/rabbitmq \\
  --volume /etc/rabbitmq/conf.d:/etc/rabbitmq/conf.d:ro \\
  --volume /etc/rabbitmq/enabled_plugins:/etc/rabbitmq/enabled_plugins:ro \\
  --volume /etc/rabbitmq/tls:/etc/rabbitmq/tls:ro \\
  --log-driver awslogs --log-opt awslogs-region=$AWS_REGION --log-opt awslogs-group=$LOG_GROUP \\
  $RABBITMQ_IMAGE
ExecStop=/usr/bin/docker stop --time 60 rabbitmq
Restart=always
RestartSec=10
TimeoutStartSec=600

[Install]
WantedBy=multi-user.target
`;

/** Writes the TLS certificate, key and CA before every start, so a restart picks up a renewed certificate. */
const TLS_SCRIPT = `#!/bin/bash
# Writes the broker's TLS files from Secrets Manager (ExecStartPre of rabbitmq.service).
set -euo pipefail
. ${SCRIPT_LIBRARY}
tls=$(secret "$TLS_SECRET_ARN")
install -d -m 0750 -o 999 -g 999 /etc/rabbitmq/tls
for part in certificate private_key ca_certificate; do
  install -m 0400 -o 999 -g 999 /dev/null "/etc/rabbitmq/tls/$part.pem"
  jq -r ".$part" <<<"$tls" > "/etc/rabbitmq/tls/$part.pem"
done
`;

/**
 * Once per host: mounts the data volume (formatting it only when blank),
 * starts RabbitMQ, sets its users from the secrets (passwords on stdin,
 * never in a command line), removes guest, points the broker's name at this
 * host and starts the metrics timer.
 */
const BOOTSTRAP_SCRIPT = `#!/bin/bash
# RabbitMQ host set-up, run once by cloud-init and safe to run again (docs/messaging.md).
set -euo pipefail
. ${SCRIPT_LIBRARY}

for attempt in $(seq 1 30); do [ -e "$DATA_DEVICE" ] && break; sleep 2; done
device=$(readlink -f "$DATA_DEVICE")
blkid "$device" >/dev/null || mkfs.xfs "$device"
uuid=$(blkid -s UUID -o value "$device")
grep -q "$uuid" /etc/fstab || echo "UUID=$uuid /var/lib/rabbitmq xfs defaults,nofail 0 2" >> /etc/fstab
mkdir -p /var/lib/rabbitmq
mountpoint -q /var/lib/rabbitmq || mount /var/lib/rabbitmq

systemctl daemon-reload
systemctl enable --now docker rabbitmq
ctl() { docker exec rabbitmq rabbitmqctl "$@" </dev/null; }
for attempt in $(seq 1 60); do ctl await_startup >/dev/null 2>&1 && break; sleep 5; done
ctl await_startup

# set_user <name> <password> <tags> <permissions on />: the password reaches rabbitmqctl on stdin.
set_user() {
  local verb=add_user
  if ctl list_users --silent | cut -f1 | grep -qx "$1"; then verb=change_password; fi
  printf '%s\\n' "$2" | docker exec -i rabbitmq rabbitmqctl "$verb" "$1"
  ctl set_user_tags "$1" $3
  ctl set_permissions -p / "$1" "$4" "$4" "$4"
}
admin=$(secret "$ADMIN_SECRET_ARN")
set_user "$(jq -r .username <<<"$admin")" "$(jq -r .password <<<"$admin")" administrator '.*'
app=$(secret "$APP_SECRET_ARN")
set_user "$(jq -r .username <<<"$app")" "$(jq -r .password <<<"$app")" "" '.*'
metrics=$(openssl rand -hex 24)
set_user metrics "$metrics" monitoring '^$'
install -m 0600 /dev/null /etc/broker/metrics.curlrc
printf 'user = "metrics:%s"\\n' "$metrics" > /etc/broker/metrics.curlrc
ctl delete_user guest >/dev/null 2>&1 || true

token=$(curl -sf -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 300' http://169.254.169.254/latest/api/token)
ip=$(curl -sf -H "X-aws-ec2-metadata-token: $token" http://169.254.169.254/latest/meta-data/local-ipv4)
jq -n --arg name "$RECORD_NAME" --arg ip "$ip" --argjson ttl "$RECORD_TTL" \\
  '{Changes: [{Action: "UPSERT", ResourceRecordSet: {Name: $name, Type: "A", TTL: $ttl, ResourceRecords: [{Value: $ip}]}}]}' > /run/broker-dns.json
retry aws route53 change-resource-record-sets --hosted-zone-id "$ZONE_ID" --change-batch file:///run/broker-dns.json

systemctl enable --now broker-metrics.timer
`;

/**
 * Every minute: each queue of the default vhost, from the management API on
 * loopback, as QueueDepth (messages), PublishRate and DeliverRate (messages
 * per second, RabbitMQ's own rates) under dimensions Broker and Queue; then,
 * under dimension Broker alone, QueueDepth of all queues together and
 * QueuesWithoutConsumers (queues holding messages that no consumer reads),
 * which the observability layer alarms on without knowing queue names; up to
 * 900 values per PutMetricData call (the API takes 1,000).
 */
const METRICS_SCRIPT = `#!/bin/bash
# Publishes per-queue metrics to CloudWatch (broker-metrics.timer; docs/messaging.md).
set -euo pipefail
. ${SCRIPT_LIBRARY}
curl -sf --config /etc/broker/metrics.curlrc \\
  'http://127.0.0.1:15672/api/queues/%2F?columns=name,messages,consumers,message_stats.publish_details.rate,message_stats.deliver_get_details.rate' |
  jq -c --arg broker "$BROKER_NAME" '[.[] | [{Name: "Broker", Value: $broker}, {Name: "Queue", Value: .name}] as $dims
    | {MetricName: "QueueDepth", Dimensions: $dims, Value: (.messages // 0), Unit: "Count"},
      {MetricName: "PublishRate", Dimensions: $dims, Value: (.message_stats.publish_details.rate // 0), Unit: "Count/Second"},
      {MetricName: "DeliverRate", Dimensions: $dims, Value: (.message_stats.deliver_get_details.rate // 0), Unit: "Count/Second"}]
    + [{MetricName: "QueueDepth", Dimensions: [{Name: "Broker", Value: $broker}], Value: (map(.messages // 0) | add // 0), Unit: "Count"},
       {MetricName: "QueuesWithoutConsumers", Dimensions: [{Name: "Broker", Value: $broker}], Value: (map(select((.messages // 0) > 0 and (.consumers // 0) == 0)) | length), Unit: "Count"}]' \\
  > /run/broker-metrics.json
count=$(jq length /run/broker-metrics.json)
for ((first = 0; first < count; first += 900)); do
  jq -c ".[$first:$((first + 900))]" /run/broker-metrics.json > /run/broker-metrics-batch.json
  aws cloudwatch put-metric-data --region "$AWS_REGION" --namespace "$METRICS_NAMESPACE" --metric-data file:///run/broker-metrics-batch.json
done
`;

const METRICS_SERVICE = `[Unit]
Description=Publish RabbitMQ queue metrics to CloudWatch
Requires=rabbitmq.service
After=rabbitmq.service

[Service]
Type=oneshot
ExecStart=/usr/local/sbin/broker-metrics
`;

const METRICS_TIMER = `[Unit]
Description=Publish RabbitMQ queue metrics every minute

[Timer]
OnBootSec=2min
OnUnitActiveSec=1min
AccuracySec=5s

[Install]
WantedBy=timers.target
`;

/** The static files of a broker host, in the order cloud-init writes them. */
export const BROKER_HOST_FILES: readonly HostFile[] = [
  { path: "/etc/rabbitmq/conf.d/10-broker.conf", permissions: "0644", content: RABBITMQ_CONF },
  { path: "/etc/rabbitmq/enabled_plugins", permissions: "0644", content: ENABLED_PLUGINS },
  { path: "/etc/systemd/system/rabbitmq.service", permissions: "0644", content: RABBITMQ_UNIT },
  { path: "/etc/systemd/system/broker-metrics.service", permissions: "0644", content: METRICS_SERVICE },
  { path: "/etc/systemd/system/broker-metrics.timer", permissions: "0644", content: METRICS_TIMER },
  { path: SCRIPT_LIBRARY, permissions: "0600", content: LIBRARY },
  { path: "/usr/local/sbin/broker-tls", permissions: "0700", content: TLS_SCRIPT },
  { path: "/usr/local/sbin/broker-bootstrap", permissions: "0700", content: BOOTSTRAP_SCRIPT },
  { path: "/usr/local/sbin/broker-metrics", permissions: "0700", content: METRICS_SCRIPT },
];
