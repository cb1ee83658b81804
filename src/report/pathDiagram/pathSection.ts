import type { Finding } from '../../model/finding.js';
import { escapeMarkdown } from '../markdownEscape.js';
import { MAX_FLOWS_PER_DIAGRAM, renderPathFlowchart, targetsLabel } from './mermaidFlowchart.js';
import { type PathGroup, pathGroupsOf } from './pathGroups.js';

/** At most this many diagrams in one report: past it the findings' text says the rest. */
export const MAX_DIAGRAMS = 20;
/** One diagram stays far under Mermaid's 50,000-character limit. */
export const MAX_DIAGRAM_CHARS = 20_000;
const MAX_SHARED_NAMED = 20;
/** targetsLabel names this many; past it, the line under the heading lists them. */
const MAX_TARGETS_IN_HEADING = 4;

export interface PathSection {
  readonly text: string;
  readonly drawn: number;
  readonly omitted: number;
}

/**
 * "Paths": one Mermaid diagram per distinct failing path, heading first (the targets that share
 * it, the listener), then the diagram, within `budget` characters and MAX_DIAGRAMS. Paths left
 * out are counted in one line; their findings below say the same as text.
 */
export function renderPathSection(findings: readonly Finding[], budget: number): PathSection {
  const groups = pathGroupsOf(findings);
  if (groups.length === 0) return { text: '', drawn: 0, omitted: 0 };
  const intro = [
    '',
    '',
    '### Paths',
    '',
    '<sub>Each failing flow from its source through every layer it crosses to the backend port: green passed, red refused (the deciding rule is named, with its line), grey dotted not evaluated.</sub>',
  ];
  let text = intro.join('\n');
  let drawn = 0;
  for (const group of groups) {
    if (drawn === MAX_DIAGRAMS) break;
    const block = diagramBlock(group);
    // Room for the closing line that counts what was left out.
    if (block === undefined || text.length + block.length + 200 > budget) break;
    text += block;
    drawn++;
  }
  const omitted = groups.length - drawn;
  if (omitted > 0) {
    const paths =
      drawn === 0
        ? `${omitted === 1 ? 'The path is' : `The ${omitted} paths are`}`
        : `${omitted} more ${omitted === 1 ? 'path is' : 'paths are'}`;
    const note = `<sub>${paths} not drawn, to stay within GitHub's size limits: ${omitted === 1 ? 'its findings' : 'their findings'} below say the same as text.</sub>`;
    // With no room for the section, the note alone.
    if (drawn === 0) return { text: note.length + 4 <= budget ? `\n\n${note}\n` : '', drawn, omitted };
    text += `\n\n${note}`;
  }
  return { text: `${text}\n`, drawn, omitted };
}

function diagramBlock(group: PathGroup): string | undefined {
  const heading = `\n\n#### ${group.targets.length > 1 ? `${group.targets.length} backends: ` : ''}${escapeMarkdown(targetsLabel(group.targets))}${group.listener && !(group.targets.length === 1 && group.targets[0] === group.listener) ? ` behind ${escapeMarkdown(group.listener)}` : ''}`;
  const policies = [...new Set(group.findings.map((f) => f.policy))].map((p) => `\`${p}\``).join(', ');
  const flows = group.flows.length;
  const more = flows > MAX_FLOWS_PER_DIAGRAM ? ` (${MAX_FLOWS_PER_DIAGRAM} of ${flows} flows drawn)` : '';
  const chart = renderPathFlowchart(group);
  if (chart.length > MAX_DIAGRAM_CHARS) return undefined;
  const named = group.targets
    .slice(0, MAX_SHARED_NAMED)
    .map((t) => `\`${escapeMarkdown(t)}\``)
    .join(', ');
  const rest = group.targets.length - MAX_SHARED_NAMED;
  const shared = group.targets.length > MAX_TARGETS_IN_HEADING ? `\n\nShared by ${named}${rest > 0 ? ` and ${rest} more` : ''}.` : '';
  return `${heading}${shared}\n\n${policies}${more}\n\n\`\`\`mermaid\n${chart}\n\`\`\``;
}
