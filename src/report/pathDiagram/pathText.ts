import type { FlowPath, PathLayer, PathOutcome } from '../../model/flowPath.js';
import { ruleLabel, targetsLabel } from './mermaidFlowchart.js';
import type { PathGroup } from './pathGroups.js';

const OUTCOME: Record<PathOutcome, string> = { allow: 'ALLOW', deny: 'DENY', unknown: 'UNKNOWN', next: 'NEXT', skipped: 'SKIPPED' };

const KIND: Record<PathLayer['kind'], string> = {
  loadBalancerGroup: 'CLB group',
  securityGroup: 'backend group',
  networkAclIn: 'ACL inbound',
  networkAclOut: 'ACL reply',
};

/**
 * The same paths as the diagrams, as text for a terminal: per path the targets that share it,
 * then each flow layer by layer in the order the traffic crosses them, with every rule that
 * decided a part of the flow and its `.tf` line.
 */
export function renderPathsText(groups: readonly PathGroup[], paint: (code: string, text: string) => string = (_c, t) => t): string[] {
  const lines: string[] = [];
  groups.forEach((group, g) => {
    const behind =
      group.listener && !(group.targets.length === 1 && group.targets[0] === group.listener) ? ` behind ${group.listener}` : '';
    lines.push(paint('1', `path ${g + 1}: ${targetsLabel(group.targets)}${behind}`));
    for (const flow of group.flows) lines.push(...flowLines(flow, paint));
    lines.push('');
  });
  return lines;
}

function flowLines(flow: FlowPath, paint: (code: string, text: string) => string): string[] {
  const lines = [`  flow ${flow.source} → ${flow.destination}`];
  let step = 0;
  const layer = (l: PathLayer) => {
    step++;
    const name = l.name && l.name !== l.resource ? `${l.name} (${l.resource})` : l.resource;
    const color = l.outcome === 'deny' ? '31' : l.outcome === 'allow' || l.outcome === 'next' ? '32' : l.outcome === 'unknown' ? '35' : '2';
    lines.push(`    ${step}. ${KIND[l.kind].padEnd(13)} ${paint(`1;${color}`, OUTCOME[l.outcome].padEnd(7))} ${name}`);
    for (const rule of l.rules) {
      const where = rule.location ? `  ${rule.location.file}:${rule.location.line}` : '';
      lines.push(
        `         ${rule.verdict === 'deny' ? 'refused by' : rule.verdict === 'allow' ? 'admitted by' : 'undecided:'} ${ruleLabel(rule)}${rule.part === undefined ? '' : ` (for ${rule.part})`}${where}`,
      );
    }
    if (l.outcome === 'next') lines.push('         no rule matched: on to the next group');
    // What kept a layer skipped or undecided is said even beside its rules.
    if (l.note !== undefined && (l.outcome === 'skipped' || l.outcome === 'unknown' || l.rules.length === 0))
      lines.push(`         ${l.note}`);
  };
  for (const l of flow.layers.filter((x) => x.kind !== 'networkAclOut')) layer(l);
  lines.push(`    → ${flow.destination} on the target`);
  for (const l of flow.layers.filter((x) => x.kind === 'networkAclOut')) layer(l);
  return lines;
}
