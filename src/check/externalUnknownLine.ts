import type { Finding, Report } from '../model/finding.js';
import type { Inventory } from '../model/inventory.js';
import { externalReferencesOf } from '../sources/hybrid/externalReferences.js';

/** Cloud IDs as they appear in messages and reasons. */
const CLOUD_ID = /\b(?:sg|ins|eni|subnet|vpc|acl|lb|ipm|ipmg|ppm|ppmg)-[0-9a-z]+\b/g;

/** "3 checks stayed unknown because of external references (sg-…, subnet-…)". */
export function externalUnknownLine(report: Report, inventory: Inventory): string {
  const ids = [...externalReferencesOf(inventory).ids.values()].flatMap((s) => [...s]);
  const external = new Set(ids);
  // One pass over each unknown finding's text, whatever the number of IDs.
  const mentions = (f: Finding) => {
    const text = [f.message, ...f.evidence.map((e) => e.reason ?? '')].join(' ');
    return (
      (text.match(CLOUD_ID) ?? []).some((id) => external.has(id)) ||
      /not in this plan|not in this check|not managed in this configuration/.test(text)
    );
  };
  const count = report.findings.filter((f) => f.status === 'unknown' && mentions(f)).length;
  const named = ids.slice(0, 3).join(', ');
  return `${count} ${count === 1 ? 'check' : 'checks'} stayed unknown because of external references${ids.length > 0 ? ` (${named}${ids.length > 3 ? ', …' : ''})` : ''}`;
}
