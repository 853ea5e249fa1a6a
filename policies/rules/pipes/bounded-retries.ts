import { combine, fail, pass, skip, unknown } from "../../engine/outcome";
import type { Outcome, ResourceRule } from "../../engine/types";
import { num, UNKNOWN } from "../../engine/values";
import { streamParameters } from "./stream-source";

/** A literal, non-negative bound; unset and -1 both mean "until the record expires". */
function bounded(parameters: Record<string, unknown>, attribute: string): Outcome {
  const value = num(parameters[attribute]);
  if (value === UNKNOWN) return unknown(`${attribute} is computed`);
  if (value === undefined) return fail(`${attribute} is not set (the default, -1, is unbounded)`);
  return value >= 0 ? pass() : fail(`${attribute} is ${value} (unbounded)`);
}

/** Pipes reading a stream give up on a failing record. */
export const PipesBoundedRetries: ResourceRule = {
  id: "Pipes.BoundedRetries",
  scope: "resource",
  description: "aws_pipes_pipe with a DynamoDB or Kinesis stream source sets maximum_retry_attempts and maximum_record_age_in_seconds to bounded values (not unset, not -1).",
  why: "By default a pipe retries a failing batch until its records expire from the stream (24 hours for DynamoDB), blocking everything behind it in the shard and never using its dead-letter queue.",
  resourceTypes: ["aws_pipes_pipe"],
  check(pipe) {
    const stream = streamParameters(pipe);
    if (!stream) return skip("not a stream source");
    return combine([bounded(stream, "maximum_retry_attempts"), bounded(stream, "maximum_record_age_in_seconds")]);
  },
};
