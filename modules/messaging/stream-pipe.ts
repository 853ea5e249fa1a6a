import { PipesPipe } from "@cdktf/provider-aws/lib/pipes-pipe";
import { Construct } from "constructs";
import { eventPatternProblem } from "../../lib/event-pattern";
import { grantBusPutEvents, grantQueueSend, grantTableStreamRead } from "../iam/grants";
import { ServiceRole } from "../iam/service-role";
import { accepted, between, check, matches, oneOf, validateProps } from "../validate";

/** Props of a pipe from a DynamoDB stream to an event bus. */
export interface StreamPipeProps {
  /** 1-64 letters, digits and `._-`. */
  readonly name: string;
  /** Name of the pipe's own execution role. */
  readonly roleName: string;
  /** Account the pipe runs in: the role trusts EventBridge Pipes for it only. */
  readonly accountId: string;
  /** The DynamoDB stream read. */
  readonly streamArn: string;
  /** Key of the table, which encrypts its stream records. */
  readonly streamKmsKeyArn: string;
  /** The bus the records are put on. */
  readonly busArn: string;
  /** Standard SQS queue (and its key) receiving records that still fail after the retries. */
  readonly deadLetter: { readonly queueArn: string; readonly kmsKeyArn: string };
  /** Event patterns (JSON text), up to five; a record is forwarded when it matches any. @default none: every record */
  readonly filters?: readonly string[];
  /** @default "LATEST" */
  readonly startingPosition?: "LATEST" | "TRIM_HORIZON";
  /** 1-10,000. @default 10 */
  readonly batchSize?: number;
  /** 0-10,000. @default 3 (Pipes' own default, -1, retries until the record expires and never uses the DLQ) */
  readonly maximumRetryAttempts?: number;
  /** 60-604,800. @default 3600 */
  readonly maximumRecordAgeSeconds?: number;
  /** `source` of the events put on the bus (not starting with `aws.`). */
  readonly eventSource: string;
  /** `detail-type` of the events put on the bus (1-128 characters). */
  readonly detailType: string;
}

/**
 * An EventBridge pipe reading a DynamoDB stream onto a bus, with its own
 * role: trusted by `pipes.amazonaws.com` for this account only, allowed
 * exactly the stream reads, `events:PutEvents` on the bus and sending to the
 * dead-letter queue, with the KMS actions the table's and queue's key imply.
 * Retries and record age are bounded, so a poison record ends in the DLQ
 * instead of blocking its shard for the stream's 24 hours.
 */
export class StreamPipe extends Construct {
  readonly arn: string;
  readonly name: string;
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: StreamPipeProps) {
    super(scope, id);
    const filters = props.filters ?? [];
    validateProps(this, [
      check("name", props.name, matches(/^[A-Za-z0-9._-]{1,64}$/, "must be 1-64 letters, digits and ._- (EventBridge pipe names)")),
      check("filters.length", filters.length, between(0, 5, "EventBridge Pipes filters per pipe")),
      ...filters.map((f, i) => check(`filters.${i}`, f, accepted(f, eventPatternProblem))),
      check("startingPosition", props.startingPosition, oneOf(["LATEST", "TRIM_HORIZON"], "DynamoDB stream starting positions")),
      check("batchSize", props.batchSize, between(1, 10000, "DynamoDB stream batch size")),
      check("maximumRetryAttempts", props.maximumRetryAttempts, between(0, 10000, "bounded Pipes retries")),
      check("maximumRecordAgeSeconds", props.maximumRecordAgeSeconds, between(60, 604800, "bounded Pipes record age")),
      check("eventSource", props.eventSource, matches(/^(?!aws\.)[A-Za-z0-9/._-]{1,256}$/, "must be 1-256 letters, digits and /._-, not starting with aws. (reserved for AWS events)")),
      check("detailType", props.detailType, matches(/^.{1,128}$/s, "must be 1-128 characters (EventBridge detail-type)")),
    ]);
    const role = new ServiceRole(this, "Role", {
      name: props.roleName,
      description: `Runs the ${props.name} pipe: reads its DynamoDB stream, puts events on its bus`,
      service: "pipes.amazonaws.com",
      sourceAccountId: props.accountId,
      inlinePolicy: {
        name: "stream-to-bus",
        statements: [
          ...grantTableStreamRead({ streamArn: props.streamArn, kmsKeyArn: props.streamKmsKeyArn }),
          ...grantBusPutEvents({ busArn: props.busArn }),
          ...grantQueueSend({ queueArn: props.deadLetter.queueArn, kmsKeyArn: props.deadLetter.kmsKeyArn }),
        ],
      },
    });
    const pipe = new PipesPipe(this, "Pipe", {
      name: props.name,
      roleArn: role.roleArn,
      source: props.streamArn,
      target: props.busArn,
      sourceParameters: {
        dynamodbStreamParameters: {
          startingPosition: props.startingPosition ?? "LATEST",
          batchSize: props.batchSize ?? 10,
          maximumRetryAttempts: props.maximumRetryAttempts ?? 3,
          maximumRecordAgeInSeconds: props.maximumRecordAgeSeconds ?? 3600,
          deadLetterConfig: { arn: props.deadLetter.queueArn },
        },
        filterCriteria: filters.length > 0 ? { filter: filters.map((pattern) => ({ pattern })) } : undefined,
      },
      targetParameters: { eventbridgeEventBusParameters: { source: props.eventSource, detailType: props.detailType } },
      // Pipes checks the source and the DLQ with the role when it is created; the policy must exist by then.
      dependsOn: role.withPermissions,
      tags: { Name: props.name },
    });
    this.arn = pipe.arn;
    this.name = pipe.name;
    this.roleArn = role.roleArn;
  }
}
