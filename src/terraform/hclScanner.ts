/**
 * A small scanner for Terraform files: enough structure to place findings on lines (blocks,
 * attributes, the elements of a list) and to read the references of an expression the plan JSON
 * leaves out (locals, interpolations). Not a full HCL parser: it understands strings with `${…}`,
 * heredocs and the three comment styles so that braces inside them do not confuse it, and it
 * never throws — a file it cannot follow yields what it read so far.
 */

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

/** The top level of a file, as a block without type or labels. */
export function scanHcl(source: string): HclBlock {
  let tokens: HclToken[];
  try {
    tokens = tokenize(source);
  } catch {
    tokens = [];
  }
  const parser = new BodyParser(tokens);
  const body = parser.body(false);
  return { type: '', labels: [], line: 1, endLine: body.endLine, attributes: body.attributes, blocks: body.blocks };
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
 * The traversals an expression mentions (`aws_instance.web[0].id`, `var.x`,
 * `local.y`), including those inside string interpolations, in order of appearance.
 */
export function referencesIn(tokens: readonly HclToken[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'string') {
      for (const part of token.parts) if ('interpolation' in part) found.push(...referencesIn(safeTokenize(part.interpolation)));
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

function safeTokenize(source: string): HclToken[] {
  try {
    return tokenize(source);
  } catch {
    return [];
  }
}

class BodyParser {
  private i = 0;

  constructor(private readonly tokens: readonly HclToken[]) {}

  /** Reads attributes and blocks until `}` (nested) or the end of the file. */
  body(nested: boolean): { attributes: Map<string, HclAttribute>; blocks: HclBlock[]; endLine: number } {
    const attributes = new Map<string, HclAttribute>();
    const blocks: HclBlock[] = [];
    const tokens = this.tokens;
    while (this.i < tokens.length) {
      const token = tokens[this.i]!;
      if (token.kind === 'newline') {
        this.i++;
        continue;
      }
      if (token.kind === 'punct' && token.text === '}') {
        if (nested) {
          this.i++;
          return { attributes, blocks, endLine: token.line };
        }
        this.i++; // a stray brace at the top level: skip it
        continue;
      }
      if (token.kind !== 'ident') {
        this.skipLine();
        continue;
      }
      const next = tokens[this.i + 1];
      if (next?.kind === 'punct' && next.text === '=') {
        this.i += 2;
        const value = this.expression();
        const endLine = value.length > 0 ? lastLine(value[value.length - 1]!) : token.line;
        if (!attributes.has(token.text)) attributes.set(token.text, { name: token.text, line: token.line, endLine, tokens: value });
        continue;
      }
      // A block: IDENT (STRING | IDENT)* `{`
      const labels: string[] = [];
      let j = this.i + 1;
      while (j < tokens.length) {
        const label = tokens[j]!;
        if (label.kind === 'string') labels.push(label.parts.map((p) => ('literal' in p ? p.literal : '')).join(''));
        else if (label.kind === 'ident') labels.push(label.text);
        else break;
        j++;
      }
      const open = tokens[j];
      if (open?.kind === 'punct' && open.text === '{') {
        this.i = j + 1;
        const inner = this.body(true);
        blocks.push({ type: token.text, labels, line: token.line, endLine: inner.endLine, attributes: inner.attributes, blocks: inner.blocks });
        continue;
      }
      this.skipLine();
    }
    const last = tokens[tokens.length - 1];
    return { attributes, blocks, endLine: last === undefined ? 1 : lastLine(last) };
  }

  /** Tokens up to the newline that ends the expression (brackets may span lines). */
  private expression(): HclToken[] {
    const value: HclToken[] = [];
    let depth = 0;
    const tokens = this.tokens;
    while (this.i < tokens.length) {
      const token = tokens[this.i]!;
      if (token.kind === 'newline' && depth === 0) break;
      if (token.kind === 'punct') {
        if (token.text === '{' || token.text === '[' || token.text === '(') depth++;
        else if (token.text === '}' || token.text === ']' || token.text === ')') {
          if (depth === 0) break; // the enclosing block's brace (one-line blocks)
          depth--;
        } else if (token.text === ',' && depth === 0) {
          this.i++; // one-line blocks separate attributes with nothing; tolerate a trailing comma
          break;
        }
      }
      value.push(token);
      this.i++;
    }
    return value;
  }

  private skipLine(): void {
    let depth = 0;
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i]!;
      if (token.kind === 'newline' && depth <= 0) return;
      if (token.kind === 'punct') {
        if (token.text === '{' || token.text === '[' || token.text === '(') depth++;
        else if (token.text === '}' || token.text === ']' || token.text === ')') {
          if (depth === 0) return;
          depth--;
        }
      }
      this.i++;
    }
  }
}

function lastLine(token: HclToken): number {
  return token.kind === 'string' ? token.endLine : token.line;
}

const IDENT_START = /[A-Za-z_\u00C0-\uFFFF]/;
const IDENT_CHAR = /[A-Za-z0-9_\-\u00C0-\uFFFF]/;

export function tokenize(source: string): HclToken[] {
  const tokens: HclToken[] = [];
  let i = 0;
  let line = 1;
  const n = source.length;
  while (i < n) {
    const ch = source[i]!;
    if (ch === '\n') {
      tokens.push({ kind: 'newline', line });
      line++;
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '#' || (ch === '/' && source[i + 1] === '/')) {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let j = i; j < stop; j++) if (source[j] === '\n') line++;
      i = stop;
      continue;
    }
    if (ch === '"') {
      const start = line;
      const scanned = scanQuoted(source, i + 1);
      for (let j = i; j < scanned.end; j++) if (source[j] === '\n') line++;
      tokens.push({ kind: 'string', parts: scanned.parts, line: start, endLine: line });
      i = scanned.end;
      continue;
    }
    if (ch === '<' && source[i + 1] === '<') {
      const heredoc = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(source.slice(i, i + 80));
      if (heredoc !== null) {
        const start = line;
        const scanned = scanHeredoc(source, i + heredoc[0].length, heredoc[2]!);
        for (let j = i; j < scanned.end; j++) if (source[j] === '\n') line++;
        tokens.push({ kind: 'string', parts: scanned.parts, line: start, endLine: line });
        i = scanned.end;
        continue;
      }
    }
    if (IDENT_START.test(ch)) {
      let j = i + 1;
      while (j < n && IDENT_CHAR.test(source[j]!)) j++;
      tokens.push({ kind: 'ident', text: source.slice(i, j), line });
      i = j;
      continue;
    }
    if (ch >= '0' && ch <= '9') {
      let j = i + 1;
      while (j < n && /[0-9.eE]/.test(source[j]!)) {
        // `list.0.id`: a dot followed by a name is a traversal, not a decimal point
        if (source[j] === '.' && !/[0-9]/.test(source[j + 1] ?? '')) break;
        j++;
      }
      tokens.push({ kind: 'number', text: source.slice(i, j), line });
      i = j;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === '==' || two === '!=' || two === '<=' || two === '>=' || two === '&&' || two === '||' || two === '=>' || two === '::') {
      tokens.push({ kind: 'punct', text: two, line });
      i += 2;
      continue;
    }
    if (source.slice(i, i + 3) === '...') {
      tokens.push({ kind: 'punct', text: '...', line });
      i += 3;
      continue;
    }
    tokens.push({ kind: 'punct', text: ch, line });
    i++;
  }
  return tokens;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** A quoted template from just after its opening quote; `end` is just after the closing quote. */
function scanQuoted(source: string, start: number): { parts: TemplatePart[]; end: number } {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = start;
  const n = source.length;
  while (i < n) {
    const ch = source[i]!;
    if (ch === '"') {
      if (literal !== '') parts.push({ literal });
      return { parts, end: i + 1 };
    }
    if (ch === '\n') break; // an unterminated string: stop at the line end
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (next === 'u' || next === 'U') {
        const width = next === 'u' ? 4 : 8;
        const hex = source.slice(i + 2, i + 2 + width);
        if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === width) {
          literal += String.fromCodePoint(parseInt(hex, 16));
          i += 2 + width;
          continue;
        }
      }
      literal += ESCAPES[next] ?? next;
      i += 2;
      continue;
    }
    if ((ch === '$' || ch === '%') && source[i + 1] === ch && source[i + 2] === '{') {
      literal += `${ch}{`; // `$${` and `%%{` are escapes for a literal `${` / `%{`
      i += 3;
      continue;
    }
    if ((ch === '$' || ch === '%') && source[i + 1] === '{') {
      if (literal !== '') parts.push({ literal });
      literal = '';
      const close = matchingBrace(source, i + 2);
      const inner = source.slice(i + 2, close).replace(/^~/, '').replace(/~$/, '').trim();
      parts.push(ch === '$' ? { interpolation: inner } : { directive: inner });
      i = close + 1;
      continue;
    }
    literal += ch;
    i++;
  }
  if (literal !== '') parts.push({ literal });
  return { parts, end: i };
}

function scanHeredoc(source: string, start: number, marker: string): { parts: TemplatePart[]; end: number } {
  const parts: TemplatePart[] = [];
  let i = start;
  let literal = '';
  while (i < source.length) {
    const lineEnd = source.indexOf('\n', i);
    const stop = lineEnd < 0 ? source.length : lineEnd;
    const text = source.slice(i, stop);
    if (text.trim() === marker) {
      if (literal !== '') parts.push({ literal });
      return { parts, end: stop };
    }
    let j = 0;
    while (j < text.length) {
      const ch = text[j]!;
      if ((ch === '$' || ch === '%') && text[j + 1] === '{') {
        if (literal !== '') parts.push({ literal });
        literal = '';
        const close = matchingBrace(text, j + 2);
        const inner = text.slice(j + 2, close).trim();
        parts.push(ch === '$' ? { interpolation: inner } : { directive: inner });
        j = close + 1;
        continue;
      }
      literal += ch;
      j++;
    }
    literal += '\n';
    i = stop + 1;
  }
  if (literal !== '') parts.push({ literal });
  return { parts, end: source.length };
}

/** The index of the `}` closing an interpolation that starts at `start` (nested braces and strings allowed). */
function matchingBrace(source: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '"') {
      i = scanQuoted(source, i + 1).end;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (ch === '\n' && depth === 0) {
      // interpolations may span lines, but an unbalanced one must not swallow the file
      const rest = source.indexOf('}', i);
      if (rest < 0) return source.length;
    }
    i++;
  }
  return source.length;
}
