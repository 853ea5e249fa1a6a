import type { ResourceView } from "../../engine/types";
import { block } from "../../engine/values";

/**
 * The stream parameters of a pipe reading a DynamoDB or Kinesis stream, or
 * undefined for other sources (queues and brokers, whose failures are the
 * source's own redrive). Only stream sources have the pipe's dead-letter
 * queue, retries and record age.
 */
export function streamParameters(pipe: ResourceView): Record<string, unknown> | undefined {
  const source = block(pipe.attributes.source_parameters);
  return block(source?.dynamodb_stream_parameters) ?? block(source?.kinesis_stream_parameters);
}
