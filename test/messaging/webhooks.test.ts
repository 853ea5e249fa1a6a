import { describe, expect, it } from "vitest";
import { cloudConfigFiles, userDataText } from "../support/user-data";
import {
  byAttr, manifest, only, onlyRef, policy, ref, refBy, resources, stack, type StackJson, upstream, upstreamEntry,
} from "../support/synth";

const prod = () => stack("webhooks-prod-messaging");
const dev = () => stack("webhooks-dev-messaging");
const NETWORK = "webhooks-prod-network";
const DATA_KEY = upstream("webhooks-prod-data", "data_kms_key_arn");
const BROKER_GROUP = upstreamEntry(NETWORK, "workload_security_group_ids", "broker");
const secretArn = (s: StackJson, name: string) => refBy(s, "aws_secretsmanager_secret", "name", name, "arn");
const hostText = (s: StackJson) => userDataText(only(s, "aws_launch_template").user_data);
const hostFiles = (s: StackJson) => cloudConfigFiles(hostText(s));

describe("webhooks-prod RabbitMQ broker (seed 001: self-hosted on EC2, internal only)", () => {
  it("keeps exactly one host running in an Auto Scaling group over the compute subnets of the network contract", () => {
    const group = only(prod(), "aws_autoscaling_group");
    expect(group).toMatchObject({
      name: "webhooks-prod-broker", min_size: 1, max_size: 1, desired_capacity: 1, health_check_type: "EC2",
      vpc_zone_identifier: upstream(NETWORK, "compute_subnet_ids"),
      launch_template: { id: onlyRef(prod(), "aws_launch_template", "id"), version: onlyRef(prod(), "aws_launch_template", "latest_version") },
      service_linked_role_arn: onlyRef(prod(), "aws_iam_service_linked_role", "arn"),
    });
    // A host boots only once its DNS record, log group, permissions and key grant exist.
    const waitsFor = (type: string) => Object.keys(resources(prod(), type)).map((id) => `${type}.${id}`);
    expect(group.depends_on).toEqual(expect.arrayContaining([
      ...waitsFor("aws_route53_record"), ...waitsFor("aws_cloudwatch_log_group"), ...waitsFor("aws_iam_role_policy"),
      ...waitsFor("aws_iam_role_policy_attachment"), ...waitsFor("aws_kms_grant"),
    ]));
    expect(group).not.toHaveProperty("instance_refresh");
  });

  it("launches the current AL2023 AMI for Graviton from AWS's public parameter, on the configured m7g.large", () => {
    const [[id, parameter]] = Object.entries(prod().data!.aws_ssm_parameter);
    expect(parameter.name).toBe("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64");
    expect(only(prod(), "aws_launch_template")).toMatchObject({
      name: "webhooks-prod-broker", image_id: `\${data.aws_ssm_parameter.${id}.insecure_value}`, instance_type: "m7g.large",
      update_default_version: true, iam_instance_profile: { arn: onlyRef(prod(), "aws_iam_instance_profile", "arn") },
    });
    expect(only(dev(), "aws_launch_template").instance_type).toBe("t4g.small");
  });

  it("requires IMDSv2 with a hop limit of 1, has no public address, no key pair, and the broker workload's group only", () => {
    const template = only(prod(), "aws_launch_template");
    expect(template.metadata_options).toEqual({ http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1, instance_metadata_tags: "disabled" });
    expect(template.network_interfaces).toEqual([{ device_index: 0, associate_public_ip_address: "false", security_groups: [BROKER_GROUP], delete_on_termination: "true" }]);
    for (const absent of ["key_name", "vpc_security_group_ids", "security_group_names"]) expect(template).not.toHaveProperty(absent);
  });

  it("encrypts a gp3 root and a separate data volume with the data key, and keeps the data volume when its host goes", () => {
    const volume = (size: number, keep: boolean) => ({ volume_type: "gp3", volume_size: size, encrypted: "true", kms_key_id: DATA_KEY, delete_on_termination: String(!keep) });
    expect(only(prod(), "aws_launch_template").block_device_mappings).toEqual([
      { device_name: "/dev/xvda", ebs: volume(20, false) },
      { device_name: "/dev/xvdb", ebs: volume(50, true) },
    ]);
    // Dev gives up the kept volume: a replaced dev host starts empty.
    expect((only(dev(), "aws_launch_template").block_device_mappings as Record<string, Record<string, unknown>>[])[1].ebs)
      .toMatchObject({ volume_size: 20, delete_on_termination: "true" });
  });

  it("lets only the group's own Auto Scaling service-linked role use the data key for those volumes", () => {
    expect(only(prod(), "aws_iam_service_linked_role")).toMatchObject({ aws_service_name: "autoscaling.amazonaws.com", custom_suffix: "webhooks-prod-broker" });
    expect(only(prod(), "aws_kms_grant")).toMatchObject({
      key_id: DATA_KEY, grantee_principal: onlyRef(prod(), "aws_iam_service_linked_role", "arn"),
      operations: ["Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "DescribeKey", "CreateGrant"],
    });
  });

  it("gives the host Session Manager's managed policy and exactly what it does: three secrets, one namespace, one log group, one record", () => {
    expect(only(prod(), "aws_iam_role")).toMatchObject({ name: "webhooks-prod-broker-host" });
    expect(policy(only(prod(), "aws_iam_role").assume_role_policy)).toEqual({
      Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    expect(only(prod(), "aws_iam_instance_profile")).toEqual(expect.objectContaining({ name: "webhooks-prod-broker-host", role: onlyRef(prod(), "aws_iam_role", "name") }));
    expect(Object.values(resources(prod(), "aws_iam_role_policy_attachment")).map((a) => a.policy_arn))
      .toEqual(["arn:${data.aws_partition.Partition.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"]);
    expect(policy(only(prod(), "aws_iam_role_policy").policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
          Resource: ["webhooks/prod/rabbitmq-admin", "webhooks/prod/rabbitmq-app", "webhooks/prod/rabbitmq-tls"].map((n) => secretArn(prod(), n)),
        },
        { Effect: "Allow", Action: ["kms:Decrypt"], Resource: DATA_KEY, Condition: { StringEquals: { "kms:ViaService": "secretsmanager.eu-central-1.amazonaws.com" } } },
        { Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": "Platform/RabbitMQ" } } },
        { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${onlyRef(prod(), "aws_cloudwatch_log_group", "arn")}:log-stream:*` },
        {
          Effect: "Allow", Action: "route53:ChangeResourceRecordSets",
          Resource: `arn:\${data.aws_partition.Partition.partition}:route53:::hostedzone/${onlyRef(prod(), "aws_route53_zone", "zone_id")}`,
          Condition: {
            "ForAllValues:StringEquals": {
              "route53:ChangeResourceRecordSetsNormalizedRecordNames": ["rabbitmq.webhooks-prod.internal"],
              "route53:ChangeResourceRecordSetsRecordTypes": ["A"],
              "route53:ChangeResourceRecordSetsActions": ["UPSERT"],
            },
          },
        },
      ],
    });
  });

  it("is reached on 5671 (AMQPS) from the receiver and processors, and on 15692 (Prometheus) from monitoring only", () => {
    const net = stack(NETWORK);
    const group = (workload: string) => ref(net, "aws_security_group", (g) => (g.tags as Record<string, string>).workload === workload, "id");
    const rules = Object.values(resources(net, "aws_vpc_security_group_ingress_rule")).filter((r) => r.security_group_id === group("broker"));
    expect(rules.map((r) => [r.ip_protocol, r.from_port, r.to_port, r.referenced_security_group_id]).sort()).toEqual([
      ["tcp", 15692, 15692, group("monitoring")], ["tcp", 5671, 5671, group("processor")], ["tcp", 5671, 5671, group("receiver")],
    ].sort());
    expect(rules.some((r) => "cidr_ipv4" in r)).toBe(false);
    expect(prod().output?.broker_security_group_id.value).toBe(BROKER_GROUP);
  });
});

describe("webhooks-prod broker host cloud-init", () => {
  it("is a #cloud-config within EC2's 16 KB that installs Docker and runs the bootstrap once", () => {
    const text = hostText(prod());
    expect(text.startsWith("#cloud-config\n")).toBe(true);
    expect(Buffer.byteLength(text)).toBeLessThan(16384);
    expect(text).toContain("packages:\n  - docker\n  - jq\n");
    expect(text.endsWith("runcmd:\n  - [/usr/local/sbin/broker-bootstrap]\n")).toBe(true);
  });

  it("carries the secrets' ARNs, read from Secrets Manager on the host, and never a password", () => {
    const env = hostFiles(prod())["/etc/broker/broker.env"];
    expect(env.permissions).toBe("0600");
    for (const [key, name] of [["ADMIN", "admin"], ["APP", "app"], ["TLS", "tls"]]) {
      expect(env.content).toContain(`${key}_SECRET_ARN=${secretArn(prod(), `webhooks/prod/rabbitmq-${name}`)}\n`);
    }
    const text = hostText(prod());
    expect(text).not.toContain("random_password");
    expect(text).not.toContain("tls_private_key");
    const bootstrap = hostFiles(prod())["/usr/local/sbin/broker-bootstrap"].content;
    expect(bootstrap).toContain('admin=$(secret "$ADMIN_SECRET_ARN")');
    expect(bootstrap).toContain('app=$(secret "$APP_SECRET_ARN")');
    // Passwords reach rabbitmqctl on stdin, never as an argument.
    expect(bootstrap).toContain(`printf '%s\\n' "$2" | docker exec -i rabbitmq rabbitmqctl "$verb" "$1"`);
    expect(bootstrap).toContain("ctl delete_user guest");
    expect(hostFiles(prod())["/usr/local/lib/broker.sh"].content).toContain('aws secretsmanager get-secret-value --region "$AWS_REGION" --secret-id "$1"');
    expect(hostFiles(prod())["/usr/local/sbin/broker-tls"].content).toContain('tls=$(secret "$TLS_SECRET_ARN")');
  });

  it("runs RabbitMQ 4.2 with quorum queues, TLS on 5671 only, and the Prometheus plugin on 15692", () => {
    const files = hostFiles(prod());
    const conf = files["/etc/rabbitmq/conf.d/10-broker.conf"].content;
    for (const line of [
      "listeners.tcp = none", "listeners.ssl.default = 5671", "ssl_options.certfile = /etc/rabbitmq/tls/certificate.pem",
      "ssl_options.keyfile = /etc/rabbitmq/tls/private_key.pem", "default_queue_type = quorum", "prometheus.tcp.port = 15692",
      "management.tcp.ip = 127.0.0.1", "distribution.listener.interface = 127.0.0.1",
    ]) expect(conf.split("\n")).toContain(line);
    expect(files["/etc/rabbitmq/enabled_plugins"].content).toBe("[rabbitmq_management,rabbitmq_prometheus].\n");
    expect(files["/etc/broker/broker.env"].content).toContain("RABBITMQ_IMAGE=public.ecr.aws/docker/library/rabbitmq:4.2-management\n");
    const unit = files["/etc/systemd/system/rabbitmq.service"].content;
    expect(unit).toContain("ExecStartPre=/usr/local/sbin/broker-tls\n");
    expect(unit).toContain("--volume /var/lib/rabbitmq:/var/lib/rabbitmq \\\n");
    expect(unit).toContain("--log-driver awslogs --log-opt awslogs-region=$AWS_REGION --log-opt awslogs-group=$LOG_GROUP \\\n");
  });

  it("mounts the data volume, formatting it only when blank, and points rabbitmq.webhooks-prod.internal at the host", () => {
    const env = hostFiles(prod())["/etc/broker/broker.env"].content;
    expect(env).toContain("DATA_DEVICE=/dev/xvdb\n");
    expect(env).toContain(`ZONE_ID=${onlyRef(prod(), "aws_route53_zone", "zone_id")}\nRECORD_NAME=rabbitmq.webhooks-prod.internal\nRECORD_TTL=30\n`);
    const bootstrap = hostFiles(prod())["/usr/local/sbin/broker-bootstrap"].content;
    expect(bootstrap).toContain('blkid "$device" >/dev/null || mkfs.xfs "$device"');
    expect(bootstrap).toContain('retry aws route53 change-resource-record-sets --hosted-zone-id "$ZONE_ID"');
    expect(bootstrap).toContain('{Changes: [{Action: "UPSERT", ResourceRecordSet: {Name: $name, Type: "A", TTL: $ttl, ResourceRecords: [{Value: $ip}]}}]}');
  });

  it("publishes QueueDepth, PublishRate and DeliverRate per queue every minute under Platform/RabbitMQ, dimensions Broker and Queue", () => {
    const files = hostFiles(prod());
    const env = files["/etc/broker/broker.env"].content;
    expect(env).toContain("METRICS_NAMESPACE=Platform/RabbitMQ\n");
    expect(env).toContain("BROKER_NAME=webhooks-prod-broker\n");
    const script = files["/usr/local/sbin/broker-metrics"].content;
    for (const metric of ['MetricName: "QueueDepth"', 'MetricName: "PublishRate"', 'MetricName: "DeliverRate"', '{Name: "Broker", Value: $broker}', '{Name: "Queue", Value: .name}']) {
      expect(script).toContain(metric);
    }
    expect(script).toContain('aws cloudwatch put-metric-data --region "$AWS_REGION" --namespace "$METRICS_NAMESPACE"');
    expect(files["/etc/systemd/system/broker-metrics.timer"].content).toContain("OnUnitActiveSec=1min\n");
  });

  it("also publishes, under dimension Broker alone, QueueDepth of all queues and QueuesWithoutConsumers (what the observability layer alarms on)", () => {
    const script = hostFiles(prod())["/usr/local/sbin/broker-metrics"].content;
    expect(script).toContain("columns=name,messages,consumers,");
    expect(script).toContain('{MetricName: "QueueDepth", Dimensions: [{Name: "Broker", Value: $broker}], Value: (map(.messages // 0) | add // 0), Unit: "Count"}');
    expect(script).toContain('{MetricName: "QueuesWithoutConsumers", Dimensions: [{Name: "Broker", Value: $broker}], Value: (map(select((.messages // 0) > 0 and (.consumers // 0) == 0)) | length), Unit: "Count"}');
  });
});

describe("webhooks-prod broker TLS, name, secrets and logs", () => {
  it("signs a server certificate for the broker's name with a CA the contract publishes; the key goes only into the TLS secret", () => {
    expect(only(prod(), "tls_cert_request")).toMatchObject({ dns_names: ["rabbitmq.webhooks-prod.internal"], subject: [{ common_name: "rabbitmq.webhooks-prod.internal" }] });
    expect(only(prod(), "tls_self_signed_cert")).toMatchObject({ is_ca_certificate: true, allowed_uses: ["cert_signing", "crl_signing"], validity_period_hours: 87600 });
    expect(only(prod(), "tls_locally_signed_cert")).toMatchObject({ validity_period_hours: 8760, early_renewal_hours: 720, allowed_uses: ["digital_signature", "key_encipherment", "server_auth"] });
    const version = byAttr(prod(), "aws_secretsmanager_secret_version", "secret_id", refBy(prod(), "aws_secretsmanager_secret", "name", "webhooks/prod/rabbitmq-tls", "id"));
    const bare = (reference: string) => reference.slice(2, -1);
    expect(version.secret_string).toBe(`\${jsonencode({"certificate" = ${bare(onlyRef(prod(), "tls_locally_signed_cert", "cert_pem"))}, `
      + `"private_key" = ${bare(refBy(prod(), "tls_private_key", "ecdsa_curve", "P256", "private_key_pem"))}, `
      + `"ca_certificate" = ${bare(onlyRef(prod(), "tls_self_signed_cert", "cert_pem"))}})}`);
  });

  it("has a private zone for the deployment on its VPC, and a record Terraform owns whose address the host sets", () => {
    expect(only(prod(), "aws_route53_zone")).toMatchObject({ name: "webhooks-prod.internal", vpc: [{ vpc_id: upstream(NETWORK, "vpc_id") }] });
    expect(only(prod(), "aws_route53_record")).toMatchObject({
      zone_id: onlyRef(prod(), "aws_route53_zone", "zone_id"), name: "rabbitmq.webhooks-prod.internal", type: "A", ttl: 30,
      lifecycle: { ignore_changes: ["records"] },
    });
  });

  it("generates the credentials into data-key secrets of {username, password, host, port, vhost}, protected in prod only", () => {
    for (const [name, username] of [["admin", "admin"], ["app", "webhooks"]]) {
      const secret = byAttr(prod(), "aws_secretsmanager_secret", "name", `webhooks/prod/rabbitmq-${name}`);
      expect(secret).toMatchObject({ kms_key_id: DATA_KEY, recovery_window_in_days: 30, lifecycle: { prevent_destroy: true } });
      const version = byAttr(prod(), "aws_secretsmanager_secret_version", "secret_id", refBy(prod(), "aws_secretsmanager_secret", "name", `webhooks/prod/rabbitmq-${name}`, "id"));
      // Write-only: the document reaches Secrets Manager but no state (modules/secrets/generated-secret.ts).
      expect(version).not.toHaveProperty("secret_string");
      expect(JSON.parse(version.secret_string_wo as string)).toMatchObject({ username, host: "rabbitmq.webhooks-prod.internal", port: 5671, vhost: "/" });
      expect(JSON.parse(version.secret_string_wo as string).password).toMatch(/^\$\{random_password\.\w+\.result\}$/);
    }
    expect(Object.values(resources(prod(), "random_password")).map((p) => [p.length, p.override_special, p.lifecycle])).toEqual([
      [32, "-_.~", { prevent_destroy: true }], [32, "-_.~", { prevent_destroy: true }],
    ]);
    for (const secret of Object.values(resources(dev(), "aws_secretsmanager_secret"))) {
      expect(secret.recovery_window_in_days).toBe(7);
      expect((secret.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy ?? false).toBe(false);
    }
  });

  it("ships RabbitMQ's logs to a group encrypted with the logs key, kept a year in prod", () => {
    expect(only(prod(), "aws_cloudwatch_log_group")).toMatchObject({
      name: "/ec2/webhooks-prod/rabbitmq", retention_in_days: 365, kms_key_id: upstream(NETWORK, "logs_kms_key_arn"),
    });
  });
});

describe("webhooks-prod messaging contract and dependencies", () => {
  it("publishes the broker's endpoint, port, secrets, group, CA and metrics namespace", () => {
    const values = Object.fromEntries(Object.entries(prod().output!).filter(([name]) => name.startsWith("broker_")).map(([name, o]) => [name, o.value]));
    expect(values).toEqual({
      broker_kind: "ec2",
      broker_name: "webhooks-prod-broker",
      broker_endpoint: "rabbitmq.webhooks-prod.internal",
      broker_port: 5671,
      broker_admin_secret_arn: secretArn(prod(), "webhooks/prod/rabbitmq-admin"),
      broker_app_secret_arn: secretArn(prod(), "webhooks/prod/rabbitmq-app"),
      broker_security_group_id: BROKER_GROUP,
      broker_ca_certificate_pem: onlyRef(prod(), "tls_self_signed_cert", "cert_pem"),
      broker_metrics_namespace: "Platform/RabbitMQ",
    });
  });

  it("reads the network and data contracts, so both apply first", () => {
    expect([...manifest().stacks["webhooks-prod-messaging"].dependencies].sort()).toEqual(["webhooks-prod-data", "webhooks-prod-eu-central-1-state", NETWORK].sort());
  });
});
