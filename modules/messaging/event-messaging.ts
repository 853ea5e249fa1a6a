import { Construct } from "constructs";
import type { EventsSettings } from "../../config/layers/messaging-events";
import { eventBusKeyUse, topicPublisherKeyUse } from "../kms/key-grants";
import { KmsKey } from "../kms/kms-key";
import { EmailSending } from "./email-sending";
import { EventBus } from "./event-bus";
import { EventRule } from "./event-rule";
import { StreamPipe } from "./stream-pipe";
import { Topic } from "./topic";

/** Props of the event side of a deployment's messaging. */
export interface EventMessagingProps {
  readonly settings: EventsSettings;
  readonly accountId: string;
  readonly partition: string;
  readonly region: string;
  /** `prevent_destroy` on the messaging key: events and messages in flight would become unreadable. */
  readonly protect: boolean;
  /** The data layer's key: it encrypts the tables (so their streams) and this layer's queues. */
  readonly dataKmsKeyArn: string;
  /** Stream ARN of a table of the data layer, by config id. */
  readonly streamArnOf: (tableId: string) => string;
  /** ARN of a queue of this layer, by config id. */
  readonly queueArnOf: (queueId: string) => string;
}

/** What an id of the events config maps to. */
type ById = Record<string, string>;

const SERVICE_PRINCIPALS = { events: "events.amazonaws.com", cloudwatch: "cloudwatch.amazonaws.com", ses: "ses.amazonaws.com" } as const;

/**
 * Buses with their rules, pipes from table streams onto them, topics and
 * SES sending, composed from resolved settings. Buses and topics share one
 * messaging key, created only when there is either, whose policy admits
 * exactly the services that write to them: EventBridge for the buses (per
 * bus ARN and encryption context) and each topic's service publishers (per
 * topic ARN); the account root administers it, and roles get access through
 * IAM grants. ARNs in the key policy are built from names, since the key
 * exists before the buses and topics.
 */
export class EventMessaging extends Construct {
  /** The messaging key's ARN; empty when the deployment has no bus and no topic. */
  readonly keyArn: string;
  readonly busArns: ById = {};
  readonly busNames: ById = {};
  readonly ruleArns: ById = {};
  readonly ruleNames: ById = {};
  readonly pipeNames: ById = {};
  readonly topicArns: ById = {};
  readonly topicNames: ById = {};
  /** SES sending; undefined without an email section. */
  readonly email?: EmailSending;

  constructor(scope: Construct, id: string, props: EventMessagingProps) {
    super(scope, id);
    const s = props.settings;
    const arn = (service: string, resource: string) => `arn:${props.partition}:${service}:${props.region}:${props.accountId}:${resource}`;
    const topicArns = (service: keyof typeof SERVICE_PRINCIPALS) =>
      s.topics.filter((t) => t.servicePublishers.includes(service)).map((t) => arn("sns", t.name));
    const publishers = (["events", "cloudwatch", "ses"] as const).filter((service) => topicArns(service).length > 0);
    const key = s.messagingKeyAlias === undefined ? undefined : new KmsKey(this, "MessagingKey", {
      alias: s.messagingKeyAlias,
      description: "Encrypts the event buses and SNS topics of the deployment",
      accountId: props.accountId,
      partition: props.partition,
      preventDestroy: props.protect,
      grants: [
        ...(s.buses.length > 0 ? eventBusKeyUse({ accountId: props.accountId, busArns: s.buses.map((b) => arn("events", `event-bus/${b.name}`)) }) : []),
        ...publishers.map((service) => topicPublisherKeyUse({
          sid: `${service.replace(/^./, (c) => c.toUpperCase())}PublishesToTopics`,
          service: SERVICE_PRINCIPALS[service],
          accountId: props.accountId,
          topicArns: topicArns(service),
        })),
      ],
    });
    this.keyArn = key?.arn ?? "";

    const buses = new Map(s.buses.map((b) => [b.id, new EventBus(this, b.id, { name: b.name, kmsKeyArn: key!.arn })]));
    for (const b of s.buses) {
      const bus = buses.get(b.id)!;
      this.busArns[b.id] = bus.arn;
      this.busNames[b.id] = bus.name;
      for (const r of b.rules) {
        const rule = new EventRule(bus, r.id, { name: r.name, busName: bus.name, description: r.description, pattern: r.pattern });
        this.ruleArns[r.id] = rule.arn;
        this.ruleNames[r.id] = rule.name;
      }
    }
    for (const t of s.topics) {
      const topic = new Topic(this, t.id, {
        name: t.name, kmsKeyArn: key!.arn, accountId: props.accountId, servicePublishers: t.servicePublishers.map((p) => SERVICE_PRINCIPALS[p]),
      });
      this.topicArns[t.id] = topic.arn;
      this.topicNames[t.id] = topic.name;
    }
    for (const p of s.pipes) {
      const pipe = new StreamPipe(this, p.id, {
        name: p.name, roleName: p.roleName, accountId: props.accountId,
        streamArn: props.streamArnOf(p.table), streamKmsKeyArn: props.dataKmsKeyArn, busArn: this.busArns[p.bus],
        deadLetter: { queueArn: props.queueArnOf(p.deadLetterQueue), kmsKeyArn: props.dataKmsKeyArn },
        filters: p.filters, startingPosition: p.startingPosition, batchSize: p.batchSize,
        maximumRetryAttempts: p.maximumRetryAttempts, maximumRecordAgeSeconds: p.maximumRecordAgeSeconds,
        eventSource: p.eventSource, detailType: p.detailType,
      });
      this.pipeNames[p.id] = pipe.name;
    }
    if (s.email) {
      this.email = new EmailSending(this, "Email", {
        domain: s.email.domain,
        configurationSetName: s.email.configurationSetName,
        events: { destinationName: s.email.eventDestinationName, topicArn: this.topicArns[s.email.eventsTopic], types: s.email.eventTypes },
      });
    }
  }
}
