/**
 * Terraform source as the rest of the code sees it, whichever parser read it: tokens, attributes
 * and blocks with their lines, and what is read from tokens alone (the elements of a list, the
 * references of an expression).
 */
import { tokenize } from './syntaxTree.js';

export type TemplatePart = { readonly literal: string } | { readonly interpolation: string } | { readonly directive: string };

export type HclToken =
  | { readonly kind: 'ident' | 'number' | 'punct'; readonly text: string; readonly line: number }
  | { readonly kind: 'string'; readonly parts: readonly TemplatePart[]; readonly line: number; readonly endLine: number }
  | { readonly kind: 'newline'; readonly line: number };

export interface HclAttribute {
  readonly name: string;
  readonly line: number;
  readonly endLine: number;
  readonly tokens: readonly HclToken[];
}

export interface HclBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly line: number;
  readonly endLine: number;
  readonly attributes: ReadonlyMap<string, HclAttribute>;
  readonly blocks: readonly HclBlock[];
}

export interface HclListElement {
  readonly line: number;
  readonly tokens: readonly HclToken[];
  /** Set when the element is one quoted string. */
  readonly template?: readonly TemplatePart[];
}

/** The elements of `[a, "b", c]`, each with its line; undefined when the value is not a plain list. */
export function listElements(tokens: readonly HclToken[]): HclListElement[] | undefined {
  const meaningful = tokens.filter((t) => t.kind !== 'newline');
  const first = meaningful[0];
  const last = meaningful[meaningful.length - 1];
  if (first?.kind !== 'punct' || first.text !== '[' || last?.kind !== 'punct' || last.text !== ']') return undefined;
  const elements: HclListElement[] = [];
  let depth = 0;
  let current: HclToken[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const only = current.length === 1 ? current[0]! : undefined;
    elements.push({ line: current[0]!.line, tokens: current, ...(only?.kind === 'string' ? { template: only.parts } : {}) });
    current = [];
  };
  for (let i = 1; i < meaningful.length - 1; i++) {
    const token = meaningful[i]!;
    if (token.kind === 'punct') {
      if (token.text === '[' || token.text === '(' || token.text === '{') depth++;
      else if (token.text === ']' || token.text === ')' || token.text === '}') depth--;
      else if (token.text === ',' && depth === 0) {
        flush();
        continue;
      }
      if (depth < 0) return undefined;
    }
    if (depth === 0 && token.kind === 'ident' && token.text === 'for' && current.length === 0 && elements.length === 0) return undefined; // a `for` expression
    current.push(token);
  }
  flush();
  return elements;
}

const KEYWORD_ROOTS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'endif', 'else', 'endfor']);

/**
 * The traversals an expression mentions (`some_resource.web[0].id`, `var.x`,
 * `local.y`), including those inside string interpolations, in order of appearance.
 */
export function referencesIn(tokens: readonly HclToken[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'string') {
      for (const part of token.parts) if ('interpolation' in part) found.push(...referencesIn(tokenize(part.interpolation)));
      continue;
    }
    if (token.kind !== 'ident' || KEYWORD_ROOTS.has(token.text)) continue;
    const previous = tokens[i - 1];
    if (previous?.kind === 'punct' && (previous.text === '.' || previous.text === '::')) continue;
    const next = tokens[i + 1];
    if (next?.kind === 'punct' && next.text === '(') continue; // a function call
    let text = token.text;
    let steps = 0;
    let j = i + 1;
    while (j < tokens.length) {
      const a = tokens[j]!;
      const b = tokens[j + 1];
      if (a.kind === 'punct' && a.text === '.' && b?.kind === 'ident') {
        text += `.${b.text}`;
        steps++;
        j += 2;
        continue;
      }
      if (a.kind === 'punct' && a.text === '.' && b?.kind === 'number' && /^\d+$/.test(b.text)) {
        text += `[${b.text}]`; // legacy `list.0` index
        j += 2;
        continue;
      }
      const c = tokens[j + 2];
      if (a.kind === 'punct' && a.text === '[' && c?.kind === 'punct' && c.text === ']') {
        if (b?.kind === 'number' && /^\d+$/.test(b.text)) {
          text += `[${b.text}]`;
          j += 3;
          continue;
        }
        if (b?.kind === 'string' && b.parts.length <= 1 && (b.parts.length === 0 || 'literal' in b.parts[0]!)) {
          const literal = b.parts.length === 0 ? '' : (b.parts[0] as { literal: string }).literal;
          text += `[${JSON.stringify(literal)}]`;
          j += 3;
          continue;
        }
      }
      break;
    }
    if (steps > 0) found.push(text);
    i = j - 1;
  }
  return found;
}
