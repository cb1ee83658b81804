import type { MarkdownLinks } from '../markdown.js';

/**
 * Links to the repository's files at the commit under review: the PR head when there is one,
 * else the commit the workflow runs on. Undefined outside a GitHub workflow.
 */
export function markdownLinks(env: NodeJS.ProcessEnv, headSha?: string): MarkdownLinks | undefined {
  const repository = env.GITHUB_REPOSITORY;
  const sha = headSha || env.GITHUB_SHA;
  if (!repository || !sha) return undefined;
  return { serverUrl: env.GITHUB_SERVER_URL || 'https://github.com', repository, sha };
}
