import type { Finding, Report, Severity } from '../model/finding.js';
import { incompleteNote, incompleteReasonLines } from './incompleteNote.js';

export const SARIF_RESULT_LIMIT = 25_000;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };
// GitHub code scanning ranks security results by this property (0.1–10).
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', notice: '2.0' };

export interface SarifOptions {
  readonly repoRoot?: string;
  /** Whether a repository-relative path exists; results pointing elsewhere are left out. */
  readonly fileExists?: (path: string) => boolean;
}

/** Why findings are not SARIF results, by reason. */
export interface SarifOmissions {
  /** No `.tf` line: live findings, or plan findings whose resources no `.tf` file declared. */
  readonly noLocation: number;
  /** The location's file is not in the repository (outside it, or not checked out). */
  readonly notInRepository: number;
  /** Past the result limit code scanning accepts per run. */
  readonly overLimit: number;
}

const OMITTED_NOTIFICATION = 'omitted-findings';
const INCOMPLETE_NOTIFICATION = 'incomplete-check';

/** The run's notification descriptors: a notification points at its own by index. */
const NOTIFICATION_DESCRIPTORS = [
  descriptor(
    OMITTED_NOTIFICATION,
    'OmittedFindings',
    'Findings left out of the SARIF file.',
    'Findings without a location in the repository, or past the result limit, cannot be SARIF results; the notification says how many and why.',
    'warning',
  ),
  descriptor(
    INCOMPLETE_NOTIFICATION,
    'IncompleteCheck',
    'Part of the input could not be checked.',
    'Data that did not arrive (a deferred plan, a part that could not be read, a resource that could not be linked, API calls that kept failing) leaves checks undecided; the notification says which.',
    'error',
  ),
];

function descriptor(id: string, name: string, short: string, full: string, level: 'error' | 'warning') {
  return { id, name, shortDescription: { text: short }, fullDescription: { text: full }, defaultConfiguration: { level } };
}

/** Why the run is not a clean bill of health: code scanning shows it with the failed execution. */
function incompleteNotification(report: Report): object {
  const reasons = incompleteReasonLines(report);
  const text = `The check is incomplete: ${incompleteNote(report)}.${reasons.length > 0 ? ` ${reasons.join('; ')}` : ''}`;
  return {
    level: 'error',
    message: { text },
    descriptor: { id: INCOMPLETE_NOTIFICATION, index: 1 },
    ...(report.incompleteReasons !== undefined ? { properties: { reasons: report.incompleteReasons } } : {}),
  };
}

/** One sentence: how many findings the SARIF file leaves out and why. */
export function describeOmissions(omissions: SarifOmissions, findings: number): string {
  const parts = [
    omissions.noLocation > 0
      ? `${omissions.noLocation} without a location in the repository (live findings, or plan findings whose resources no .tf file under tf-root declares)`
      : '',
    omissions.notInRepository > 0 ? `${omissions.notInRepository} whose file is not in the repository` : '',
    omissions.overLimit > 0 ? `${omissions.overLimit} over the limit of ${SARIF_RESULT_LIMIT} results` : '',
  ].filter((p) => p !== '');
  const total = omissions.noLocation + omissions.notInRepository + omissions.overLimit;
  return `${total} of ${findings} findings are not in this SARIF file: ${parts.join('; ')}. They are in the JSON report and the job summary.`;
}

/**
 * SARIF 2.1.0 for code scanning: one rule per policy, one result per finding that has a location
 * in the repository. What is left out is counted in `omitted`, by reason in the run's
 * `properties.omittedFindings`, and said in a tool execution notification.
 */
export function renderSarif(report: Report, options: SarifOptions = {}): { sarif: object; omitted: number; omissions: SarifOmissions } {
  const exists = options.fileExists ?? (() => true);
  const rules = report.policies.map((p) => ({
    id: p.id,
    name: p.id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: p.title },
    fullDescription: { text: p.description },
    help: {
      text: `${p.description}${p.remediation ? `\n\nFix: ${p.remediation}` : ''}`,
      markdown: `${p.description}${p.remediation ? `\n\n**Fix:** ${p.remediation}` : ''}${p.docs ? `\n\n[Documentation](${p.docs})` : ''}`,
    },
    ...(p.docs ? { helpUri: p.docs } : {}),
    defaultConfiguration: { level: LEVEL[p.severity] },
    properties: { tags: ['security', 'tencentcloud', 'clb'], 'security-severity': SECURITY_SEVERITY[p.severity], precision: 'high' },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // Every finding's policy is among report.policies; one that is not cannot be a result either.
  const withLocation = report.findings.filter((f) => f.location !== null && ruleIndex.has(f.policy));
  const located = withLocation.filter((f) => exists(f.location!.file));
  const kept = located.slice(0, SARIF_RESULT_LIMIT);
  const results = kept.map((f) => result(f, ruleIndex.get(f.policy)!, exists));
  const omissions: SarifOmissions = {
    noLocation: report.findings.length - withLocation.length,
    notInRepository: withLocation.length - located.length,
    overLimit: located.length - kept.length,
  };
  const omitted = report.findings.length - kept.length;
  const notifications: object[] = [];
  if (!report.complete) notifications.push(incompleteNotification(report));
  if (omitted > 0)
    notifications.push({
      level: 'warning',
      message: { text: describeOmissions(omissions, report.findings.length) },
      descriptor: { id: OMITTED_NOTIFICATION, index: 0 },
      properties: { ...omissions },
    });
  return {
    omitted,
    omissions,
    sarif: {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'clb-guard',
              version: report.tool.version,
              semanticVersion: report.tool.version,
              informationUri: 'https://github.com/clb-guard/clb-guard',
              rules,
              notifications: NOTIFICATION_DESCRIPTORS,
            },
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: `file://${(options.repoRoot ?? '').replace(/\/?$/, '/')}` } },
          invocations: [
            { executionSuccessful: report.complete, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) },
          ],
          results,
          properties: { findings: report.findings.length, omittedFindings: { total: omitted, ...omissions } },
        },
      ],
    },
  };
}

function result(f: Finding, ruleIndex: number, exists: (path: string) => boolean) {
  const location = f.location!;
  const related = f.evidence
    .filter((e) => e.location && exists(e.location.file))
    .slice(0, 10)
    .map((e, i) => ({ id: i + 1, message: { text: `${e.verdict}: ${e.rule}` }, physicalLocation: physical(e.location!) }));
  return {
    ruleId: f.policy,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.status === 'unknown' ? `[unknown] ${f.message}` : f.message },
    locations: [{ physicalLocation: physical(location), logicalLocations: [{ fullyQualifiedName: f.resource, kind: 'resource' }] }],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    partialFingerprints: { 'clbGuard/v1': f.fingerprint },
    properties: { status: f.status, resource: f.resource, related: f.related, ...(f.remediation ? { remediation: f.remediation } : {}) },
  };
}

function physical(location: { file: string; line: number; endLine?: number }) {
  return {
    artifactLocation: { uri: location.file.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
    region: {
      startLine: location.line,
      ...(location.endLine !== undefined && location.endLine >= location.line ? { endLine: location.endLine } : {}),
    },
  };
}
