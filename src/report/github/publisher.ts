import type { Logger } from '../../logging/logger.js';
import type { Report } from '../../model/finding.js';
import type { SensitiveText } from '../../model/sensitiveText.js';
import type { MarkdownLinks } from '../markdown.js';
import { type GitHubClient, isPermissionError, isRateLimitError, type RepositoryRef } from './githubClient.js';
import type { WorkflowContext } from './workflowContext.js';
import type { WorkflowRunner } from './workflowRunner.js';

/** One run's findings and everything a publisher may use to put them somewhere on GitHub. */
export interface PublishRun {
  readonly report: Report;
  /** Whether findings reach the fail-on level: the check run's conclusion. */
  readonly failed: boolean;
  readonly workflow: WorkflowContext;
  readonly runner: WorkflowRunner;
  readonly logger: Logger;
  /** Repository root: `.tf` paths in findings are relative to it. */
  readonly cwd: string;
  readonly links?: MarkdownLinks;
  /** Lines for the job summary that publishers before it add (what SARIF leaves out, …). */
  readonly summaryNotes: string[];
  /** The plan's sensitive values: never in what is published (the report is scrubbed of them already). */
  readonly sensitive?: SensitiveText;
}

/** The API, for the repository the workflow runs in. */
export interface RepositoryApi extends RepositoryRef {
  readonly github: GitHubClient;
}

/** What to do when a publisher cannot publish: a notice, or another way to say the same. */
export type Fallback = string | ((run: PublishRun) => Promise<void> | void);

export type PullRequestRef = NonNullable<WorkflowContext['pullRequest']>;

interface PublisherBase {
  readonly name: string;
  /** Whether this run calls for it (its input and the event). */
  wanted(run: PublishRun): boolean;
  /** Wanted, but there is no token, repository or pull request here. */
  readonly unavailable?: Fallback;
  /** GitHub refused the token (read-only token of a fork PR, a permission not granted). */
  readonly denied?: Fallback;
}

/**
 * One place the findings go (as reviewdog's CommentService, conftest's Outputter): annotations,
 * check run, the job summary, the sticky comment, the drift issue, the SARIF file. It says what
 * it needs of GitHub — nothing but the runner, the repository's API, or the API and a pull
 * request — and returns the line for the log, if any.
 */
export type Publisher =
  | (PublisherBase & { readonly needs: 'runner'; publish(run: PublishRun): Promise<string | undefined> })
  | (PublisherBase & { readonly needs: 'repository'; publish(run: PublishRun, api: RepositoryApi): Promise<string | undefined> })
  | (PublisherBase & {
      readonly needs: 'pullRequest';
      publish(run: PublishRun, api: RepositoryApi, pullRequest: PullRequestRef): Promise<string | undefined>;
    });

/**
 * Runs each wanted publisher in order. A refused token (403/404) never fails the run: the
 * publisher's fallback says so or publishes another way. A rate limit the client could not wait
 * out is a warning. Anything else is a real error.
 */
export async function publishAll(publishers: readonly Publisher[], run: PublishRun, api: RepositoryApi | undefined): Promise<void> {
  for (const publisher of publishers) {
    if (!publisher.wanted(run)) continue;
    const pullRequest = run.workflow.pullRequest;
    const publish =
      publisher.needs === 'runner'
        ? () => publisher.publish(run)
        : api === undefined
          ? undefined
          : publisher.needs === 'repository'
            ? () => publisher.publish(run, api)
            : pullRequest !== undefined
              ? () => publisher.publish(run, api, pullRequest)
              : undefined;
    if (publish === undefined) {
      await fallBack(publisher.unavailable, run);
      continue;
    }
    try {
      const done = await publish();
      if (done !== undefined) run.logger.info(done);
    } catch (error) {
      // Still rate-limited after the client's waits: the findings are in the job summary and the
      // report; losing one place they are shown must not fail the check.
      if (isRateLimitError(error)) {
        run.logger.warning(
          `clb-guard: GitHub's rate limit stopped the ${publisher.name}; the findings are in the job summary and the report.`,
        );
        continue;
      }
      if (!isPermissionError(error)) throw error;
      run.logger.debug(`${publisher.name}: GitHub refused the token (${(error as { status?: number }).status}).`);
      await fallBack(publisher.denied, run);
    }
  }
}

async function fallBack(fallback: Fallback | undefined, run: PublishRun): Promise<void> {
  if (fallback === undefined) return;
  if (typeof fallback === 'string') run.runner.notice(fallback);
  else await fallback(run);
}
