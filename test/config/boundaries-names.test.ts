import { describe, expect, it } from "vitest";
import { NAME_KINDS, type NameKindId, NameRegistry } from "../../config/names";

const owner = { deployment: "commerce-prod", account: "commerce-prod", region: "us-west-2" };

/** A domain name of exactly `length` characters: 63-letter labels, the last one shorter. */
function domain(length: number): string {
  const labels: string[] = [];
  let left = length;
  while (left > 64) {
    labels.push("a".repeat(63));
    left -= 64;
  }
  return [...labels, "b".repeat(left)].join(".");
}

/** A name of `length` characters that the kind's pattern accepts. */
const nameOf = (kind: NameKindId, length: number): string =>
  kind === "ses-email-identity" || kind === "hosted-zone" ? domain(length) : "a".repeat(length);

/** Problems of registering one name of `kind`, in a fresh registry. */
function problemsOf(kind: NameKindId, name: string): string[] {
  const names = new NameRegistry();
  names.register(kind, name, owner, "field");
  return names.check().map((p) => p.allowed);
}

const kinds = (Object.keys(NAME_KINDS) as NameKindId[]).map((kind) => ({ kind, max: NAME_KINDS[kind].maxLength }));

describe("name registry boundaries", () => {
  it.each(kinds)("$kind: a $max-character name passes, one more character fails", ({ kind, max }) => {
    expect(nameOf(kind, max)).toHaveLength(max);
    expect(problemsOf(kind, nameOf(kind, max))).toEqual([]);
    const tooLong = nameOf(kind, max + 1);
    expect(problemsOf(kind, tooLong)).toEqual([`makes the ${kind} name ${JSON.stringify(tooLong)} ${max + 1} characters long; ${kind} names allow ${max}`]);
  });

  it.each<[NameKindId, string, string]>([
    ["s3-bucket", "abc", "ab"],
    ["backup-vault", "ab", "a"],
    ["dynamodb-table", "abc", "ab"],
    ["launch-template", "abc", "ab"],
  ])("%s: the shortest name passes, one character less fails", (kind, ok, bad) => {
    expect(problemsOf(kind, ok)).toEqual([]);
    expect(problemsOf(kind, bad)).toEqual([`makes the ${kind} name ${JSON.stringify(bad)}, which AWS refuses: ${NAME_KINDS[kind].rule}`]);
  });

  it("ses-email-identity and hosted-zone: a 63-character label passes, 64 fails", () => {
    for (const kind of ["ses-email-identity", "hosted-zone"] as const) {
      expect(problemsOf(kind, `${"a".repeat(63)}.com`)).toEqual([]);
      expect(problemsOf(kind, `${"a".repeat(64)}.com`)).toEqual([`makes the ${kind} name "${"a".repeat(64)}.com", which AWS refuses: ${NAME_KINDS[kind].rule}`]);
    }
  });
});
