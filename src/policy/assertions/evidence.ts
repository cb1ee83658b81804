import type { Evidence } from '../../model/finding.js';
import { describePorts } from '../../net/portSet.js';
import type { FlowQuery, VerdictPart } from '../../net/flow.js';

const MAX_EVIDENCE = 12;

/** "45.33.0.0/16 TCP:8443" or "the VIP of tencentcloud_clb_instance.web TCP:8444". */
export function describePart(part: VerdictPart, protocol: string): string {
  const who = part.symbol ? part.symbol.label : part.addresses.describe();
  return protocol === 'TCP' || protocol === 'UDP' ? `${who} ${protocol}:${describePorts(part.ports)}` : `${who} ${protocol}`;
}

export function evidenceOf(parts: readonly VerdictPart[], query: FlowQuery, flow: string): Evidence[] {
  return parts.slice(0, MAX_EVIDENCE).map((part) => ({
    flow,
    verdict: part.verdict,
    part: describePart(part, query.protocol),
    ...(part.decidedBy ? { list: part.decidedBy.list, direction: part.decidedBy.direction } : {}),
    ...(part.decidedBy && part.decidedBy.index >= 0 ? { index: part.decidedBy.index } : {}),
    rule: part.decidedBy?.text ?? (part.verdict === 'deny' ? 'default deny (no rule matched)' : (part.note ?? 'not decided')),
    location: part.decidedBy?.provenance?.location ?? null,
    ...(part.reason ? { reason: part.reason } : {}),
  }));
}

/** Summarises refused parts: "0.0.0.0/0 TCP:8444 (default deny)". */
export function describeRefused(parts: readonly VerdictPart[], protocol: string): string {
  const items = parts.slice(0, 3).map((p) => `${describePart(p, protocol)} (${p.decidedBy && p.decidedBy.index >= 0 ? p.decidedBy.text : 'default deny'})`);
  return parts.length > 3 ? `${items.join('; ')} and ${parts.length - 3} more` : items.join('; ');
}
