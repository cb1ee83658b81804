import { relative, resolve } from 'node:path';
import * as glob from '@actions/glob';
import { InputError } from '../errors/inputError.js';
import type { Report } from '../model/finding.js';
import { driftIssuePublisher } from '../report/github/driftIssue.js';
import { jobSummaryPublisher } from '../report/github/jobSummary.js';
import { sarifFilePublisher } from '../report/github/sarifFile.js';
import { expectedShards, incompleteShardsText, readShardReports } from '../report/mergeInput.js';
import { renderMergedMarkdown } from '../report/mergeMarkdown.js';
import { mergeReports } from '../report/mergeReports.js';
import type { ActionInputs } from './actionInputs.js';
import type { ActionIo } from './actionIo.js';
import { publishReport } from './reportOutputs.js';
import { stepExitCode } from './stepExit.js';

/**
 * `mode: merge`: the shards' JSON reports (input `reports`, globs) as one report, one job summary
 * with a section per account and region, one SARIF file and one drift issue. A shard the
 * config's accounts list but no report holds, or an incomplete one, fails the step (exit 2)
 * unless allow-partial.
 */
export async function runMergeAction(inputs: ActionInputs, cwd: string, io: ActionIo): Promise<number> {
  const expected = await expectedShards({ cwd, logger: io.logger, ...(inputs.config ? { configFile: inputs.config } : {}) });
  // Patterns are relative to the workspace; `!pattern` excludes, as in @actions/glob.
  const patterns = inputs.reports.map((p) => (p.startsWith('!') ? `!${resolve(cwd, p.slice(1))}` : resolve(cwd, p)));
  const globber = await glob.create(patterns.join('\n'), { matchDirectories: false });
  const files = (await globber.glob()).sort();
  if (files.length === 0 && expected.length === 0) throw new InputError(`input "reports": no file matches ${inputs.reports.join(', ')}`);
  const shards = await readShardReports(files.map((file) => ({ path: file, display: relative(cwd, file) || file })));
  const report = mergeReports(shards, expected);
  for (const warning of new Set(report.warnings)) io.logger.warning(warning);
  io.logger.info(
    `Merged ${files.length} ${files.length === 1 ? 'report' : 'reports'}: ${(report.target.shards ?? []).length} account and region pairs.`,
  );
  await publishMerged(report, inputs, cwd, io);
  return stepExitCode(
    report,
    inputs,
    io.logger,
    `The merged result is incomplete: ${incompleteShardsText(report)}. Re-run those shards, or set allow-partial to judge by the findings alone.`,
  );
}

function mergedTitle(report: Report): string {
  const accounts = new Set((report.target.shards ?? []).map((s) => s.account)).size;
  return `clb-guard: ${report.summary.error} errors, ${report.summary.warning} warnings in ${accounts} live ${accounts === 1 ? 'account' : 'accounts'}${report.complete ? '' : ' (incomplete)'}`;
}

async function publishMerged(report: Report, inputs: ActionInputs, cwd: string, io: ActionIo): Promise<void> {
  await publishReport(report, inputs, cwd, io, [
    ...(inputs.sarifFile ? [sarifFilePublisher(inputs.sarifFile, (path) => io.setOutput('sarif-file', path))] : []),
    jobSummaryPublisher(renderMergedMarkdown),
    driftIssuePublisher(inputs.driftIssue, { title: mergedTitle, render: renderMergedMarkdown }),
  ]);
}
