import { fail, pass, skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, isSet } from "../../engine/values";
import { streamParameters } from "./stream-source";

/** Pipes reading a stream keep the records they cannot deliver. */
export const PipesDeadLetterQueue: ResourceRule = {
  id: "Pipes.DeadLetterQueue",
  scope: "resource",
  description: "aws_pipes_pipe with a DynamoDB or Kinesis stream source sets dead_letter_config.arn in its stream parameters.",
  why: "Without a dead-letter queue, a record that exhausts its retries or outlives its maximum age is dropped from the stream with no trace.",
  resourceTypes: ["aws_pipes_pipe"],
  check(pipe) {
    const stream = streamParameters(pipe);
    if (!stream) return skip("not a stream source");
    return isSet(block(stream.dead_letter_config)?.arn) ? pass() : fail("dead_letter_config.arn is not set");
  },
};
