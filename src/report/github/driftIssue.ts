import type { Report } from '../../model/finding.js';
import { type MarkdownOptions, renderMarkdown } from '../markdown.js';
import type { GitHubClient, RepositoryRef } from './githubClient.js';
import type { Publisher } from './publisher.js';

export const DRIFT_MARKER = '<!-- clb-guard:drift-issue -->';
export const DRIFT_LABEL = 'clb-guard-drift';

/**
 * One open issue while the live account has findings, found by label and a hidden marker:
 * created when findings appear, its body updated when they change, closed with a comment when
 * the account is clean again.
 */
export async function syncDriftIssue(
  github: GitHubClient,
  where: RepositoryRef,
  state: { readonly findings: number; readonly title: string; readonly body: string; readonly runUrl?: string },
): Promise<'created' | 'updated' | 'unchanged' | 'closed' | 'none'> {
  const open = await github.paginate(github.rest.issues.listForRepo, {
    owner: where.owner,
    repo: where.repo,
    state: 'open',
    labels: DRIFT_LABEL,
    per_page: 100,
  });
  const existing = open.find(
    (issue) => typeof issue.body === 'string' && issue.body.includes(DRIFT_MARKER) && issue.pull_request === undefined,
  );
  const body = `${DRIFT_MARKER}\n${state.body}`.slice(0, 65_536);
  if (state.findings === 0) {
    if (existing === undefined) return 'none';
    await github.rest.issues.createComment({
      owner: where.owner,
      repo: where.repo,
      issue_number: existing.number,
      body: `All clear: the latest scan found nothing${state.runUrl ? ` (${state.runUrl})` : ''}. Closing.`,
    });
    await github.rest.issues.update({
      owner: where.owner,
      repo: where.repo,
      issue_number: existing.number,
      state: 'closed',
      state_reason: 'completed',
    });
    return 'closed';
  }
  if (existing === undefined) {
    await github.rest.issues.create({ owner: where.owner, repo: where.repo, title: state.title, body, labels: [DRIFT_LABEL] });
    return 'created';
  }
  if (existing.body === body && existing.title === state.title) return 'unchanged';
  await github.rest.issues.update({ owner: where.owner, repo: where.repo, issue_number: existing.number, title: state.title, body });
  return 'updated';
}

/** How the drift issue tells a report: its title and its Markdown (one account, or merged shards). */
export interface DriftIssueText {
  title(report: Report): string;
  render(report: Report, options: MarkdownOptions): string;
}

const ONE_ACCOUNT: DriftIssueText = {
  title: (report) => `clb-guard: ${report.summary.error} errors, ${report.summary.warning} warnings in the live account`,
  render: renderMarkdown,
};

/** The drift issue: `auto` in live mode on schedule and workflow_dispatch, `always`, or `never`. */
export function driftIssuePublisher(mode: 'auto' | 'always' | 'never', text: DriftIssueText = ONE_ACCOUNT): Publisher {
  return {
    name: 'drift issue',
    wanted: (run) => {
      const scheduled = run.workflow.eventName === 'schedule' || run.workflow.eventName === 'workflow_dispatch';
      return mode === 'always' || (mode === 'auto' && run.report.mode === 'live' && scheduled);
    },
    needs: 'repository',
    async publish(run, api) {
      const { report, workflow } = run;
      const failures = report.findings.filter((f) => f.status === 'fail').length;
      const done = await syncDriftIssue(api.github, api, {
        // An incomplete scan is never "all clear": the issue stays open.
        findings: report.complete ? failures : Math.max(failures, 1),
        title: text.title(report),
        body:
          text.render(report, { maxChars: 60_000, overflowHint: workflow.runUrl ?? 'the workflow run' }) +
          (workflow.runUrl ? `\n\nLatest run: ${workflow.runUrl}` : ''),
        ...(workflow.runUrl ? { runUrl: workflow.runUrl } : {}),
      });
      return `Drift issue ${done}.`;
    },
    unavailable: 'clb-guard: no token or repository here, so no drift issue.',
    denied: 'clb-guard: the token may not manage issues; grant issues: write to get the drift issue.',
  };
}
