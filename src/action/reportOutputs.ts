import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Report } from '../model/finding.js';
import { summaryOf } from '../model/summary.js';
import type { RepositoryApi } from '../report/github/publisher.js';
import type { WorkflowContext } from '../report/github/workflowContext.js';
import { jsonReportChunks } from '../report/jsonReport.js';
import { utf8Batches } from '../report/utf8Batches.js';
import type { ActionInputs } from './actionInputs.js';
import type { ActionIo } from './actionIo.js';

/** The JSON report in the runner's temp folder (output `report-file`), for every mode. */
export async function writeReportFile(report: Report, io: ActionIo): Promise<void> {
  const reportFile = resolve(io.env.RUNNER_TEMP ?? tmpdir(), 'clb-guard-report.json');
  // In batches, as the CLI writes it: the report of a large plan is never one string.
  await io.runner.writeFile(reportFile, utf8Batches(jsonReportChunks(report)));
  io.setOutput('report-file', reportFile);
}

/** The repository's API when there is a token and a repository; publishers that need it fall back without. */
export function repositoryApi(inputs: ActionInputs, workflow: WorkflowContext, io: ActionIo): RepositoryApi | undefined {
  return inputs.githubToken && workflow.owner && workflow.repo
    ? { github: io.githubClient(inputs.githubToken), owner: workflow.owner, repo: workflow.repo }
    : undefined;
}

/** Outputs `findings`, `errors`, `warnings` and `passed` (`exitCode`: the step's, so `passed` never disagrees with it). */
export function setCountOutputs(report: Report, exitCode: number, setOutput: (name: string, value: string) => void): void {
  const summary = summaryOf(report.findings);
  setOutput('findings', String(report.findings.length));
  setOutput('errors', String(summary.error));
  setOutput('warnings', String(summary.warning));
  setOutput('passed', String(exitCode === 0 && report.complete));
}
