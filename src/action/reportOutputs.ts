import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { redactingLogger } from '../logging/redactingLogger.js';
import type { Report } from '../model/finding.js';
import type { SensitiveText } from '../model/sensitiveText.js';
import { summaryOf } from '../model/summary.js';
import { markdownLinks } from '../report/github/links.js';
import { type Publisher, type PublishRun, publishAll, type RepositoryApi } from '../report/github/publisher.js';
import { redactingRunner, redactRequests } from '../report/github/sensitiveOutput.js';
import { type WorkflowContext, workflowContext } from '../report/github/workflowContext.js';
import { jsonReportChunks } from '../report/jsonReport.js';
import { utf8Batches } from '../report/utf8Batches.js';
import type { ActionInputs } from './actionInputs.js';
import type { ActionIo } from './actionIo.js';
import { findingsExitCode } from './stepExit.js';

/**
 * What every mode does with its report: the report file, the publishers given (annotations,
 * summary, comment, SARIF, drift issue…) and the count outputs. `links`: commit links in the
 * Markdown (a plan's pull request).
 */
export async function publishReport(
  given: Report,
  inputs: ActionInputs,
  cwd: string,
  io: ActionIo,
  publishers: readonly Publisher[],
  options: { readonly links?: boolean; readonly sensitive?: SensitiveText } = {},
): Promise<void> {
  const workflow = workflowContext(io.event, io.env);
  const links = options.links ? markdownLinks(io.env, workflow.pullRequest?.headSha) : undefined;
  // The report is scrubbed already (once more here: the report file too); what the publishers
  // add (the `.tf` lines of an edit, …) and write is scrubbed again on its way out.
  const sensitive = options.sensitive !== undefined && !options.sensitive.empty ? options.sensitive : undefined;
  const report = sensitive ? sensitive.redactDeep(given) : given;
  const run: PublishRun = {
    report,
    failed: findingsExitCode(report, inputs) === 1,
    workflow,
    runner: sensitive ? redactingRunner(io.runner, sensitive) : io.runner,
    logger: sensitive ? redactingLogger(io.logger, sensitive) : io.logger,
    cwd,
    summaryNotes: [],
    ...(links ? { links } : {}),
    ...(sensitive ? { sensitive } : {}),
  };
  await writeReportFile(report, io);
  const api = repositoryApi(inputs, workflow, io);
  if (api !== undefined && sensitive !== undefined) redactRequests(api.github, sensitive);
  await publishAll(publishers, run, api);
  setCountOutputs(report, findingsExitCode(report, inputs), (name, value) => io.setOutput(name, value));
}

/** The JSON report in the runner's temp folder (output `report-file`), for every mode. */
async function writeReportFile(report: Report, io: ActionIo): Promise<void> {
  const reportFile = resolve(io.env.RUNNER_TEMP ?? tmpdir(), 'clb-guard-report.json');
  // In batches, as the CLI writes it: the report of a large plan is never one string.
  await io.runner.writeFile(reportFile, utf8Batches(jsonReportChunks(report)));
  io.setOutput('report-file', reportFile);
}

/** The repository's API when there is a token and a repository; publishers that need it fall back without. */
function repositoryApi(inputs: ActionInputs, workflow: WorkflowContext, io: ActionIo): RepositoryApi | undefined {
  return inputs.githubToken && workflow.owner && workflow.repo
    ? { github: io.githubClient(inputs.githubToken), owner: workflow.owner, repo: workflow.repo }
    : undefined;
}

/** Outputs `findings`, `errors`, `warnings` and `passed` (`exitCode`: the step's, so `passed` never disagrees with it). */
function setCountOutputs(report: Report, exitCode: number, setOutput: (name: string, value: string) => void): void {
  const summary = summaryOf(report.findings);
  setOutput('findings', String(report.findings.length));
  setOutput('errors', String(summary.error));
  setOutput('warnings', String(summary.warning));
  setOutput('passed', String(exitCode === 0 && report.complete));
}
