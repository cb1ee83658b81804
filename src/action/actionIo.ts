import type { Logger } from '../logging/logger.js';
import type { GitHubClient } from '../report/github/githubClient.js';
import type { WorkflowEvent } from '../report/github/workflowContext.js';
import type { WorkflowRunner } from '../report/github/workflowRunner.js';

/**
 * Everything the Action reads and writes, passed in (as `runCli` takes its `CliIo`): the runner's
 * implementation is `actionsIo()`, tests pass their own.
 */
export interface ActionIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The step's `with:` value of an input, '' when not set. */
  input(name: string): string;
  /** The event the workflow runs for. */
  readonly event: WorkflowEvent;
  readonly runner: WorkflowRunner;
  readonly logger: Logger;
  /** The API client for a token (GitHub, GitHub Enterprise Server or a stand-in). */
  githubClient(token: string): GitHubClient;
  setOutput(name: string, value: string): void;
  /** Masks a value in every later log line. */
  setSecret(secret: string): void;
  /** The workflow's OIDC ID token (needs `id-token: write`), for this audience or GitHub's default. */
  idToken(audience?: string): Promise<string>;
  /** A full garbage collection, for the plan check's moments (`PlanCheckOptions.releaseGarbage`). */
  readonly releaseGarbage?: () => void;
}
