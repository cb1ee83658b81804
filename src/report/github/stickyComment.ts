import { renderMarkdown } from '../markdown.js';
import type { GitHubClient, RepositoryRef } from './githubClient.js';
import type { Publisher, PublishRun } from './publisher.js';

export const COMMENT_MARKER = '<!-- clb-guard:sticky-comment -->';
/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

/**
 * One comment per pull request, found by a hidden marker: updated in place on every run, never a
 * second one. Returns what it did.
 */
export async function upsertStickyComment(
  github: GitHubClient,
  where: RepositoryRef & { readonly issueNumber: number },
  body: string,
): Promise<'created' | 'updated' | 'unchanged'> {
  const full = `${COMMENT_MARKER}\n${body}`.slice(0, COMMENT_LIMIT);
  const comments = await github.paginate(github.rest.issues.listComments, {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    per_page: 100,
  });
  const existing = comments.find((c) => typeof c.body === 'string' && c.body.includes(COMMENT_MARKER));
  if (existing === undefined) {
    await github.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: where.issueNumber, body: full });
    return 'created';
  }
  if (existing.body === full) return 'unchanged';
  await github.rest.issues.updateComment({ owner: where.owner, repo: where.repo, comment_id: existing.id, body: full });
  return 'updated';
}

/** The sticky comment on the pull request: `auto` on pull requests, `always`, or `never`. */
export function stickyCommentPublisher(
  mode: 'auto' | 'always' | 'never',
  extraSections: (run: PublishRun) => Promise<string> = async () => '',
): Publisher {
  return {
    name: 'PR comment',
    wanted: (run) => mode === 'always' || (mode === 'auto' && run.workflow.pullRequest !== undefined),
    needs: 'pullRequest',
    async publish(run, api, pullRequest) {
      const extra = await extraSections(run);
      const body =
        renderMarkdown(run.report, {
          maxChars: COMMENT_LIMIT - 200 - extra.length,
          overflowHint: 'the job summary',
          heading: 'clb-guard',
          ...(run.links ? { links: run.links } : {}),
        }) + extra;
      const done = await upsertStickyComment(api.github, { owner: api.owner, repo: api.repo, issueNumber: pullRequest.number }, body);
      return `PR comment ${done}.`;
    },
    unavailable: 'clb-guard: no pull request or token here, so no PR comment.',
    // Fork PRs get a read-only token: skip the comment, never fail the run over reporting.
    denied:
      'clb-guard: the token may not comment on this pull request (read-only token, e.g. from a fork); the findings are in the job summary. Grant pull-requests: write to get the PR comment.',
  };
}
