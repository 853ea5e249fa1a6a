import { afterEach, describe, expect, it } from "vitest";
import { skipTokenTraces } from "../lib/token-traces";

describe("token traces skipped during synth (lib/token-traces.ts)", () => {
  let restore: () => void = () => undefined;
  afterEach(() => restore());

  it("captures nothing into plain objects, as cdktf's token traces are", () => {
    restore = skipTokenTraces();
    const holder = { stack: "" };
    Error.captureStackTrace(holder);
    expect(holder.stack).toBe("");
  });

  it("keeps the trace of a real error, so a crash still says where it happened", () => {
    restore = skipTokenTraces();
    const error = new Error("boom");
    expect(error.stack).toMatch(/^Error: boom\n\s+at .*token-traces\.test\.ts/);
    const captured = new Error("again");
    Error.captureStackTrace(captured);
    expect(captured.stack).toContain("token-traces.test.ts");
  });

  it("puts the original back", () => {
    const original = Error.captureStackTrace;
    skipTokenTraces()();
    expect(Error.captureStackTrace).toBe(original);
  });
});
