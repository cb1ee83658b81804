import type { Node } from 'web-tree-sitter';
import { lineIndex } from '../../text/lineIndex.js';
import { hclParser } from './grammar.js';
import type { HclAttribute, HclBlock, HclToken, TemplatePart } from './hclTokens.js';

/**
 * Terraform files read with the tree-sitter HCL grammar, turned into the structure the policies
 * place findings with: blocks and attributes from the syntax tree, and each attribute's value as
 * tokens (the form the expression evaluator reads). Tree-sitter recovers from syntax errors, so
 * a broken file still yields what it could read; nothing here throws on input.
 */

/** The top level of a file, as a block without type or labels. */
export function scanHcl(source: string): HclBlock {
  let text = source;
  for (let attempt = 0; ; attempt++) {
    const tree = hclParser().parse(text);
    if (tree === null) return { type: '', labels: [], line: 1, endLine: 1, attributes: new Map(), blocks: [] };
    try {
      const stray = attempt < MAX_STRAY_TOKENS && tree.rootNode.hasError ? strayLeadingToken(tree.rootNode) : undefined;
      if (stray !== undefined) {
        // Blanked, not cut, so that every other offset and line stays where it was.
        text = text.slice(0, stray.startIndex) + ' '.repeat(stray.endIndex - stray.startIndex) + text.slice(stray.endIndex);
        continue;
      }
      const reader = new TreeReader(text);
      const tokens = reader.tokens(tree.rootNode);
      const body = reader.body(tree.rootNode, tokens);
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
                parts: this.templateParts(cursor.currentNode),
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

  /** A body's attributes (the first of a name wins) and blocks; error nodes are searched for both. */
  body(node: Node, tokens: TokenList): { attributes: Map<string, HclAttribute>; blocks: HclBlock[] } {
    const attributes = new Map<string, HclAttribute>();
    const blocks: HclBlock[] = [];
    const read = (parent: Node) => {
      for (const child of parent.namedChildren) {
        if (child === null) continue;
        if (child.type === 'attribute') {
          const attribute = this.attribute(child, tokens);
          if (attribute !== undefined && !attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
        } else if (child.type === 'block') {
          const block = this.block(child, tokens);
          if (block !== undefined) blocks.push(block);
        } else if (child.type === 'ERROR' || child.type === 'body') read(child);
      }
    };
    read(node);
    return { attributes, blocks };
  }

  private attribute(node: Node, tokens: TokenList): HclAttribute | undefined {
    const name = node.firstNamedChild;
    if (name?.type !== 'identifier') return undefined;
    const value = node.namedChildren.find((child) => child?.type === 'expression') ?? undefined;
    const line = name.startPosition.row + 1;
    const valueTokens = value === undefined ? [] : slice(tokens, value.startIndex, value.endIndex);
    const last = valueTokens[valueTokens.length - 1];
    return { name: name.text, line, endLine: last === undefined ? line : lastLine(last), tokens: valueTokens };
  }

  private block(node: Node, tokens: TokenList): HclBlock | undefined {
    const children = node.namedChildren.filter((child): child is Node => child !== null);
    const type = children[0];
    if (type?.type !== 'identifier') return undefined;
    const labels: string[] = [];
    let inner: Node | undefined;
    let end: Node | undefined;
    for (const child of children.slice(1)) {
      if (child.type === 'string_lit')
        labels.push(
          this.templateParts(child)
            .map((p) => ('literal' in p ? p.literal : ''))
            .join(''),
        );
      else if (child.type === 'identifier') labels.push(child.text);
      else if (child.type === 'body') inner = child;
      else if (child.type === 'block_end' && !child.isMissing) end = child;
    }
    const body = inner === undefined ? { attributes: new Map<string, HclAttribute>(), blocks: [] } : this.body(inner, tokens);
    const endLine = (end ?? node).endPosition.row + 1;
    return { type: type.text, labels, line: type.startPosition.row + 1, endLine, attributes: body.attributes, blocks: body.blocks };
  }

  /**
   * A string's parts: literal text between the `${…}` interpolations and `%{…}` directives.
   * Quoted strings have their escapes decoded; heredocs are kept as written (their lines with
   * the line ends, indentation included), apart from the `$${` / `%%{` escapes.
   */
  templateParts(node: Node): TemplatePart[] {
    const heredoc = node.type === 'heredoc_template';
    const children = node.children.filter((child): child is Node => child !== null);
    let contentStart: number;
    let contentEnd: number;
    if (heredoc) {
      const opening = children.find((child) => child.type === 'heredoc_identifier');
      const closing = children.length > 2 ? children[children.length - 1] : undefined;
      const lineEnd = this.source.indexOf('\n', opening?.endIndex ?? node.startIndex);
      contentStart = lineEnd < 0 ? node.endIndex : lineEnd + 1;
      contentEnd =
        closing?.type === 'heredoc_identifier' && closing !== opening
          ? this.source.lastIndexOf('\n', closing.startIndex) + 1
          : node.endIndex;
      if (contentEnd < contentStart) contentEnd = contentStart;
    } else {
      const start = children[0];
      const end = children[children.length - 1];
      contentStart = start?.type === 'quoted_template_start' ? start.endIndex : node.startIndex;
      contentEnd = end?.type === 'quoted_template_end' && !end.isMissing && end !== start ? end.startIndex : node.endIndex;
    }
    const parts: TemplatePart[] = [];
    let literal = '';
    let at = contentStart;
    const text = (until: number) => {
      if (until > at)
        literal += heredoc ? unescapeTemplateMarkers(this.source.slice(at, until)) : unescapeQuoted(this.source.slice(at, until));
    };
    const hole = (part: TemplatePart, hole: Node) => {
      text(hole.startIndex);
      if (literal !== '') parts.push({ literal });
      literal = '';
      parts.push(part);
      at = hole.endIndex;
    };
    const visit = (parent: Node) => {
      for (const child of parent.children) {
        if (child === null || child.endIndex <= contentStart || child.startIndex >= contentEnd) continue;
        if (child.type === 'template_interpolation')
          hole({ interpolation: this.inner(child, 'template_interpolation_start', 'template_interpolation_end') }, child);
        else if (DIRECTIVE_MARKERS.has(child.type))
          hole({ directive: this.inner(child, 'template_directive_start', 'template_directive_end') }, child);
        else if (child.type === 'template_directive' || child.type === 'template_for' || child.type === 'template_if') visit(child);
      }
    };
    visit(node);
    text(contentEnd);
    if (literal !== '') parts.push({ literal });
    return parts;
  }

  /** The text inside `${…}` or `%{…}`, without strip markers (`~`) and surrounding space. */
  private inner(node: Node, startType: string, endType: string): string {
    const children = node.children.filter((child): child is Node => child !== null);
    const start = children.find((child) => child.type === startType);
    const end = [...children].reverse().find((child) => child.type === endType && !child.isMissing);
    const text = this.source.slice(start?.endIndex ?? node.startIndex, end?.startIndex ?? node.endIndex).trim();
    return text.replace(/^~/, '').replace(/~$/, '').trim();
  }
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

/**
 * A leaf's text in lexer-sized pieces with their offsets: `provider::aws::arn` and the splat
 * operators `.*` and `[*]` are one leaf to the grammar but several tokens to the evaluator.
 */
function pieces(text: string): [string, number][] {
  if (IDENT_START.test(text) || /^[0-9]/.test(text)) {
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
    if (/\s/.test(text[i]!)) {
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
  if (/^[0-9]/.test(text)) return { kind: 'number', text, line };
  if (IDENT_START.test(text)) return { kind: 'ident', text, line };
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
