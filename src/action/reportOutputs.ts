import { exitCodeFor } from '../check/index.js';
import type { FailOn } from '../check/options.js';
import type { Report } from '../model/finding.js';

/** Outputs `findings`, `errors`, `warnings` and `passed`. */
export function setCountOutputs(report: Report, failOn: FailOn, setOutput: (name: string, value: string) => void): void {
  const failures = report.findings.filter((f) => f.status === 'fail');
  setOutput('findings', String(report.findings.length));
  setOutput('errors', String(failures.filter((f) => f.severity === 'error').length));
  setOutput('warnings', String(failures.filter((f) => f.severity === 'warning').length));
  setOutput('passed', String(exitCodeFor(report, failOn) === 0 && report.complete));
}
