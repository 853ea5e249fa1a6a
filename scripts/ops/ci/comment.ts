/** Where and as whom to post the plan comment. */
export interface CommentTarget {
  /** `https://api.github.com` (or a GHES API URL). */
  readonly apiUrl: string;
  /** `owner/name`. */
  readonly repository: string;
  readonly pullRequest: number;
  readonly token: string;
  /** Only a comment containing this marker and written by `author` is ever edited. */
  readonly marker: string;
  /** @default "github-actions[bot]", the user behind GITHUB_TOKEN */
  readonly author?: string;
}

/** What happened to the comment. */
export type CommentOutcome = { readonly action: "created" | "updated"; readonly id: number };

interface IssueComment {
  readonly id: number;
  readonly body?: string;
  readonly user?: { readonly login?: string };
}

/**
 * Keeps exactly one plan comment per pull request: finds the comment that
 * carries the marker (walking every page of comments) and edits it, or
 * creates it when there is none yet. Only the workflow's own comments are
 * considered, so quoting the marker in a review comment changes nothing.
 */
export async function upsertComment(target: CommentTarget, body: string, fetchFn: typeof fetch = fetch): Promise<CommentOutcome> {
  const author = target.author ?? "github-actions[bot]";
  const base = `${target.apiUrl.replace(/\/$/, "")}/repos/${target.repository}`;
  const headers = { Accept: "application/vnd.github+json", Authorization: `Bearer ${target.token}`, "X-GitHub-Api-Version": "2022-11-28" };
  let existing: IssueComment | undefined;
  for (let page = 1; !existing; page++) {
    const response = await fetchFn(`${base}/issues/${target.pullRequest}/comments?per_page=100&page=${page}`, { headers });
    if (!response.ok) throw new Error(`Listing comments failed: ${response.status} ${await response.text()}`);
    const comments = (await response.json()) as IssueComment[];
    existing = comments.find((c) => c.user?.login === author && (c.body ?? "").includes(target.marker));
    if (comments.length < 100) break;
  }
  const request = existing
    ? fetchFn(`${base}/issues/comments/${existing.id}`, { method: "PATCH", headers, body: JSON.stringify({ body }) })
    : fetchFn(`${base}/issues/${target.pullRequest}/comments`, { method: "POST", headers, body: JSON.stringify({ body }) });
  const response = await request;
  if (!response.ok) throw new Error(`${existing ? "Updating" : "Creating"} the plan comment failed: ${response.status} ${await response.text()}`);
  const saved = (await response.json()) as IssueComment;
  return { action: existing ? "updated" : "created", id: saved.id };
}
