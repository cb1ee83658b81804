import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import type { Logger } from '../../src/logging/logger.js';
import type { Report } from '../../src/model/finding.js';
import { SENSITIVE, SENSITIVE_REASON } from '../../src/model/sensitiveText.js';
import { annotationsFor } from '../../src/report/annotations.js';
import { renderJson } from '../../src/report/jsonReport.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarifReport.js';
import { renderText } from '../../src/report/textReport.js';
import { DEMO_PLAN_CHECK } from '../support/demoPlan.js';
import { DEMO_SECRETS, secretsIn, sensitiveDemoPlan } from '../support/sensitivePlan.js';

/** Every line a check logs, at any level. */
function recordingLogger(lines: string[]): Logger {
  const push = (m: string) => void lines.push(m);
  const group: Logger['group'] = (name, fn) => {
    push(name);
    return fn();
  };
  return { debug: push, info: push, warning: push, error: push, group, progress: push };
}

async function check(planFile: string, lines: string[] = []): Promise<Report> {
  return checkPlan({ ...DEMO_PLAN_CHECK, planFile, logger: recordingLogger(lines) });
}

/** Each output a plan check makes of its report: the four formats and the annotations. */
function outputs(report: Report): Record<string, string> {
  return {
    json: renderJson(report),
    sarif: JSON.stringify(renderSarif(report).sarif),
    markdown: renderMarkdown(report),
    text: renderText(report, { color: false, explain: true }),
    annotations: JSON.stringify(annotationsFor(report)),
  };
}

describe('values the plan marks sensitive', () => {
  it('appear in no report format, annotation or log line: each shows (sensitive) instead', async () => {
    const lines: string[] = [];
    const report = await check(sensitiveDemoPlan(), lines);
    for (const [format, text] of Object.entries(outputs(report))) {
      expect(secretsIn(text), format).toEqual([]);
      expect(text, format).toContain(SENSITIVE);
    }
    expect(secretsIn(lines.join('\n'))).toEqual([]);
    // The DROP rule still reads as what it is, without its CIDR and description.
    expect(renderText(report, { color: false, explain: true })).toContain(`DROP ${SENSITIVE} TCP:8443 (${SENSITIVE})`);
  });

  it('the same values unmarked are shown: the check itself is what hides them', async () => {
    const text = Object.values(outputs(await check(sensitiveDemoPlan({ marks: false })))).join('\n');
    expect(secretsIn(text).sort()).toEqual(Object.values(DEMO_SECRETS).sort());
  });

  it('still decide: the findings are those of the same plan unmarked, fingerprints included', async () => {
    const marked = await check(sensitiveDemoPlan());
    const unmarked = await check(sensitiveDemoPlan({ marks: false }));
    expect(marked.summary).toEqual(unmarked.summary);
    const verdicts = (r: Report) => r.findings.map((f) => [f.policy, f.resource, f.status, f.fingerprint]);
    expect(verdicts(marked)).toEqual(verdicts(unmarked));
  });

  it('a sensitive value that cannot be scrubbed from text (a port) is not used: what depends on it is unknown, with the reason', async () => {
    const report = await check(sensitiveDemoPlan({ port: true }));
    const unknown = report.findings.filter((f) => f.status === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    expect(JSON.stringify(unknown)).toContain(SENSITIVE_REASON);
    expect(report.summary.unknown).toBe(unknown.length);
  });
});
