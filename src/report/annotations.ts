import type { Finding, Report, Severity } from '../model/finding.js';

/** GitHub shows at most this many annotations of each level per step and drops the rest silently. */
export const ANNOTATIONS_PER_LEVEL = 10;

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice';
  readonly message: string;
  readonly title: string;
  readonly file?: string;
  readonly startLine?: number;
  readonly endLine?: number;
}

/**
 * The annotations to send: most severe first, at most nine per level so that a tenth can say how
 * many more are in the job summary instead of GitHub dropping them without a word.
 */
export function annotationsFor(report: Report): Annotation[] {
  const out: Annotation[] = [];
  const levels: Severity[] = ['error', 'warning', 'notice'];
  for (const level of levels) {
    const findings = report.findings.filter((f) => levelOf(f) === level);
    const room = findings.length > ANNOTATIONS_PER_LEVEL ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL;
    out.push(...findings.slice(0, room).map(annotationOf));
    const rest = findings.length - room;
    if (rest > 0)
      out.push({
        level,
        title: `clb-guard: ${rest} more ${level}${rest === 1 ? '' : 's'}`,
        message: `${rest} more ${level} findings are listed in the job summary and the report.`,
      });
  }
  return out;
}

/** A failure a live backend outside the plan already had is not the PR's: a notice, never an error. */
function levelOf(f: Finding): Severity {
  return f.outsidePlan?.preexisting === true ? 'notice' : f.severity;
}

/** One finding as an annotation on its .tf line. */
export function annotationOf(f: Finding): Annotation {
  return {
    level: levelOf(f),
    title: `${f.policy}${f.status === 'unknown' ? ' (unknown)' : ''}${f.outsidePlan?.preexisting === true ? ' (pre-existing)' : ''}: ${f.resource}`,
    message: f.remediation ? `${f.message}\n\nFix: ${f.remediation}` : f.message,
    ...(f.location
      ? { file: f.location.file, startLine: f.location.line, ...(f.location.endLine ? { endLine: f.location.endLine } : {}) }
      : {}),
  };
}
