import * as core from '@actions/core';
import * as glob from '@actions/glob';
import { relative, resolve } from 'node:path';
import { exitCodeFor, loadRunConfig } from '../check/index.js';
import { shardsOf } from '../check/shards.js';
import { InputError } from '../errors/inputError.js';
import type { Report } from '../model/finding.js';
import { syncDriftIssue } from '../report/github/driftIssue.js';
import { githubClient, isPermissionError } from '../report/github/githubClient.js';
import { readReportFile } from '../report/mergeInput.js';
import { renderMergedMarkdown } from '../report/mergeMarkdown.js';
import { mergeReports } from '../report/mergeReports.js';
import type { ActionInputs } from './actionInputs.js';
import { actionsLogger } from './actionsLogger.js';
import { setCountOutputs, writeReportFiles } from './reportOutputs.js';
import { workflowContext } from './workflowContext.js';

const SUMMARY_LIMIT = 900_000;

/**
 * `mode: merge`: the shards' JSON reports (input `reports`, globs) as one report, one job summary
 * with a section per account and region, one SARIF file and one drift issue. A shard the
 * config's accounts list but no report holds, or an incomplete one, fails the step (exit 2)
 * unless allow-partial.
 */
export async function runMergeAction(inputs: ActionInputs, cwd: string): Promise<void> {
  const config = await loadRunConfig({ cwd, logger: actionsLogger, ...(inputs.config ? { configFile: inputs.config } : {}) });
  // Patterns are relative to the workspace; `!pattern` excludes, as in @actions/glob.
  const patterns = inputs.reports.map((p) => (p.startsWith('!') ? `!${resolve(cwd, p.slice(1))}` : resolve(cwd, p)));
  const globber = await glob.create(patterns.join('\n'), { matchDirectories: false });
  const files = (await globber.glob()).sort();
  if (files.length === 0 && (config.accounts ?? []).length === 0) throw new InputError(`input "reports": no file matches ${inputs.reports.join(', ')}`);
  const shards = [];
  for (const file of files) shards.push({ file: relative(cwd, file) || file, report: await readReportFile(file, relative(cwd, file) || file) });
  const report = mergeReports(shards, shardsOf(config.accounts ?? []));
  for (const warning of new Set(report.warnings)) core.warning(warning);
  core.info(`Merged ${files.length} ${files.length === 1 ? 'report' : 'reports'}: ${(report.target.shards ?? []).length} account and region pairs.`);
  await publishMerged(report, inputs, cwd);
  if (!report.complete && !inputs.allowPartial) {
    const incomplete = (report.target.shards ?? []).filter((s) => s.status !== 'complete');
    core.setFailed(`The merged result is incomplete: ${incomplete.map((s) => `${s.account} ${s.region} (${s.status === 'missing' ? 'no report' : 'incomplete scan'})`).join(', ')}. Re-run those shards, or set allow-partial to judge by the findings alone.`);
    process.exitCode = 2;
    return;
  }
  if (exitCodeFor(report, inputs.failOn) === 1) core.setFailed(`clb-guard found ${report.summary.error} errors, ${report.summary.warning} warnings and ${report.summary.notice} notices (fail-on: ${inputs.failOn}).`);
}

async function publishMerged(report: Report, inputs: ActionInputs, cwd: string): Promise<void> {
  const context = workflowContext();
  const sarifNote = await writeReportFiles(report, inputs.sarifFile, cwd);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderMergedMarkdown(report, { maxChars: SUMMARY_LIMIT, overflowHint: 'the JSON report (output report-file)' }) + sarifNote).write();
  const scheduled = context.eventName === 'schedule' || context.eventName === 'workflow_dispatch';
  if (inputs.driftIssue === 'always' || (inputs.driftIssue === 'auto' && scheduled)) {
    if (!inputs.githubToken || !context.owner || !context.repo) core.notice('clb-guard: no token or repository here, so no drift issue.');
    else {
      try {
        const failures = report.findings.filter((f) => f.status === 'fail').length;
        const accounts = new Set((report.target.shards ?? []).map((s) => s.account)).size;
        const done = await syncDriftIssue(githubClient(inputs.githubToken), { owner: context.owner, repo: context.repo }, {
          findings: report.complete ? failures : Math.max(failures, 1),
          title: `clb-guard: ${report.summary.error} errors, ${report.summary.warning} warnings in ${accounts} live ${accounts === 1 ? 'account' : 'accounts'}${report.complete ? '' : ' (incomplete)'}`,
          body: renderMergedMarkdown(report, { maxChars: 60_000, overflowHint: context.runUrl ?? 'the workflow run' }) + (context.runUrl ? `\n\nLatest run: ${context.runUrl}` : ''),
          ...(context.runUrl ? { runUrl: context.runUrl } : {}),
        });
        core.info(`Drift issue ${done}.`);
      } catch (error) {
        if (!isPermissionError(error)) throw error;
        core.notice('clb-guard: the token may not manage issues; grant issues: write to get the drift issue.');
      }
    }
  }
  setCountOutputs(report, inputs.failOn);
}
