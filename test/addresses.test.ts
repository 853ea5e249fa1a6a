import { TerraformStack, Testing } from "cdktf";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { Construct } from "constructs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type AddressedStack, readSnapshot, snapshotDifferences, snapshotOf, unmovedRemovals, UPDATE_HINT, writeSnapshot,
} from "./support/addresses";
import { testApp } from "./support/modules";
import { stack, stackNames } from "./support/synth";

/**
 * Terraform addresses and output names of every stack, against the committed
 * test/__snapshots__/addresses.json. A missing address means a plan would
 * destroy (and maybe recreate) a resource; a missing output breaks a consumer.
 *
 * - A rename passes the removal rule only with a `moved` block in the stack
 *   (cdktf `moveFromId`/`moveToId`/`moveTo`), and still shows as a difference
 *   until the snapshot is updated.
 * - To update deliberately, or to create the file: `UPDATE_ADDRESSES=1 npm test`
 *   (or `UPDATE_ADDRESSES=1 npx vitest run test/addresses.test.ts`), then
 *   commit the snapshot; its diff is what the reviewer checks.
 */
const SNAPSHOT_FILE = "test/__snapshots__/addresses.json";
const SNAPSHOT_PATH = join(__dirname, "..", SNAPSHOT_FILE);
const updating = process.env.UPDATE_ADDRESSES === "1";

describe("address stability", () => {
  const stacks = Object.fromEntries(stackNames().map((name) => [name, stack(name)]));
  const current = snapshotOf(stacks);
  const committed = readSnapshot(SNAPSHOT_PATH);

  it.runIf(updating)("writes the snapshot (UPDATE_ADDRESSES=1)", () => {
    const changes = committed ? snapshotDifferences(committed, current) : ["(new file)"];
    const destroyed = committed ? unmovedRemovals(committed, stacks) : [];
    writeSnapshot(SNAPSHOT_PATH, current);
    console.info([`Updated ${SNAPSHOT_FILE}:`, ...changes, ...destroyed.map((p) => `! destroyed: ${p}`)].join("\n"));
  });

  it.skipIf(updating)("has a committed snapshot", () => {
    expect(committed, `${SNAPSHOT_FILE} is missing. Create it with \`UPDATE_ADDRESSES=1 npm test\` and commit it.`).toBeDefined();
  });

  it.skipIf(updating || !committed)("removes no address without a moved block", () => {
    const problems = unmovedRemovals(committed!, stacks);
    expect(problems, `Addresses a plan would destroy:\n${problems.join("\n")}\n${UPDATE_HINT}`).toEqual([]);
  });

  it.skipIf(updating || !committed)("matches the snapshot exactly", () => {
    const changes = snapshotDifferences(committed!, current);
    expect(changes, `Addresses or outputs differ from the snapshot:\n${changes.join("\n")}\n${UPDATE_HINT}`).toEqual([]);
  });
});

describe("rename rule", () => {
  /** A module with one bucket, as real modules nest their resources. */
  class Store extends Construct {
    readonly bucket: S3Bucket;
    constructor(scope: Construct, id: string) {
      super(scope, id);
      this.bucket = new S3Bucket(this, "Bucket", { bucket: "media" });
    }
  }
  const synth = (build: (stack: TerraformStack) => void): AddressedStack => {
    const stack = new TerraformStack(testApp(), "app");
    build(stack);
    return JSON.parse(Testing.synth(stack)) as AddressedStack;
  };
  const before = synth((s) => new Store(s, "Media"));
  const snapshot = snapshotOf({ app: before });
  const [oldAddress] = snapshot.app.resources;

  it("passes a renamed construct whose resource moves from the old address", () => {
    const after = synth((s) => new Store(s, "Images").bucket.moveFromId(oldAddress));
    expect(after.moved).toEqual([{ from: oldAddress, to: snapshotOf({ app: after }).app.resources[0] }]);
    expect(unmovedRemovals(snapshot, { app: after })).toEqual([]);
    // The rename is still a difference to commit deliberately.
    expect(snapshotDifferences(snapshot, snapshotOf({ app: after }))).toHaveLength(2);
  });

  it("fails a renamed construct without a moved block", () => {
    const after = synth((s) => new Store(s, "Images"));
    expect(unmovedRemovals(snapshot, { app: after })).toEqual([
      `app: ${oldAddress} is gone and no moved block has it as \`from\` (rename with moveFromId/moveToId/moveTo)`,
    ]);
  });

  it("fails a moved block pointing at an address the stack does not have", () => {
    const after = synth((s) => new Store(s, "Media").bucket.moveToId("aws_s3_bucket.Elsewhere"));
    expect(unmovedRemovals(snapshot, { app: after })).toEqual([
      `app: moved block ${oldAddress} -> aws_s3_bucket.Elsewhere points at an address the stack does not have`,
    ]);
  });

  it("fails a stack that disappears", () => {
    expect(unmovedRemovals(snapshot, {})).toEqual(["app: the stack is gone with its 1 resources"]);
  });
});
