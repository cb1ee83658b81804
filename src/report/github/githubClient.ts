import { Octokit } from '@octokit/rest';

export type GitHubClient = InstanceType<typeof Octokit>;

export interface RepositoryRef {
  readonly owner: string;
  readonly repo: string;
}

/** The real Octokit, pointed at GITHUB_API_URL (GitHub Enterprise, or a local stand-in in tests). */
export function githubClient(token: string, baseUrl = process.env.GITHUB_API_URL ?? 'https://api.github.com'): GitHubClient {
  return new Octokit({ auth: token, baseUrl, userAgent: 'clb-guard', request: { retries: 0 } });
}

/** 403/404 from GitHub mean "this token may not do that": report and carry on, never fail the run. */
export function isPermissionError(error: unknown): boolean {
  const status = (error as { status?: number })?.status;
  return status === 403 || status === 404;
}
