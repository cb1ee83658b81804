import type { Node, TreeCursor } from 'web-tree-sitter';
import { lineIndex } from '../../text/lineIndex.js';
import { hclParser } from './grammar.js';
import type { HclAttribute, HclBlock, HclToken, TemplatePart } from './hclTokens.js';

/**
 * Terraform files read with the tree-sitter HCL grammar, turned into the structure the policies
 * place findings with: blocks and attributes from the syntax tree, and each attribute's value as
 * tokens (the form the expression evaluator reads). Tree-sitter recovers from syntax errors, so
 * a broken file still yields what it could read; nothing here throws on input.
 */

/**
 * The top level of a file, as a block without type or labels. `skip` names top-level blocks
 * (from `topLevelBlockHeads`) whose content the caller does not read: they are cut from the
 * text before the parse, all but their line breaks (so every line stays where it was; the reader
 * gives lines, not offsets), which spares tree-sitter and the token reader a module call's long
 * `for_each` list, say. When what is left does not parse cleanly the whole text is read
 * instead. (A skipped block with a broken expression then no longer disturbs how tree-sitter
 * recovers around it; the file's own `endLine` counts to the last token read.)
 */
export function scanHcl(source: string, skip: readonly { readonly start: number; readonly end: number }[] = []): HclBlock {
  if (skip.length > 0) {
    const read = readHcl(withoutRanges(source, skip), true);
    if (read !== undefined) return read;
  }
  return readHcl(source, false)!;
}

/** The text without the given ranges (in order, not overlapping), apart from their line breaks. */
function withoutRanges(source: string, ranges: readonly { readonly start: number; readonly end: number }[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    parts.push(source.slice(at, start), source.slice(start, end).replace(/[^\n]+/g, ''));
    at = end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}

/** Parses and reads a file; with `cleanOnly`, undefined when the syntax tree has an error. */
function readHcl(source: string, cleanOnly: boolean): HclBlock | undefined {
  let text = source;
  for (let attempt = 0; ; attempt++) {
    const tree = hclParser().parse(text);
    if (tree === null) return { type: '', labels: [], line: 1, endLine: 1, attributes: new Map(), blocks: [] };
    try {
      if (cleanOnly && tree.rootNode.hasError) return undefined;
      const stray = attempt < MAX_STRAY_TOKENS && tree.rootNode.hasError ? strayLeadingToken(tree.rootNode) : undefined;
      if (stray !== undefined) {
        // Blanked, not cut, so that every other offset and line stays where it was.
        text = text.slice(0, stray.startIndex) + ' '.repeat(stray.endIndex - stray.startIndex) + text.slice(stray.endIndex);
        continue;
      }
      const reader = new TreeReader(text);
      const tokens = reader.tokens(tree.rootNode);
      const cursor = tree.rootNode.walk();
      let body: Body;
      try {
        body = reader.body(cursor, tokens);
      } finally {
        cursor.delete();
      }
      const last = tokens.list[tokens.list.length - 1];
      return {
        type: '',
        labels: [],
        line: 1,
        endLine: last === undefined ? 1 : lastLine(last),
        attributes: body.attributes,
        blocks: body.blocks,
      };
    } finally {
      tree.delete();
    }
  }
}

/** How many stray tokens (a `}` before the first block, say) are skipped before reading what the grammar made of the rest. */
const MAX_STRAY_TOKENS = 8;

/**
 * The first token of a top-level error that holds no block or attribute. Tree-sitter recovers
 * well from an error inside a block, but one at the top of a file can swallow every block after
 * it; skipping that token and parsing again keeps the blocks, as a hand-written scanner would.
 */
function strayLeadingToken(root: Node): Node | undefined {
  const error = root.children.find((child) => child?.type === 'ERROR') ?? undefined;
  if (error === undefined || error.descendantsOfType(['block', 'attribute']).length > 0) return undefined;
  let leaf: Node | null = error;
  while (leaf !== null && leaf.childCount > 0) leaf = leaf.firstChild;
  return leaf === null || leaf.startIndex === leaf.endIndex ? undefined : leaf;
}

/**
 * The tokens of an expression's text (an interpolation's `${…}` content, a JSON string read as a
 * template). Parsed as the value of an attribute, on the same line, so token lines count from 1.
 */
export function tokenize(expression: string): HclToken[] {
  const prefix = '_ = (';
  const source = `${prefix}${expression}\n)\n`;
  const tree = hclParser().parse(source);
  if (tree === null) return [];
  try {
    const tokens = new TreeReader(source).tokens(tree.rootNode);
    const end = prefix.length + expression.length;
    return tokens.list.filter((_, i) => tokens.starts[i]! >= prefix.length && tokens.starts[i]! < end);
  } finally {
    tree.delete();
  }
}

interface TokenList {
  readonly list: HclToken[];
  /** The source offset where each token starts. */
  readonly starts: number[];
}

/** The string forms: a template node is one token, as a quoted string is to a lexer. */
const STRING_NODES = new Set(['string_lit', 'quoted_template', 'heredoc_template']);

/** The nodes inside a template that open a `%{…}` directive. */
const DIRECTIVE_MARKERS = new Set([
  'template_for_start',
  'template_for_end',
  'template_if_intro',
  'template_else_intro',
  'template_if_end',
]);

/** Operators a lexer reads as one token; any other punctuation is one character a token. */
const LONG_PUNCTUATION = ['...', '==', '!=', '<=', '>=', '&&', '||', '=>', '::'];

class TreeReader {
  private readonly lineOf: (offset: number) => number;

  constructor(private readonly source: string) {
    this.lineOf = lineIndex(source);
  }

  /** Every token under a node, in order, with a line-break token for each line end between them (not those inside strings or comments). */
  tokens(root: Node): TokenList {
    const list: HclToken[] = [];
    const starts: number[] = [];
    const source = this.source;
    let previousEnd = root.startIndex;
    const push = (token: HclToken, start: number) => {
      list.push(token);
      starts.push(start);
    };
    /** The line ends between the previous token and `until`. */
    const gap = (until: number) => {
      for (let i = source.indexOf('\n', previousEnd); i >= 0 && i < until; i = source.indexOf('\n', i + 1))
        push({ kind: 'newline', line: this.lineOf(i) }, i);
    };
    // A cursor, not Node objects: a file has thousands of leaves, and each Node is an allocation
    // and several calls into WebAssembly.
    const cursor = root.walk();
    try {
      let descend = true;
      for (;;) {
        if (descend) {
          const type = cursor.nodeType;
          const start = cursor.startIndex;
          const end = cursor.endIndex;
          if (STRING_NODES.has(type)) {
            gap(start);
            push(
              {
                kind: 'string',
                parts: this.templateParts(cursor),
                line: this.lineOf(start),
                endLine: this.lineOf(Math.max(start, end - 1)),
              },
              start,
            );
            previousEnd = end;
          } else if (type === 'comment') {
            gap(start);
            previousEnd = end;
          } else if (type === 'legacy_index') {
            // `list.0`: the grammar keeps the digits inside the node, not as a child
            gap(start);
            const line = this.lineOf(start);
            push({ kind: 'punct', text: '.', line }, start);
            push({ kind: 'number', text: source.slice(start + 1, end).trim(), line }, start + 1);
            previousEnd = end;
          } else if (cursor.gotoFirstChild()) {
            continue;
          } else if (end > start && !cursor.nodeIsMissing) {
            gap(start);
            const line = this.lineOf(start);
            for (const [text, offset] of pieces(source.slice(start, end))) push(tokenOf(text, line), start + offset);
            previousEnd = end;
          }
        }
        if (cursor.gotoNextSibling()) {
          descend = true;
          continue;
        }
        if (!cursor.gotoParent()) break;
        descend = false;
      }
    } finally {
      cursor.delete();
    }
    gap(source.length);
    return { list, starts };
  }

  /**
   * A body's attributes (the first of a name wins) and blocks; error nodes are searched for both.
   * Read through the cursor, as the tokens are: Node objects cost an allocation and several calls
   * into WebAssembly each, and a file's bodies have thousands of children.
   */
  body(cursor: TreeCursor, tokens: TokenList): Body {
    const attributes = new Map<string, HclAttribute>();
    const blocks: HclBlock[] = [];
    const read = () => {
      if (!cursor.gotoFirstChild()) return;
      do {
        if (!cursor.nodeIsNamed) continue;
        const type = cursor.nodeType;
        if (type === 'attribute') {
          const attribute = this.attribute(cursor, tokens);
          if (attribute !== undefined && !attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
        } else if (type === 'block') {
          const block = this.block(cursor, tokens);
          if (block !== undefined) blocks.push(block);
        } else if (type === 'ERROR' || type === 'body') read();
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    };
    read();
    return { attributes, blocks };
  }

  /** The attribute at the cursor (left there): its name, lines and value tokens. */
  private attribute(cursor: TreeCursor, tokens: TokenList): HclAttribute | undefined {
    if (!cursor.gotoFirstChild()) return undefined;
    try {
      if (!atLeadingIdentifier(cursor)) return undefined;
      const nameStart = cursor.startIndex;
      const name = this.source.slice(nameStart, cursor.endIndex);
      const line = this.lineOf(nameStart);
      let valueTokens: HclToken[] = [];
      while (cursor.gotoNextSibling()) {
        if (cursor.nodeIsNamed && typeAt(cursor) === 'expression') {
          valueTokens = slice(tokens, cursor.startIndex, cursor.endIndex);
          break;
        }
      }
      const last = valueTokens[valueTokens.length - 1];
      return { name, line, endLine: last === undefined ? line : lastLine(last), tokens: valueTokens };
    } finally {
      cursor.gotoParent();
    }
  }

  /** The block at the cursor (left there): its type, labels, lines and body. */
  private block(cursor: TreeCursor, tokens: TokenList): HclBlock | undefined {
    const blockEnd = cursor.endIndex;
    if (!cursor.gotoFirstChild()) return undefined;
    try {
      if (!atLeadingIdentifier(cursor)) return undefined;
      const typeStart = cursor.startIndex;
      const type = this.source.slice(typeStart, cursor.endIndex);
      const labels: string[] = [];
      let body: Body | undefined;
      let end: number | undefined;
      while (cursor.gotoNextSibling()) {
        if (!cursor.nodeIsNamed) continue;
        const kind = typeAt(cursor);
        if (kind === 'string_lit')
          labels.push(
            this.templateParts(cursor)
              .map((p) => ('literal' in p ? p.literal : ''))
              .join(''),
          );
        else if (kind === 'identifier') labels.push(this.source.slice(cursor.startIndex, cursor.endIndex));
        // Only the last body counts (as written, a block has one).
        else if (kind === 'body') body = this.body(cursor, tokens);
        else if (kind === 'block_end' && !cursor.nodeIsMissing) end = cursor.endIndex;
      }
      body ??= { attributes: new Map<string, HclAttribute>(), blocks: [] };
      const endLine = this.lineOf(end ?? blockEnd);
      return { type, labels, line: this.lineOf(typeStart), endLine, attributes: body.attributes, blocks: body.blocks };
    } finally {
      cursor.gotoParent();
    }
  }

  /**
   * A string's parts: literal text between the `${…}` interpolations and `%{…}` directives.
   * Quoted strings have their escapes decoded; heredocs are kept as written (their lines with
   * the line ends, indentation included), apart from the `$${` / `%%{` escapes. The cursor is
   * on the string node and is left there.
   */
  templateParts(cursor: TreeCursor): TemplatePart[] {
    const heredoc = cursor.nodeType === 'heredoc_template';
    const nodeStart = cursor.startIndex;
    const nodeEnd = cursor.endIndex;
    const children = childrenAt(cursor);
    let contentStart: number;
    let contentEnd: number;
    if (heredoc) {
      const opening = children.find((child) => child.type === 'heredoc_identifier');
      const closing = children.length > 2 ? children[children.length - 1] : undefined;
      const lineEnd = this.source.indexOf('\n', opening?.end ?? nodeStart);
      contentStart = lineEnd < 0 ? nodeEnd : lineEnd + 1;
      contentEnd =
        closing?.type === 'heredoc_identifier' && closing !== opening ? this.source.lastIndexOf('\n', closing.start) + 1 : nodeEnd;
      if (contentEnd < contentStart) contentEnd = contentStart;
    } else {
      const start = children[0];
      const end = children[children.length - 1];
      contentStart = start?.type === 'quoted_template_start' ? start.end : nodeStart;
      contentEnd = end?.type === 'quoted_template_end' && !end.missing && end !== start ? end.start : nodeEnd;
    }
    // The common string, `"text"`: one literal child and nothing to look into.
    if (
      !heredoc &&
      children.length === 3 &&
      children[0]!.type === 'quoted_template_start' &&
      children[1]!.type === 'template_literal' &&
      children[2]!.type === 'quoted_template_end'
    ) {
      const raw = this.source.slice(contentStart, contentEnd);
      const literal = raw.includes('\\') || raw.includes('{') ? unescapeQuoted(raw) : raw;
      return literal === '' ? [] : [{ literal }];
    }
    const parts: TemplatePart[] = [];
    let literal = '';
    let at = contentStart;
    const text = (until: number) => {
      if (until > at)
        literal += heredoc ? unescapeTemplateMarkers(this.source.slice(at, until)) : unescapeQuoted(this.source.slice(at, until));
    };
    const hole = (part: TemplatePart, start: number, end: number) => {
      text(start);
      if (literal !== '') parts.push({ literal });
      literal = '';
      parts.push(part);
      at = end;
    };
    const visit = () => {
      if (!cursor.gotoFirstChild()) return;
      do {
        const start = cursor.startIndex;
        const end = cursor.endIndex;
        if (end <= contentStart || start >= contentEnd) continue;
        const type = cursor.nodeType;
        if (type === 'template_interpolation')
          hole({ interpolation: this.inner(cursor, 'template_interpolation_start', 'template_interpolation_end') }, start, end);
        else if (DIRECTIVE_MARKERS.has(type))
          hole({ directive: this.inner(cursor, 'template_directive_start', 'template_directive_end') }, start, end);
        else if (type === 'template_directive' || type === 'template_for' || type === 'template_if') visit();
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    };
    visit();
    text(contentEnd);
    if (literal !== '') parts.push({ literal });
    return parts;
  }

  /** The text inside `${…}` or `%{…}` at the cursor, without strip markers (`~`) and surrounding space. */
  private inner(cursor: TreeCursor, startType: string, endType: string): string {
    const children = childrenAt(cursor);
    const start = children.find((child) => child.type === startType);
    let end: Child | undefined;
    for (let i = children.length - 1; i >= 0 && end === undefined; i--) {
      const child = children[i]!;
      if (child.type === endType && !child.missing) end = child;
    }
    const text = this.source.slice(start?.end ?? cursor.startIndex, end?.start ?? cursor.endIndex).trim();
    return text.replace(/^~/, '').replace(/~$/, '').trim();
  }
}

interface Body {
  readonly attributes: Map<string, HclAttribute>;
  readonly blocks: HclBlock[];
}

/** A child node as plain data: what the readers compare, without a Node object. */
interface Child {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly missing: boolean;
}

/** From a node's first child on to its first named one: whether that is an identifier (an attribute's name, a block's type). */
function atLeadingIdentifier(cursor: TreeCursor): boolean {
  while (!cursor.nodeIsNamed) if (!cursor.gotoNextSibling()) return false;
  return cursor.nodeType === 'identifier';
}

/** The cursor's node type, read afresh (TypeScript would keep a narrowing across cursor moves). */
function typeAt(cursor: TreeCursor): string {
  return cursor.nodeType;
}

/** The children of the node at the cursor (which is left there). */
function childrenAt(cursor: TreeCursor): Child[] {
  const children: Child[] = [];
  if (!cursor.gotoFirstChild()) return children;
  do children.push({ type: cursor.nodeType, start: cursor.startIndex, end: cursor.endIndex, missing: cursor.nodeIsMissing });
  while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return children;
}

/** The tokens whose start lies in [start, end). */
function slice(tokens: TokenList, start: number, end: number): HclToken[] {
  let first = lowerBound(tokens.starts, start);
  const found: HclToken[] = [];
  for (; first < tokens.list.length && tokens.starts[first]! < end; first++) found.push(tokens.list[first]!);
  return found;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const IDENT_START = /^[\p{ID_Start}_]/u;

/** Whether a leaf's text starts an identifier; the ASCII cases without a Unicode regex (they are nearly all). */
function startsIdentifier(text: string): boolean {
  const c = text.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) return true;
  return c >= 128 && IDENT_START.test(text);
}

function startsDigit(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c === 32 || c === 9 || c === 10 || c === 13) return true;
  return c >= 128 || c === 11 || c === 12 ? /\s/.test(ch) : false;
}

/**
 * A leaf's text in lexer-sized pieces with their offsets: `provider::aws::arn` and the splat
 * operators `.*` and `[*]` are one leaf to the grammar but several tokens to the evaluator.
 */
function pieces(text: string): [string, number][] {
  if (startsIdentifier(text) || startsDigit(text)) {
    if (!text.includes('::')) return [[text, 0]];
    const found: [string, number][] = [];
    let at = 0;
    for (const part of text.split('::')) {
      if (at > 0) found.push(['::', at - 2]);
      found.push([part, at]);
      at += part.length + 2;
    }
    return found.filter(([piece]) => piece !== '');
  }
  const found: [string, number][] = [];
  for (let i = 0; i < text.length; ) {
    if (isSpace(text[i]!)) {
      i++;
      continue;
    }
    const long = LONG_PUNCTUATION.find((p) => text.startsWith(p, i));
    const piece = long ?? text[i]!;
    found.push([piece, i]);
    i += piece.length;
  }
  return found;
}

function tokenOf(text: string, line: number): HclToken {
  if (startsDigit(text)) return { kind: 'number', text, line };
  if (startsIdentifier(text)) return { kind: 'ident', text, line };
  return { kind: 'punct', text, line };
}

function lastLine(token: HclToken): number {
  return token.kind === 'string' ? token.endLine : token.line;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** A quoted string's literal text: backslash escapes, `\uXXXX` / `\UXXXXXXXX`, and `$${` / `%%{`. */
function unescapeQuoted(raw: string): string {
  return unescapeTemplateMarkers(
    raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gs, (_, sequence: string) =>
      sequence.length > 1 ? String.fromCodePoint(parseInt(sequence.slice(1), 16)) : (ESCAPES[sequence] ?? sequence),
    ),
  );
}

/** `$${` and `%%{` are how a template writes a literal `${` / `%{`. */
function unescapeTemplateMarkers(raw: string): string {
  return raw.replace(/([$%])\1\{/g, '$1{');
}
