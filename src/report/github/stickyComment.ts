import type { GitHubClient, RepositoryRef } from './githubClient.js';

export const COMMENT_MARKER = '<!-- clb-guard:sticky-comment -->';
/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

/**
 * One comment per pull request, found by a hidden marker: updated in place on every run, never a
 * second one. Returns what it did.
 */
export async function upsertStickyComment(github: GitHubClient, where: RepositoryRef & { readonly issueNumber: number }, body: string): Promise<'created' | 'updated' | 'unchanged'> {
  const full = `${COMMENT_MARKER}\n${body}`.slice(0, COMMENT_LIMIT);
  const comments = await github.paginate(github.rest.issues.listComments, { owner: where.owner, repo: where.repo, issue_number: where.issueNumber, per_page: 100 });
  const existing = comments.find((c) => typeof c.body === 'string' && c.body.includes(COMMENT_MARKER));
  if (existing === undefined) {
    await github.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: where.issueNumber, body: full });
    return 'created';
  }
  if (existing.body === full) return 'unchanged';
  await github.rest.issues.updateComment({ owner: where.owner, repo: where.repo, comment_id: existing.id, body: full });
  return 'updated';
}
