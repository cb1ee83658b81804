import type { Finding } from '../../model/finding.js';
import type { FlowPath } from '../../model/flowPath.js';

/** One distinct path: the failing flows of one or more targets that cross the same layers alike. */
export interface PathGroup {
  readonly loadBalancer?: string;
  readonly listener?: string;
  /** The backends (or listeners) that share this path, in report order. */
  readonly targets: readonly string[];
  /** Each failing flow once, without its target. */
  readonly flows: readonly FlowPath[];
  /** The findings whose flows these are. */
  readonly findings: readonly Finding[];
}

/**
 * Groups the findings' paths per target (a backend behind a listener), then targets whose flows
 * are the same: one diagram per distinct path, listing the targets that share it.
 */
export function pathGroupsOf(findings: readonly Finding[]): PathGroup[] {
  const byTarget = new Map<string, { path: FlowPath; flows: Map<string, FlowPath>; findings: Set<Finding> }>();
  for (const finding of findings) {
    if (finding.status !== 'fail') continue;
    for (const path of finding.paths ?? []) {
      const key = `${path.loadBalancer ?? ''}\u0000${path.listener ?? ''}\u0000${path.target}`;
      const entry = byTarget.get(key) ?? { path, flows: new Map<string, FlowPath>(), findings: new Set<Finding>() };
      const flowKey = flowSignature(path);
      if (!entry.flows.has(flowKey)) entry.flows.set(flowKey, path);
      entry.findings.add(finding);
      byTarget.set(key, entry);
    }
  }
  const groups = new Map<
    string,
    { loadBalancer?: string; listener?: string; targets: string[]; flows: FlowPath[]; findings: Set<Finding> }
  >();
  for (const { path, flows, findings: found } of byTarget.values()) {
    const signature = `${path.loadBalancer ?? ''}\u0000${path.listener ?? ''}\u0000${[...flows.keys()].sort().join('\u0001')}`;
    let group = groups.get(signature);
    if (group === undefined) {
      group = {
        ...(path.loadBalancer ? { loadBalancer: path.loadBalancer } : {}),
        ...(path.listener ? { listener: path.listener } : {}),
        targets: [],
        flows: [...flows.values()],
        findings: new Set(),
      };
      groups.set(signature, group);
    }
    group.targets.push(path.target);
    for (const f of found) group.findings.add(f);
  }
  return [...groups.values()].map((g) => ({ ...g, findings: [...g.findings] }));
}

/** What a flow is, its target left out: two backends whose flows are alike share a diagram. */
function flowSignature(path: FlowPath): string {
  return JSON.stringify([path.source, path.destination, path.layers]);
}
