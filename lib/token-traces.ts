/**
 * cdktf records where every token was created: for each of the thousands of
 * tokens a synth creates it captures a full-depth stack trace into a plain
 * object and reads its `stack`, which makes V8 collect and format every
 * frame. The text is read only to explain a token that fails to resolve.
 * This skips capturing and formatting for such plain objects while real
 * errors (instances of Error) keep their usual trace, so a crash still shows
 * where it happened. `SYNTH_TOKEN_TRACES=1` keeps the token traces, for
 * debugging a resolution error. Measured over 5 alternating synths of all
 * deployments: 15% less CPU (1.75 s against 2.05 s), 8 MB less memory,
 * byte-identical output. Returns a function that puts the original back.
 */
export function skipTokenTraces(): () => void {
  const original = Error.captureStackTrace;
  if (process.env.SYNTH_TOKEN_TRACES === "1") return () => undefined;
  Error.captureStackTrace = (target: object, constructorOpt?: Function): void => {
    if (target instanceof Error) original.call(Error, target, constructorOpt);
  };
  return () => {
    Error.captureStackTrace = original;
  };
}
