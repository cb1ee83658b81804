import { type Finding, type FixGroup, fixGroupsOf, fixSummary, type Report } from '../model/finding.js';

/**
 * The stable JSON contract (schema/report.schema.json). Keys are written in a fixed order so
 * that reports diff cleanly between runs.
 */
export function renderJson(report: Report): string {
  return [...jsonReportChunks(report)].join('');
}

/**
 * The text of `renderJson`, piece by piece: a report of tens of thousands of findings is written
 * without ever being one string (that string and its UTF-8 copy were the largest objects of a
 * large check). The pieces are exactly `JSON.stringify(report, null, 2)` of the ordered report:
 * each item of the long arrays (findings, fixes) is its own piece, serialised at the indentation
 * it has in the whole document, the other fields one at a time. An item at a time measured
 * faster than batches of items (a third less CPU for the findings of a 122 MB report, which are
 * nearly all two-byte strings: their messages have arrows).
 */
export function* jsonReportChunks(report: Report): Generator<string> {
  const fields: [string, unknown][] = [
    ['version', report.version],
    ['tool', { name: report.tool.name, version: report.tool.version }],
    ['mode', report.mode],
    ['complete', report.complete],
    ['incompleteReasons', report.incompleteReasons],
    [
      'summary',
      {
        error: report.summary.error,
        warning: report.summary.warning,
        notice: report.summary.notice,
        unknown: report.summary.unknown,
      },
    ],
  ];
  yield* topLevelFields(fields, true);
  yield* topLevelArray('findings', report.findings, orderFinding);
  yield* topLevelArray('fixes', fixGroupsOf(report.findings), orderFix);
  yield* topLevelFields(
    [
      [
        'policies',
        report.policies.map((p) => ({
          id: p.id,
          title: p.title,
          description: p.description,
          severity: p.severity,
          source: p.source,
          ...(p.remediation ? { remediation: p.remediation } : {}),
          ...(p.docs ? { docs: p.docs } : {}),
        })),
      ],
      ['exceptions', report.exceptions],
      ['warnings', report.warnings],
      ['target', report.target],
      ['counts', report.counts],
      ['resolution', report.resolution],
    ],
    false,
  );
  yield '\n}\n';
}

/** `  "key": value` lines of the top-level object, each as `JSON.stringify` indents it; undefined values are left out as it does. */
function* topLevelFields(fields: readonly (readonly [string, unknown])[], first: boolean): Generator<string> {
  let lead = first ? '{\n' : ',\n';
  for (const [key, value] of fields) {
    if (value === undefined) continue;
    // `{\n  "key": value\n}` without its braces: the field at depth 1.
    yield `${lead}${JSON.stringify({ [key]: value }, null, 2).slice(2, -2)}`;
    lead = ',\n';
  }
}

/** `,\n  "key": [ … ]`, an item a piece. */
function* topLevelArray<T>(key: string, items: readonly T[], order: (item: T) => unknown): Generator<string> {
  if (items.length === 0) {
    yield `,\n  ${JSON.stringify(key)}: []`;
    return;
  }
  yield `,\n  ${JSON.stringify(key)}: [`;
  let separator = '';
  for (const item of items) {
    // An item in an array in an array is at depth 2, where the top-level array's items are:
    // `[\n  [\n    {…}\n  ]\n]` without the outer five and six characters.
    yield `${separator}${JSON.stringify([[order(item)]], null, 2).slice(5, -6)}`;
    separator = ',';
  }
  yield '\n  ]';
}

function orderFix(group: FixGroup) {
  return {
    id: group.fix.id,
    summary: fixSummary(group),
    text: group.fix.text,
    ...(group.fix.resource !== undefined ? { resource: group.fix.resource } : {}),
    location: group.fix.location ?? null,
    ...(group.fix.hcl !== undefined ? { hcl: group.fix.hcl } : {}),
    ...(group.fix.api !== undefined
      ? { api: { service: group.fix.api.service, action: group.fix.api.action, request: group.fix.api.request } }
      : {}),
    rules: group.fix.rules,
    findings: group.findings.map((f) => f.fingerprint),
  };
}

function orderFinding(f: Finding) {
  return {
    policy: f.policy,
    title: f.title,
    severity: f.severity,
    status: f.status,
    resource: f.resource,
    related: f.related,
    message: f.message,
    location: f.location,
    evidence: f.evidence,
    ...(f.fix !== undefined ? { fix: f.fix.id } : {}),
    ...(f.remediation !== undefined ? { remediation: f.remediation } : {}),
    ...(f.docs !== undefined ? { docs: f.docs } : {}),
    ...(f.consoleUrl !== undefined ? { consoleUrl: f.consoleUrl } : {}),
    ...(f.account !== undefined ? { account: f.account } : {}),
    ...(f.region !== undefined ? { region: f.region } : {}),
    ...(f.outsidePlan !== undefined ? { outsidePlan: f.outsidePlan } : {}),
    fingerprint: f.fingerprint,
  };
}
