import { type Finding, fixGroupsOf, fixSummary, type Report } from '../model/finding.js';

/**
 * The stable JSON contract (schema/report.schema.json). Keys are written in a fixed order so
 * that reports diff cleanly between runs.
 */
export function renderJson(report: Report): string {
  const ordered = {
    version: report.version,
    tool: { name: report.tool.name, version: report.tool.version },
    mode: report.mode,
    complete: report.complete,
    summary: {
      error: report.summary.error,
      warning: report.summary.warning,
      notice: report.summary.notice,
      unknown: report.summary.unknown,
    },
    findings: report.findings.map(orderFinding),
    fixes: fixGroupsOf(report.findings).map((group) => ({
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
    })),
    policies: report.policies.map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      severity: p.severity,
      source: p.source,
      ...(p.remediation ? { remediation: p.remediation } : {}),
      ...(p.docs ? { docs: p.docs } : {}),
    })),
    exceptions: report.exceptions,
    warnings: report.warnings,
    target: report.target,
    counts: report.counts,
    ...(report.resolution !== undefined ? { resolution: report.resolution } : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
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
