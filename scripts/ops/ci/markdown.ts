/** Markdown helpers shared by the plan report and the drift issues. */

/** Keeps whole lines of `text` within `limit` bytes, noting how many were cut. */
export function cutToBytes(text: string, limit: number, stack: string): string {
  if (bytes(text) <= limit) return text;
  const lines = text.split("\n");
  const note = (cut: number) => `\n… ${cut} more lines not shown (GitHub's comment size limit). Full plan: job summary of plan (${stack}) and artifact plan-${stack}.`;
  const room = limit - bytes(note(lines.length));
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + bytes(line) + 1 > room) break;
    kept.push(line);
    used += bytes(line) + 1;
  }
  return `${kept.join("\n")}${note(lines.length - kept.length)}`;
}

/** Wraps text in a code fence longer than any backtick run inside it, so plan text cannot end the block. */
export function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}text\n${text.replace(/\n+$/, "")}\n${ticks}`;
}

/** Cuts text to `limit` bytes with a note: the last resort so a body never exceeds its budget. */
export function capBytes(text: string, limit: number): string {
  if (bytes(text) <= limit) return text;
  const note = "\n\n… report cut to fit GitHub's comment size limit; see the job summary.";
  let cut = text.slice(0, limit - bytes(note));
  while (bytes(cut) > limit - bytes(note)) cut = cut.slice(0, -64);
  return `${cut}${note}`;
}

/** Size of text in UTF-8 bytes: never fewer than characters, however GitHub counts its limits. */
export function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

