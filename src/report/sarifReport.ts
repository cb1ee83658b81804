import type { Finding, Report, Severity } from '../model/finding.js';

export const SARIF_RESULT_LIMIT = 25_000;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };
// GitHub code scanning ranks security results by this property (0.1–10).
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', notice: '2.0' };

export interface SarifOptions {
  readonly repoRoot?: string;
  /** Whether a repository-relative path exists; results pointing elsewhere are left out. */
  readonly fileExists?: (path: string) => boolean;
}

/**
 * SARIF 2.1.0 for code scanning: one rule per policy, one result per finding that has a location
 * in the repository (live findings without one are left out and counted in `omitted`).
 */
export function renderSarif(report: Report, options: SarifOptions = {}): { sarif: object; omitted: number } {
  const exists = options.fileExists ?? (() => true);
  const rules = report.policies.map((p) => ({
    id: p.id,
    name: p.id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: p.title },
    fullDescription: { text: p.description },
    help: { text: `${p.description}${p.remediation ? `\n\nFix: ${p.remediation}` : ''}`, markdown: `${p.description}${p.remediation ? `\n\n**Fix:** ${p.remediation}` : ''}${p.docs ? `\n\n[Documentation](${p.docs})` : ''}` },
    ...(p.docs ? { helpUri: p.docs } : {}),
    defaultConfiguration: { level: LEVEL[p.severity] },
    properties: { tags: ['security', 'tencentcloud', 'clb'], 'security-severity': SECURITY_SEVERITY[p.severity], precision: 'high' },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const located = report.findings.filter((f) => f.location !== null && exists(f.location.file) && ruleIndex.has(f.policy));
  const kept = located.slice(0, SARIF_RESULT_LIMIT);
  const results = kept.map((f) => result(f, ruleIndex.get(f.policy)!, exists));
  return {
    omitted: report.findings.length - kept.length,
    sarif: {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'clb-guard', version: report.tool.version, semanticVersion: report.tool.version, informationUri: 'https://github.com/clb-guard/clb-guard', rules } },
          originalUriBaseIds: { '%SRCROOT%': { uri: `file://${(options.repoRoot ?? '').replace(/\/?$/, '/')}` } },
          invocations: [{ executionSuccessful: report.complete }],
          results,
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
    region: { startLine: location.line, ...(location.endLine !== undefined && location.endLine >= location.line ? { endLine: location.endLine } : {}) },
  };
}
