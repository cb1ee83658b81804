import { relative, resolve } from 'node:path';
import * as glob from '@actions/glob';
import { exitCodeFor, loadRunConfig } from '../check/index.js';
import { shardsOf } from '../check/shards.js';
import { InputError } from '../errors/inputError.js';
import type { Report } from '../model/finding.js';
import { driftIssuePublisher } from '../report/github/driftIssue.js';
import { jobSummaryPublisher } from '../report/github/jobSummary.js';
import { type PublishRun, publishAll } from '../report/github/publisher.js';
import { sarifFilePublisher } from '../report/github/sarifFile.js';
import { workflowContext } from '../report/github/workflowContext.js';
import { readReportFile } from '../report/mergeInput.js';
import { renderMergedMarkdown } from '../report/mergeMarkdown.js';
import { mergeReports } from '../report/mergeReports.js';
import type { ActionInputs } from './actionInputs.js';
import type { ActionIo } from './actionIo.js';
import { repositoryApi, setCountOutputs, writeReportFile } from './reportOutputs.js';

/**
 * `mode: merge`: the shards' JSON reports (input `reports`, globs) as one report, one job summary
 * with a section per account and region, one SARIF file and one drift issue. A shard the
 * config's accounts list but no report holds, or an incomplete one, fails the step (exit 2)
 * unless allow-partial.
 */
export async function runMergeAction(inputs: ActionInputs, cwd: string, io: ActionIo): Promise<number> {
  const config = await loadRunConfig({ cwd, logger: io.logger, ...(inputs.config ? { configFile: inputs.config } : {}) });
  // Patterns are relative to the workspace; `!pattern` excludes, as in @actions/glob.
  const patterns = inputs.reports.map((p) => (p.startsWith('!') ? `!${resolve(cwd, p.slice(1))}` : resolve(cwd, p)));
  const globber = await glob.create(patterns.join('\n'), { matchDirectories: false });
  const files = (await globber.glob()).sort();
  if (files.length === 0 && (config.accounts ?? []).length === 0)
    throw new InputError(`input "reports": no file matches ${inputs.reports.join(', ')}`);
  const shards = [];
  for (const file of files)
    shards.push({ file: relative(cwd, file) || file, report: await readReportFile(file, relative(cwd, file) || file) });
  const report = mergeReports(shards, shardsOf(config.accounts ?? []));
  for (const warning of new Set(report.warnings)) io.logger.warning(warning);
  io.logger.info(
    `Merged ${files.length} ${files.length === 1 ? 'report' : 'reports'}: ${(report.target.shards ?? []).length} account and region pairs.`,
  );
  await publishMerged(report, inputs, cwd, io);
  if (!report.complete && !inputs.allowPartial) {
    const incomplete = (report.target.shards ?? []).filter((s) => s.status !== 'complete');
    io.logger.error(
      `The merged result is incomplete: ${incomplete.map((s) => `${s.account} ${s.region} (${s.status === 'missing' ? 'no report' : 'incomplete scan'})`).join(', ')}. Re-run those shards, or set allow-partial to judge by the findings alone.`,
    );
    return 2;
  }
  if (exitCodeFor(report, inputs.failOn) === 1) {
    io.logger.error(
      `clb-guard found ${report.summary.error} errors, ${report.summary.warning} warnings and ${report.summary.notice} notices (fail-on: ${inputs.failOn}).`,
    );
    return 1;
  }
  return 0;
}

function mergedTitle(report: Report): string {
  const accounts = new Set((report.target.shards ?? []).map((s) => s.account)).size;
  return `clb-guard: ${report.summary.error} errors, ${report.summary.warning} warnings in ${accounts} live ${accounts === 1 ? 'account' : 'accounts'}${report.complete ? '' : ' (incomplete)'}`;
}

async function publishMerged(report: Report, inputs: ActionInputs, cwd: string, io: ActionIo): Promise<void> {
  const workflow = workflowContext(io.event, io.env);
  const run: PublishRun = {
    report,
    failed: exitCodeFor(report, inputs.failOn) === 1,
    workflow,
    runner: io.runner,
    logger: io.logger,
    cwd,
    summaryNotes: [],
  };
  const api = repositoryApi(inputs, workflow, io);
  await writeReportFile(report, io);
  await publishAll(
    [
      ...(inputs.sarifFile ? [sarifFilePublisher(inputs.sarifFile, (path) => io.setOutput('sarif-file', path))] : []),
      jobSummaryPublisher(renderMergedMarkdown),
      driftIssuePublisher(inputs.driftIssue, { title: mergedTitle, render: renderMergedMarkdown }),
    ],
    run,
    api,
  );
  setCountOutputs(report, exitCodeFor(report, inputs.failOn), (name, value) => io.setOutput(name, value));
}
