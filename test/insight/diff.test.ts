import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SynthesizedStack } from "../../policies/engine/stack-json";
import { diffSynths } from "../../scripts/insight/diff-model";
import { diffMarkdown, warnings } from "../../scripts/insight/diff-report";

const fixture = (name: string): SynthesizedStack[] => JSON.parse(readFileSync(join(__dirname, "fixtures", name), "utf8")) as SynthesizedStack[];
const base = fixture("diff-base.json");
const head = fixture("diff-head.json");
const diffs = diffSynths(base, head);
const data = diffs.find((d) => d.stack === "shop-dev-data")!;

describe("synth diff of two fixture outputs", () => {
  it("lists the stacks that differ: one added, one removed, one changed; identical stacks are left out", () => {
    expect(diffs.map((d) => [d.stack, d.status])).toEqual([["shop-dev-data", "changed"], ["shop-dev-edge", "added"], ["shop-dev-old", "removed"]]);
    expect(diffSynths(base, base)).toEqual([]);
  });

  it("reports added and removed resources, the removed stateful queue flagged", () => {
    expect(data.added).toEqual(["aws_sns_topic.Events"]);
    expect(data.removed).toEqual([{ address: "aws_sqs_queue.Legacy", stateful: true }]);
    expect(diffs.find((d) => d.stack === "shop-dev-old")!.removed).toEqual([{ address: "aws_kms_key.Key", stateful: true }]);
  });

  it("pairs a moved block's from and to instead of a removal and an addition", () => {
    expect(data.moved).toEqual([{ from: "aws_sqs_queue.Orders", to: "aws_sqs_queue.OrderQueue" }]);
    expect(data.changed.map((c) => c.address)).not.toContain("aws_sqs_queue.OrderQueue");
  });

  it("reports attribute-level changes, ignoring cdktf's metadata; an in-place change forces nothing", () => {
    expect(data.changed.find((c) => c.address === "aws_db_instance.Main")).toEqual({
      address: "aws_db_instance.Main",
      changes: [{ path: "instance_class", before: "db.t3.medium", after: "db.t3.large" }],
      replacedBy: [],
      stateful: true,
    });
    expect(data.changed.find((c) => c.address === "aws_db_subnet_group.Main")).toEqual({
      address: "aws_db_subnet_group.Main",
      changes: [{ path: "subnet_ids[2]", before: undefined, after: "c" }],
      replacedBy: [],
      stateful: false,
    });
  });

  it("flags the replacement of a stateful resource when an argument that forces a new one changes (an RDS identifier)", () => {
    expect(data.changed.find((c) => c.address === "aws_db_instance.Reports")).toEqual({
      address: "aws_db_instance.Reports",
      changes: [{ path: "identifier", before: "shop-dev-reports", after: "shop-dev-reporting" }],
      replacedBy: ["identifier"],
      stateful: true,
    });
    expect(warnings(diffs)).toEqual([
      "shop-dev-data: aws_db_instance.Reports is REPLACED (identifier changed): its data is lost unless migrated",
      "shop-dev-data: aws_sqs_queue.Legacy is REMOVED: its data is lost (add a moved block if it was renamed)",
      "shop-dev-old: aws_kms_key.Key is REMOVED: its data is lost (add a moved block if it was renamed)",
    ]);
  });

  it("writes the Markdown the pull-request comment shows, warnings first", () => {
    expect(diffMarkdown(diffs)).toBe(
      [
        "**Stateful resources replaced or removed:**",
        "",
        "- :warning: shop-dev-data: aws_db_instance.Reports is REPLACED (identifier changed): its data is lost unless migrated",
        "- :warning: shop-dev-data: aws_sqs_queue.Legacy is REMOVED: its data is lost (add a moved block if it was renamed)",
        "- :warning: shop-dev-old: aws_kms_key.Key is REMOVED: its data is lost (add a moved block if it was renamed)",
        "",
        "### shop-dev-data: +1 -1 ~3 moved 1",
        "",
        "- `+` aws_sns_topic.Events",
        "- `-` aws_sqs_queue.Legacy (stateful)",
        "- `>` aws_sqs_queue.Orders moved to aws_sqs_queue.OrderQueue",
        "- `~` aws_db_instance.Main",
        '  - `instance_class`: "db.t3.medium" -> "db.t3.large"',
        "- `~` aws_db_instance.Reports **replaced** (identifier) (stateful)",
        '  - `identifier`: "shop-dev-reports" -> "shop-dev-reporting"',
        "- `~` aws_db_subnet_group.Main",
        '  - `subnet_ids[2]`: (unset) -> "c"',
        "",
        "### shop-dev-edge (stack added): +1 -0 ~0 moved 0",
        "",
        "- `+` aws_cloudfront_distribution.Cdn",
        "",
        "### shop-dev-old (stack removed): +0 -1 ~0 moved 0",
        "",
        "- `-` aws_kms_key.Key (stateful)",
        "",
      ].join("\n"),
    );
    expect(diffMarkdown([])).toBe("No resource changes.\n");
  });
});
