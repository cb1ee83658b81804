import type { Finding, Report } from './finding.js';

/**
 * A report's `summary`: failing findings by severity, and the unknowns. The one place it is
 * counted, so a report, a merged report, each of its sections and an explanation cut down to a
 * few findings always count the same way.
 */
export function summaryOf(findings: readonly Finding[]): Report['summary'] {
  const summary = { error: 0, warning: 0, notice: 0, unknown: 0 };
  for (const f of findings) {
    if (f.status === 'unknown') summary.unknown++;
    else summary[f.severity]++;
  }
  return summary;
}
