import { type Annotation, annotationOf, annotationsFor } from '../annotations.js';
import { renderMarkdown } from '../markdown.js';
import type { GitHubClient, RepositoryRef } from './githubClient.js';
import type { Publisher, PublishRun } from './publisher.js';

/** The checks API takes at most 50 annotations per request. */
export const CHECK_RUN_BATCH = 50;

/**
 * Every annotation on one check run for the commit, in batches of 50 — unlike workflow
 * commands, nothing is dropped. Needs `checks: write`.
 */
export async function publishCheckRun(
  github: GitHubClient,
  where: RepositoryRef & { readonly headSha: string },
  run: {
    readonly title: string;
    readonly summary: string;
    readonly conclusion: 'success' | 'failure' | 'neutral';
    readonly annotations: readonly Annotation[];
  },
): Promise<{ id: number; batches: number }> {
  const located = run.annotations.filter((a) => a.file !== undefined && a.startLine !== undefined);
  const toApi = (a: Annotation) => ({
    path: a.file!,
    start_line: a.startLine!,
    end_line: a.endLine ?? a.startLine!,
    annotation_level: a.level === 'error' ? ('failure' as const) : a.level === 'warning' ? ('warning' as const) : ('notice' as const),
    title: a.title.slice(0, 255),
    message: a.message.slice(0, 64_000),
  });
  const batches: (typeof located)[] = [];
  for (let i = 0; i < located.length; i += CHECK_RUN_BATCH) batches.push(located.slice(i, i + CHECK_RUN_BATCH));
  const output = (batch: typeof located) => ({ title: run.title, summary: run.summary.slice(0, 65_535), annotations: batch.map(toApi) });
  const created = await github.rest.checks.create({
    owner: where.owner,
    repo: where.repo,
    name: 'clb-guard',
    head_sha: where.headSha,
    status: 'in_progress',
    output: output(batches[0] ?? []),
  });
  for (const batch of batches.slice(1)) {
    await github.rest.checks.update({ owner: where.owner, repo: where.repo, check_run_id: created.data.id, output: output(batch) });
  }
  await github.rest.checks.update({
    owner: where.owner,
    repo: where.repo,
    check_run_id: created.data.id,
    status: 'completed',
    conclusion: run.conclusion,
    output: { title: run.title, summary: run.summary.slice(0, 65_535) },
  });
  return { id: created.data.id, batches: Math.max(1, batches.length) };
}

/**
 * With `checks: write`, every annotation goes on a check run for the PR head; otherwise workflow
 * commands, of which GitHub shows ten per level: the most severe first and a count of the rest.
 */
export function annotationPublisher(enabled: boolean): Publisher {
  const withCommands = (run: PublishRun) => {
    for (const annotation of annotationsFor(run.report)) run.runner.annotate(annotation);
  };
  return {
    name: 'annotations',
    wanted: () => enabled,
    needs: 'pullRequest',
    async publish(run, api, pullRequest) {
      const { report } = run;
      const all = report.findings.map(annotationOf);
      const result = await publishCheckRun(
        api.github,
        { owner: api.owner, repo: api.repo, headSha: pullRequest.headSha },
        {
          title: `clb-guard: ${report.summary.error} errors, ${report.summary.warning} warnings`,
          summary: renderMarkdown(report, { maxChars: 60_000, overflowHint: 'the job summary' }),
          conclusion: run.failed ? 'failure' : 'success',
          annotations: all,
        },
      );
      return `Annotations are on check run ${result.id} (${all.length} in ${result.batches} batches).`;
    },
    unavailable: withCommands,
    denied: (run) => {
      run.logger.debug('No checks: write permission; annotating with workflow commands instead.');
      withCommands(run);
    },
  };
}
