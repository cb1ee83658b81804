import type { Evidence, FixGroup } from '../../model/finding.js';

/** One change to a `.tf` file: lines `startLine`…`endLine` (1-based, inclusive) become `replacement`. */
export interface TfEdit {
  readonly file: string;
  readonly startLine: number;
  readonly endLine: number;
  /** The lines as they are now, to check they are the ones the diff shows. */
  readonly original: readonly string[];
  readonly replacement: readonly string[];
  /**
   * The same change as unified-diff lines (" ", "+", "-"), as a person would write it: the new
   * block added above, or the DROP block added above the ACCEPT and taken out below. A minimal
   * diff of blocks this alike would pair the wrong lines.
   */
  readonly diff: readonly string[];
}

interface Block {
  readonly start: number;
  readonly end: number;
  readonly indent: string;
}

const BLOCK_OPEN = /^(\s*)(ingress|egress)\s*\{\s*$/;

/** The `ingress { … }` / `egress { … }` block that opens on this line (1-based), if one does. */
function blockAt(lines: readonly string[], line: number): Block | undefined {
  const open = BLOCK_OPEN.exec(lines[line - 1] ?? '');
  if (open === null) return undefined;
  const indent = open[1]!;
  for (let i = line; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '') continue;
    if (text === `${indent}}` || text.trimEnd() === `${indent}}`) return { start: line, end: i + 1, indent };
    // A nested block or a line less indented than the body: not the simple block a suggestion may rewrite.
    if (!text.startsWith(`${indent} `) || /[{}[\]]\s*$/.test(text)) return undefined;
  }
  return undefined;
}

/** The `resource "type" "name" {` … `}` around a line: its header line and last line. */
function resourceAround(lines: readonly string[], line: number): { header: string; start: number; end: number } | undefined {
  let start = line;
  while (start >= 1 && !/^resource\s+"/.test(lines[start - 1]!)) start--;
  if (start < 1) return undefined;
  let end = start;
  while (end <= lines.length && lines[end - 1] !== '}') end++;
  if (end > lines.length || end < line) return undefined;
  return { header: lines[start - 1]!, start, end };
}

/** `module.x.tencentcloud_security_group_rule_set.web` is declared as `resource "tencentcloud_security_group_rule_set" "web"`. */
function declares(header: string, resource: string | undefined): boolean {
  if (resource === undefined) return false;
  const [type, name] = resource
    .replace(/\[[^\]]*\]$/, '')
    .split('.')
    .slice(-2);
  return new RegExp(`^resource\\s+"${type}"\\s+"${name}"\\s*\\{\\s*$`).test(header);
}

function reindent(hcl: string, indent: string): string[] {
  return hcl.split('\n').map((l) => (l === '' ? '' : `${indent}${l}`));
}

/** The PolicyIndex the fix's API call inserts at: 0 means "at the very top". */
function policyIndexOf(group: FixGroup): number | undefined {
  const set = group.fix.api?.request.SecurityGroupPolicySet as { Ingress?: { PolicyIndex?: number }[] } | undefined;
  return set?.Ingress?.[0]?.PolicyIndex;
}

/**
 * The fix as an edit of the `.tf` text, when it is one clb-guard can write exactly: a rule block
 * added to a `tencentcloud_security_group_rule_set` (above the rule it must precede, or at the
 * top), entries added at the head of a network ACL's or lite rule's list, or the DROP block moved
 * above the ACCEPT that shadows it. Anything else (a new resource, narrowing a rule, a list that
 * is not written out) stays prose and snippets.
 */
export function tfEditFor(group: FixGroup, text: string): TfEdit | undefined {
  const { fix } = group;
  const location = fix.location;
  if (location === undefined || location === null || !location.file.endsWith('.tf')) return undefined;
  const lines = text.split('\n');
  const resource = resourceAround(lines, location.line);
  if (resource === undefined || !declares(resource.header, fix.resource)) return undefined;
  const inResource = (b: Block | undefined): b is Block => b !== undefined && b.start > resource.start && b.end < resource.end;
  const slice = (start: number, end: number) => lines.slice(start - 1, end);

  if (fix.hcl !== undefined && /^(ingress|egress) \{\n[\s\S]*\n\}$/.test(fix.hcl)) {
    let anchor = blockAt(lines, location.line);
    if (policyIndexOf(group) === 0) {
      // At the top: above the first ingress block, wherever the fix's location points.
      const first = slice(resource.start + 1, resource.end).findIndex((l) => /^\s*ingress\s*\{\s*$/.test(l));
      anchor = first < 0 ? undefined : blockAt(lines, resource.start + 1 + first);
    }
    if (!inResource(anchor)) return undefined;
    const original = slice(anchor.start, anchor.end);
    const added = [...reindent(fix.hcl, anchor.indent), ''];
    return {
      file: location.file,
      startLine: anchor.start,
      endLine: anchor.end,
      original,
      replacement: [...added, ...original],
      diff: [...added.map((l) => `+${l}`), ...original.map((l) => ` ${l}`)],
    };
  }

  const listAdd =
    fix.hcl === undefined
      ? null
      : /^(ingress|egress) = \[\n((?: {2}"[^"\n]*",\n)+) {2}# … the existing entries, in order …\n\]$/.exec(fix.hcl);
  if (listAdd !== null) {
    // A network ACL's or lite rule's list: the new entries go first, which is above every rule
    // they must precede (the fix's rule decides that traffic wherever nothing earlier does).
    const entries = listAdd[2]!
      .trimEnd()
      .split('\n')
      .map((l) => l.trim());
    if (entries.some((e) => e.includes('<'))) return undefined; // a placeholder such as <VIP>, not a value
    const opener = slice(resource.start + 1, resource.end - 1).findIndex((l) => new RegExp(`^\\s*${listAdd[1]}\\s*=\\s*\\[\\s*$`).test(l));
    if (opener < 0) return undefined;
    const line = resource.start + 1 + opener;
    const openerText = lines[line - 1]!;
    const next = lines[line] ?? '';
    const indent = /^\s*"/.test(next) ? /^\s*/.exec(next)![0] : `${/^\s*/.exec(openerText)![0]}  `;
    const added = entries.map((e) => `${indent}${e}`);
    return {
      file: location.file,
      startLine: line,
      endLine: line,
      original: [openerText],
      replacement: [openerText, ...added],
      diff: [` ${openerText}`, ...added.map((l) => `+${l}`)],
    };
  }

  if (fix.hcl === undefined) {
    const drop = blockAt(lines, location.line);
    const accept = shadowingAccept(group, location.file, location.line);
    const acceptBlock = accept?.location ? blockAt(lines, accept.location.line) : undefined;
    if (!inResource(drop) || !inResource(acceptBlock) || acceptBlock.start >= drop.start) return undefined;
    const before = slice(acceptBlock.start, drop.start - 1);
    let kept = before.length;
    while (kept > 0 && before[kept - 1]!.trim() === '') kept--;
    const gap = before.slice(kept);
    const moved = slice(drop.start, drop.end);
    const stays = before.slice(0, kept);
    const original = slice(acceptBlock.start, drop.end);
    const newGap = gap.length > 0 ? gap : [''];
    return {
      file: location.file,
      startLine: acceptBlock.start,
      endLine: drop.end,
      original,
      replacement: [...moved, ...newGap, ...stays],
      diff: [...[...moved, ...newGap].map((l) => `+${l}`), ...stays.map((l) => ` ${l}`), ...[...gap, ...moved].map((l) => `-${l}`)],
    };
  }
  return undefined;
}

/**
 * For a "move the DROP up" fix: the earliest ACCEPT of the same list that admits what the DROP
 * at `file:line` means to refuse, from the findings' evidence.
 */
function shadowingAccept(group: FixGroup, file: string, line: number): Evidence | undefined {
  for (const finding of group.findings) {
    const drop = finding.evidence.find(
      (e) => e.verdict === 'deny' && e.location?.file === file && e.location.line === line && e.index !== undefined,
    );
    if (drop === undefined) continue;
    const accepts = finding.evidence
      .filter(
        (e) =>
          e.verdict === 'allow' &&
          e.list === drop.list &&
          e.direction === drop.direction &&
          e.index !== undefined &&
          e.index < drop.index! &&
          e.location?.file === file,
      )
      .sort((a, b) => a.index! - b.index!);
    if (accepts[0] !== undefined) return accepts[0];
  }
  return undefined;
}

/** The text with the edit made. */
export function applyTfEdit(text: string, edit: TfEdit): string {
  const lines = text.split('\n');
  lines.splice(edit.startLine - 1, edit.endLine - edit.startLine + 1, ...edit.replacement);
  return lines.join('\n');
}
