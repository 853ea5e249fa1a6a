import { Sesv2ConfigurationSet } from "@cdktf/provider-aws/lib/sesv2-configuration-set";
import { Sesv2ConfigurationSetEventDestination } from "@cdktf/provider-aws/lib/sesv2-configuration-set-event-destination";
import { Sesv2EmailIdentity } from "@cdktf/provider-aws/lib/sesv2-email-identity";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { check, matches, validateProps } from "../validate";

/** Props of SES sending for one domain. */
export interface EmailSendingProps {
  /** The sending domain, lowercase. */
  readonly domain: string;
  /** 1-64 letters, digits, hyphens and underscores. */
  readonly configurationSetName: string;
  /** Where sending events go: an SNS topic (SES sends to EventBridge's default bus only, never to a custom one). */
  readonly events: {
    /** 1-64 letters, digits, hyphens and underscores. */
    readonly destinationName: string;
    readonly topicArn: string;
    /** SES event types, e.g. BOUNCE, COMPLAINT. */
    readonly types: readonly string[];
  };
}

/**
 * An SES v2 domain identity with Easy DKIM on 2048-bit keys, whose default
 * configuration set requires TLS to the receiving server (mail is delayed,
 * then bounced, rather than sent in clear), keeps reputation metrics,
 * suppresses addresses that bounced or complained (so the account's bounce
 * and complaint rates stay under SES's enforcement thresholds) and sends its
 * events to a topic. DNS is the edge layer's: {@link dkimRecords} are the
 * three CNAMEs it must publish. Leaving the SES sandbox is a support
 * request, not a resource.
 */
export class EmailSending extends Construct {
  readonly identityArn: string;
  readonly configurationSetName: string;
  /** DKIM CNAMEs as a map: `<token>._domainkey.<domain>` -> `<token>.dkim.amazonses.com` (three entries, known after apply). */
  readonly dkimRecords: Record<string, string>;

  constructor(scope: Construct, id: string, props: EmailSendingProps) {
    super(scope, id);
    const sesName = (what: string) => matches(/^[A-Za-z0-9_-]{1,64}$/, `must be 1-64 letters, digits, hyphens and underscores (SES ${what} names)`);
    validateProps(this, [
      check("domain", props.domain, matches(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "must be a lowercase domain name (SES domain identities)")),
      check("configurationSetName", props.configurationSetName, sesName("configuration set")),
      check("events.destinationName", props.events.destinationName, sesName("event destination")),
    ]);
    const configurationSet = new Sesv2ConfigurationSet(this, "ConfigurationSet", {
      configurationSetName: props.configurationSetName,
      deliveryOptions: { tlsPolicy: "REQUIRE" },
      reputationOptions: { reputationMetricsEnabled: true },
      sendingOptions: { sendingEnabled: true },
      suppressionOptions: { suppressedReasons: ["BOUNCE", "COMPLAINT"] },
      tags: { Name: props.configurationSetName },
    });
    const identity = new Sesv2EmailIdentity(this, "Identity", {
      emailIdentity: props.domain,
      configurationSetName: configurationSet.configurationSetName,
      dkimSigningAttributes: { nextSigningKeyLength: "RSA_2048_BIT" },
      tags: { Name: props.domain },
    });
    new Sesv2ConfigurationSetEventDestination(this, "Events", {
      configurationSetName: configurationSet.configurationSetName,
      eventDestinationName: props.events.destinationName,
      eventDestination: { enabled: true, matchingEventTypes: [...props.events.types], snsDestination: { topicArn: props.events.topicArn } },
    });
    const tokens = identity.dkimSigningAttributes.tokens;
    this.dkimRecords = Fn.zipmap(Fn.formatlist(`%s._domainkey.${props.domain}`, [tokens]), Fn.formatlist("%s.dkim.amazonses.com", [tokens]));
    this.identityArn = identity.arn;
    this.configurationSetName = configurationSet.configurationSetName;
  }
}
