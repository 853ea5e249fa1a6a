/** Where and as whom to call the GitHub REST API. */
export interface GitHubApi {
  /** `https://api.github.com` (or a GHES API URL). */
  readonly apiUrl: string;
  /** `owner/name`. */
  readonly repository: string;
  readonly token: string;
  readonly fetchFn?: typeof fetch;
}

/** The API settings of the current Actions run, or undefined outside one (no token). */
export function apiFromEnv(env: NodeJS.ProcessEnv = process.env): GitHubApi | undefined {
  if (!env.GITHUB_TOKEN || !env.GITHUB_REPOSITORY) return undefined;
  return { apiUrl: env.GITHUB_API_URL ?? "https://api.github.com", repository: env.GITHUB_REPOSITORY, token: env.GITHUB_TOKEN };
}

/** One request to `/repos/<repository><path>`; fails with GitHub's answer on any non-2xx status. */
export async function repoRequest<T>(api: GitHubApi, method: "GET" | "POST" | "PATCH", path: string, body?: object): Promise<T> {
  const response = await (api.fetchFn ?? fetch)(`${api.apiUrl.replace(/\/$/, "")}/repos/${api.repository}${path}`, {
    method,
    headers: { Accept: "application/vnd.github+json", Authorization: `Bearer ${api.token}`, "X-GitHub-Api-Version": "2022-11-28" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`GitHub API ${method} ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every item of a paginated list (`path` without query string), 100 per page. */
export async function listAll<T>(api: GitHubApi, path: string, query = ""): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const batch = await repoRequest<T[]>(api, "GET", `${path}?${query ? `${query}&` : ""}per_page=100&page=${page}`);
    items.push(...batch);
    if (batch.length < 100) return items;
  }
}
