import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { checkPlan, exitCodeFor } from '../check/index.js';
import { checkLive } from '../check/liveCheck.js';
import { errorMessage, InputError } from '../errors/inputError.js';
import type { Report } from '../model/finding.js';
import { annotationsFor } from '../report/annotations.js';
import { renderJson } from '../report/jsonReport.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarifReport.js';
import { actionsLogger } from './actionsLogger.js';
import { readActionInputs, type ActionInputs } from './actionInputs.js';

/** A step summary must stay under 1 MiB; leave room for what other steps write. */
const SUMMARY_LIMIT = 900_000;

/** The Action: inputs → check → annotations, summary, report files, outputs, exit status. */
export async function runAction(): Promise<void> {
  try {
    const inputs = readActionInputs();
    const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const report = await check(inputs, cwd);
    await publish(report, inputs, cwd);
    if (!report.complete && !inputs.allowPartial) {
      core.setFailed('The scan is incomplete: some API calls kept failing, so findings for those resources are unknown. Re-run, or set allow-partial to judge by the findings alone.');
      return;
    }
    if (exitCodeFor(report, inputs.failOn) === 1) {
      core.setFailed(`clb-guard found ${report.summary.error} errors, ${report.summary.warning} warnings and ${report.summary.notice} notices (fail-on: ${inputs.failOn}).`);
    }
  } catch (error) {
    // A user's mistake gets one clear line; a bug says so and asks to be reported.
    if (error instanceof InputError) core.setFailed(errorMessage(error));
    else core.setFailed(`clb-guard internal error: ${errorMessage(error)}. Please report it with the debug log (re-run with debug logging).`);
    if (!(error instanceof InputError) && error instanceof Error && error.stack) core.debug(error.stack);
  }
}

async function check(inputs: ActionInputs, cwd: string): Promise<Report> {
  const common = {
    cwd,
    logger: actionsLogger,
    ...(inputs.config ? { configFile: inputs.config } : {}),
    policyPaths: inputs.policies,
  };
  if (inputs.mode === 'plan') return checkPlan({ ...common, planFile: inputs.planFile!, ...(inputs.tfRoot ? { tfRoot: inputs.tfRoot } : {}) });
  return checkLive({ ...common, regions: inputs.regions, ...(inputs.apiEndpoint ? { apiEndpoint: inputs.apiEndpoint } : {}) });
}

async function publish(report: Report, inputs: ActionInputs, cwd: string): Promise<void> {
  if (inputs.annotations) {
    for (const a of annotationsFor(report)) {
      const properties = { title: a.title, ...(a.file ? { file: a.file, startLine: a.startLine, ...(a.endLine ? { endLine: a.endLine } : {}) } : {}) };
      if (a.level === 'error') core.error(a.message, properties);
      else if (a.level === 'warning') core.warning(a.message, properties);
      else core.notice(a.message, properties);
    }
  }
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderMarkdown(report, { maxChars: SUMMARY_LIMIT, overflowHint: 'the JSON report (output report-file)' })).write();
  }
  const reportFile = resolve(process.env.RUNNER_TEMP ?? cwd, 'clb-guard-report.json');
  await writeFile(reportFile, renderJson(report));
  core.setOutput('report-file', reportFile);
  if (inputs.sarifFile) {
    const path = resolve(cwd, inputs.sarifFile);
    await mkdir(dirname(path), { recursive: true });
    const { sarif, omitted } = renderSarif(report, { repoRoot: cwd, fileExists: (p) => existsSync(resolve(cwd, p)) });
    await writeFile(path, `${JSON.stringify(sarif, null, 2)}\n`);
    core.setOutput('sarif-file', path);
    if (omitted > 0) core.notice(`${omitted} findings have no location in the repository and are not in the SARIF file; they are in the job summary and the JSON report.`);
  }
  const failures = report.findings.filter((f) => f.status === 'fail');
  core.setOutput('findings', String(report.findings.length));
  core.setOutput('errors', String(failures.filter((f) => f.severity === 'error').length));
  core.setOutput('warnings', String(failures.filter((f) => f.severity === 'warning').length));
  core.setOutput('passed', String(exitCodeFor(report, inputs.failOn) === 0 && report.complete));
}
