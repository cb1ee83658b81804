import { sensitiveTextOf } from '../check/sensitiveTexts.js';
import { InputError } from '../errors/inputError.js';
import type { Finding, Report } from '../model/finding.js';
import type { Inventory } from '../model/inventory.js';
import { summaryOf } from '../model/summary.js';
import { renderJson } from '../report/jsonReport.js';
import { renderMarkdown } from '../report/markdown.js';
import { pathGroupsOf } from '../report/pathDiagram/pathGroups.js';
import { renderPathsText } from '../report/pathDiagram/pathText.js';
import { renderText } from '../report/textReport.js';
import { closestMatch } from '../text/closestMatch.js';

export type ExplainFormat = 'text' | 'markdown' | 'json';

/**
 * `explain ID`: the findings about one backend, listener, CLB, group or ACL (or one finding, by
 * fingerprint), each failing flow's path layer by layer, the deciding rules and the fix. The
 * report is the whole check cut down to them, so the exit code follows --fail-on as for `plan`.
 */
export function explainReport(report: Report, inventory: Inventory | undefined, given: string, source: string): Report {
  // A cloud ID (`sg-…`) names the resource whose key findings use.
  const id = inventory?.aliases.get(given) ?? given;
  const findings = report.findings.filter((f) => concerns(f, id));
  if (findings.length === 0 && !knownNames(inventory, report).has(id)) {
    const meant = closestMatch(given, knownNames(inventory, report));
    // The names come from the inventory, which keeps the plan's sensitive values: scrubbed as the report is.
    const sensitive = sensitiveTextOf(inventory);
    throw new InputError(sensitive.redact(`${source} has no resource or finding "${given}"${meant ? `; did you mean ${meant}?` : ''}`));
  }
  return { ...report, findings, summary: summaryOf(findings) };
}

export function renderExplained(report: Report, id: string, format: ExplainFormat, color: boolean): string {
  if (format === 'json') return renderJson(report);
  if (format === 'markdown') return renderMarkdown(report, { heading: `clb-guard explain ${id}` });
  const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  if (report.findings.length === 0)
    return `${id}: no finding — every flow the policies check passes (${report.policies.length} policies).\n`;
  const paths = renderPathsText(pathGroupsOf(report.findings), paint);
  const head = [paint('1', `explain ${id}: ${report.findings.length} ${report.findings.length === 1 ? 'finding' : 'findings'}`), ''];
  const noPath = paths.length === 0 ? ['no failing flow to draw: the findings below are about rules, not paths', ''] : [];
  return `${[...head, ...paths, ...noPath].join('\n')}${renderText({ ...report, warnings: [] }, { color, explain: true })}`;
}

function concerns(f: Finding, id: string): boolean {
  if (f.fingerprint === id || (id.length >= 8 && /^[0-9a-f]+$/.test(id) && f.fingerprint.startsWith(id))) return true;
  if (f.resource === id || f.related.includes(id) || f.related.includes(`${id}/eth0`)) return true;
  return (f.paths ?? []).some(
    (p) => p.target === id || p.listener === id || p.loadBalancer === id || p.layers.some((l) => l.resource === id),
  );
}

/** Every name `explain` accepts: the inventory's keys and cloud IDs, and the findings' fingerprints. */
function knownNames(inventory: Inventory | undefined, report: Report): Set<string> {
  const names = new Set<string>(report.findings.flatMap((f) => [f.fingerprint, f.resource, ...f.related]));
  if (inventory === undefined) return names;
  const add = (key: string, cloudId: string | undefined) => {
    names.add(key);
    if (cloudId !== undefined) names.add(cloudId);
  };
  for (const lb of inventory.loadBalancers.values()) {
    add(lb.key, lb.provenance.cloudId);
    for (const listener of lb.listeners) {
      add(listener.key, listener.provenance.cloudId);
      for (const rule of listener.rules) add(rule.key, rule.provenance.cloudId);
    }
  }
  for (const map of [inventory.instances, inventory.networkInterfaces, inventory.securityGroups, inventory.networkAcls, inventory.subnets])
    for (const item of map.values()) add(item.key, item.provenance.cloudId);
  for (const instance of inventory.instances.values()) for (const nic of instance.interfaces) names.add(nic.key);
  for (const alias of inventory.aliases.keys()) names.add(alias);
  return names;
}
