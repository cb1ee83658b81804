import type { PathLayer, PathOutcome, PathRule } from '../../model/flowPath.js';
import { clip, mermaidLabel } from './mermaidText.js';
import type { PathGroup } from './pathGroups.js';

/** Far under GitHub's limits (500 edges, 50,000 characters per diagram). */
export const MAX_FLOWS_PER_DIAGRAM = 8;
const MAX_LAYERS_PER_FLOW = 12;
const MAX_RULES_PER_NODE = 3;
const MAX_TARGETS_NAMED = 4;

// GitHub renders in light and dark themes: fills are light with dark text in both.
const CLASS_DEFS = [
  'classDef source fill:#ddf4ff,stroke:#0969da,color:#1f2328',
  'classDef target fill:#f6f8fa,stroke:#1f2328,color:#1f2328',
  'classDef allow fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
  'classDef next fill:#ffffff,stroke:#1a7f37,color:#1f2328,stroke-dasharray:2 2',
  'classDef deny fill:#ffebe9,stroke:#cf222e,color:#1f2328,stroke-width:3px',
  'classDef unknown fill:#fff8c5,stroke:#9a6700,color:#1f2328',
  'classDef skipped fill:#f6f8fa,stroke:#8c959f,color:#57606a,stroke-dasharray:4 3',
];

const LINK_STYLE: Record<PathOutcome | 'source', string> = {
  source: 'stroke:#57606a,stroke-width:1px',
  allow: 'stroke:#1a7f37,stroke-width:2px',
  next: 'stroke:#1a7f37,stroke-width:2px',
  deny: 'stroke:#cf222e,stroke-width:3px',
  unknown: 'stroke:#9a6700,stroke-width:2px,stroke-dasharray:4 3',
  skipped: 'stroke:#8c959f,stroke-width:1px,stroke-dasharray:3 3',
};

const ARROW: Record<PathOutcome | 'source', string> = {
  source: '-->',
  allow: '-->',
  next: '-->',
  deny: '--x',
  unknown: '-.->',
  skipped: '-.->',
};

/**
 * A Mermaid `flowchart LR` of one distinct path: each failing flow from its source through every
 * layer in order to the target port (then the reply leg out through the ACL). A node names the
 * rule that decided the flow there, with its `.tf` line; the edge leaving a layer is green where
 * it passed, red where it refused, dotted grey where the layer was skipped. Styling uses
 * classDef/linkStyle only: GitHub ignores click handlers.
 */
export function renderPathFlowchart(group: PathGroup): string {
  const lines = ['flowchart LR'];
  const nodes: string[] = [];
  const edges: string[] = [];
  const styles = new Map<string, number[]>();
  const link = (from: string, to: string, style: PathOutcome | 'source') => {
    const list = styles.get(LINK_STYLE[style]) ?? [];
    list.push(edges.length);
    styles.set(LINK_STYLE[style], list);
    edges.push(`  ${from} ${ARROW[style]} ${to}`);
  };
  const sources = new Map<string, string>();
  const targets = new Map<string, string>();
  // The heading names the backends; the node says how many share the port.
  const targetName = group.targets.length === 1 ? group.targets[0]! : `${group.targets.length} backends`;
  const flows = group.flows.slice(0, MAX_FLOWS_PER_DIAGRAM);
  flows.forEach((flow, f) => {
    let sourceId = sources.get(flow.source);
    if (sourceId === undefined) {
      sourceId = `s${sources.size}`;
      sources.set(flow.source, sourceId);
      nodes.push(`  ${sourceId}([${mermaidLabel(wrap(flow.source))}]):::source`);
    }
    let targetId = targets.get(flow.destination);
    if (targetId === undefined) {
      targetId = `t${targets.size}`;
      targets.set(flow.destination, targetId);
      nodes.push(`  ${targetId}(${mermaidLabel([clip(targetName, 90), flow.destination])}):::target`);
    }
    const inbound = flow.layers.filter((l) => l.kind !== 'networkAclOut').slice(0, MAX_LAYERS_PER_FLOW);
    const reply = flow.layers.filter((l) => l.kind === 'networkAclOut');
    let previous = sourceId;
    let style: PathOutcome | 'source' = 'source';
    // Skipped layers hang beside the path, dotted on both sides: the traffic goes around them.
    let skipped: string[] = [];
    const reach = (id: string) => {
      link(previous, id, style);
      let from = skipped.length > 0 ? previous : undefined;
      for (const s of skipped) {
        link(from!, s, 'skipped');
        from = s;
      }
      if (from !== undefined) link(from, id, 'skipped');
      skipped = [];
    };
    inbound.forEach((layer, i) => {
      const id = `f${f}l${i}`;
      nodes.push(`  ${id}[${mermaidLabel(layerLines(layer))}]:::${layer.outcome}`);
      if (layer.outcome === 'skipped') {
        skipped.push(id);
        return;
      }
      reach(id);
      previous = id;
      style = layer.outcome;
    });
    reach(targetId);
    if (reply.length > 0) {
      let from = targetId;
      let replyStyle: PathOutcome | 'source' = 'source';
      reply.forEach((layer, i) => {
        const id = `f${f}r${i}`;
        nodes.push(`  ${id}[${mermaidLabel(layerLines(layer))}]:::${layer.outcome}`);
        link(from, id, replyStyle);
        from = id;
        replyStyle = layer.outcome;
      });
      const back = `f${f}back`;
      nodes.push(`  ${back}([${mermaidLabel(wrap(`replies to ${flow.source}`))}]):::source`);
      link(from, back, replyStyle);
    }
  });
  lines.push(...CLASS_DEFS.map((c) => `  ${c}`), ...nodes, ...edges);
  for (const [style, indexes] of styles) lines.push(`  linkStyle ${indexes.join(',')} ${style}`);
  return lines.join('\n');
}

/** The heading line of a group: which targets, behind which listener. */
export function targetsLabel(targets: readonly string[]): string {
  const shown = targets.slice(0, MAX_TARGETS_NAMED).join(', ');
  return targets.length > MAX_TARGETS_NAMED ? `${shown} and ${targets.length - MAX_TARGETS_NAMED} more` : shown;
}

const KIND_LABEL: Record<PathLayer['kind'], string> = {
  loadBalancerGroup: 'CLB security group',
  securityGroup: 'backend security group',
  networkAclIn: 'subnet ACL in',
  networkAclOut: 'subnet ACL out (reply)',
};

function layerLines(layer: PathLayer): string[] {
  const title = layer.name && layer.name !== layer.resource ? `${layer.name} (${layer.resource})` : layer.resource;
  const lines = [KIND_LABEL[layer.kind], clip(title)];
  // A refusing layer names what refuses; the parts it admits are counted, not spelled out.
  const deciding = layer.outcome === 'deny' ? layer.rules.filter((r) => r.verdict !== 'allow') : layer.rules;
  const rules = deciding.slice(0, MAX_RULES_PER_NODE);
  for (const rule of rules) {
    lines.push(clip(ruleLabel(rule)));
    if (rule.location) lines.push(clip(`${rule.location.file}:${rule.location.line}`));
    if (rule.part !== undefined) lines.push(clip(`for ${rule.part}`));
  }
  if (deciding.length > rules.length) lines.push(`+${deciding.length - rules.length} more`);
  const admitted = layer.rules.filter((r) => r.verdict === 'allow' && !deciding.includes(r));
  if (admitted.length > 0)
    lines.push(clip(`the rest admitted by ${admitted.map((r) => (r.index !== undefined ? `#${r.index}` : r.rule)).join(', ')}`));
  if (layer.outcome === 'next') lines.push('no rule matched: next group');
  // What kept a layer skipped or undecided is said even beside its rules.
  if (layer.note !== undefined && (layer.outcome === 'skipped' || layer.outcome === 'unknown' || layer.rules.length === 0))
    lines.push(clip(layer.note));
  return lines;
}

/** `#2 DROP 45.33.0.0/16 TCP:8443`, or `default deny`. */
export function ruleLabel(rule: PathRule): string {
  return rule.index !== undefined ? `#${rule.index} ${rule.rule}` : rule.rule;
}

/** Long sources (several CIDRs) clipped to one line. */
function wrap(text: string): string[] {
  return [clip(text, 90)];
}
