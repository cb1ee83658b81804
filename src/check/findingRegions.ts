import type { Report } from '../model/finding.js';
import type { Inventory } from '../model/inventory.js';
import { provenancesOf } from './index.js';

/** The `rid` of a console link: the region the live reader read the object in. */
function regionOfLink(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  return new URL(url).searchParams.get('rid') ?? undefined;
}

/**
 * Live mode: each finding says the region its resource was read in, so a report of several
 * regions can be cut into sections (and merged) by region without guessing.
 */
export function withFindingRegions(report: Report, inventory: Inventory): Report {
  const regions = new Map<string, string>();
  for (const p of provenancesOf(inventory)) {
    const region = regionOfLink(p.consoleUrl);
    if (region !== undefined) regions.set(p.address, region);
  }
  return { ...report, findings: report.findings.map((f) => (regions.has(f.resource) ? { ...f, region: regions.get(f.resource)! } : f)) };
}
