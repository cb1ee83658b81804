import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { exitCodeFor } from '../check/index.js';
import type { FailOn } from '../check/options.js';
import type { Report } from '../model/finding.js';
import { renderJson } from '../report/jsonReport.js';
import { describeOmissions, renderSarif } from '../report/sarifReport.js';

/**
 * The JSON report (output `report-file`) and, when asked, the SARIF file (output `sarif-file`).
 * Returns a note for the summary when SARIF had to leave findings out (no line in the repository:
 * code scanning cannot show them, the summary does), else ''.
 */
export async function writeReportFiles(report: Report, sarifFile: string | undefined, cwd: string): Promise<string> {
  const reportFile = resolve(process.env.RUNNER_TEMP ?? tmpdir(), 'clb-guard-report.json');
  await writeFile(reportFile, renderJson(report));
  core.setOutput('report-file', reportFile);
  if (!sarifFile) return '';
  const path = resolve(cwd, sarifFile);
  await mkdir(dirname(path), { recursive: true });
  const { sarif, omitted, omissions } = renderSarif(report, { repoRoot: cwd, fileExists: (p) => existsSync(resolve(cwd, p)) });
  await writeFile(path, `${JSON.stringify(sarif, null, 2)}\n`);
  core.setOutput('sarif-file', path);
  return omitted > 0 ? `\n\n> ${describeOmissions(omissions, report.findings.length)}\n` : '';
}

/** Outputs `findings`, `errors`, `warnings` and `passed`. */
export function setCountOutputs(report: Report, failOn: FailOn): void {
  const failures = report.findings.filter((f) => f.status === 'fail');
  core.setOutput('findings', String(report.findings.length));
  core.setOutput('errors', String(failures.filter((f) => f.severity === 'error').length));
  core.setOutput('warnings', String(failures.filter((f) => f.severity === 'warning').length));
  core.setOutput('passed', String(exitCodeFor(report, failOn) === 0 && report.complete));
}
