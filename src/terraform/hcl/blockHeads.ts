/**
 * The heads of a native `.tf` file's top-level blocks (`resource "T" "N" {`, `module "M" {`),
 * found by a plain character scan, with where each block starts and ends: what the search for a
 * plan's `.tf` root ranks folders by, and what lets a parse skip the blocks it does not read.
 * A repository has up to thousands of `.tf` files and the search only needs their heads, so a
 * full parse (tree-sitter, whose WebAssembly is still cold that early) for each would cost more
 * than everything else the search does.
 *
 * The scan knows comments, quoted strings with their `${…}` / `%{…}` parts, heredocs and bracket
 * depth, so a head inside any of them is not taken for a block, and it checks that every body
 * holds only `name = …` statements and blocks. It gives up (undefined) on anything it does not
 * read as the grammar would — a label with escapes or interpolations, an unterminated string or
 * comment, unbalanced brackets, any other statement — and the caller then parses the file in
 * full. It does not check expressions: in a file with a broken expression it may still name a
 * block that the full parse's error recovery would lose, which for ranking folders is no harm
 * (and a parse that skips blocks checks its own tree, see `scanHcl`).
 */

export interface BlockHead {
  readonly type: string;
  readonly labels: readonly string[];
  /** Where the block starts (its type) and ends (after its closing brace), as string offsets. */
  readonly start: number;
  readonly end: number;
}

export function topLevelBlockHeads(text: string): BlockHead[] | undefined {
  const heads: { type: string; labels: readonly string[]; start: number; end: number }[] = [];
  const length = text.length;
  /** What each open bracket opened: a block body, an expression bracket, or a `${…}` / `%{…}` in a string. */
  const open: Opened[] = [];
  let inString = false;
  /** At the start of a statement of a body (the file's, or a block's): a name, then `=` or a block head. */
  let statementStart = true;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i += 2;
      else if (c === QUOTE) {
        inString = false;
        i++;
      } else if (c === NEWLINE) {
        return undefined; // a quoted string cannot span lines
      } else if ((c === DOLLAR || c === PERCENT) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === OPEN_BRACE) i += 3;
      else if ((c === DOLLAR || c === PERCENT) && text.charCodeAt(i + 1) === OPEN_BRACE) {
        open.push(Opened.Hole);
        inString = false;
        i += 2;
      } else i++;
      continue;
    }
    const inBody = open.length === 0 || open[open.length - 1] === Opened.Body;
    if (c === NEWLINE) {
      if (inBody) statementStart = true;
      i++;
    } else if (c === SPACE || c === TAB || c === CR) i++;
    else if (c === HASH || (c === SLASH && text.charCodeAt(i + 1) === SLASH)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? length : end;
    } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return undefined;
      // A block comment spanning lines ends the statement as a line break would.
      if (inBody && text.lastIndexOf('\n', end) > i) statementStart = true;
      i = end + 2;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET || c === CLOSE_PAREN) {
      const top = open.pop();
      if (c === CLOSE_BRACE && top === Opened.Hole) inString = true;
      // After a block, another may follow on the same line.
      else if (c === CLOSE_BRACE && top === Opened.Body) {
        statementStart = true;
        if (open.length === 0) heads[heads.length - 1]!.end = i + 1;
      } else if (top !== CLOSER_OF[c]) return undefined;
      else statementStart = false;
      i++;
    } else if (statementStart && inBody) {
      const head = readHead(text, i);
      if (head === undefined) return undefined;
      if (head.block !== undefined) {
        if (open.length === 0) heads.push({ ...head.block, start: i, end: length });
        open.push(Opened.Body);
      }
      // After a block's `{` an attribute may follow on the same line (`content { a = 1 }`).
      statementStart = head.block !== undefined;
      i = head.end;
    } else {
      statementStart = false;
      if (c === QUOTE) {
        inString = true;
        i++;
      } else if (c === LESS && text.charCodeAt(i + 1) === LESS) {
        const end = heredocEnd(text, i);
        if (end === null) return undefined;
        i = end ?? i + 2;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET || c === OPEN_PAREN) {
        open.push(c === OPEN_BRACE ? Opened.Brace : c === OPEN_BRACKET ? Opened.Bracket : Opened.Paren);
        i++;
      } else i++;
    }
  }
  return inString || open.length > 0 ? undefined : heads;
}

/** What an open bracket opened. */
const Opened = { Body: 0, Brace: 1, Bracket: 2, Paren: 3, Hole: 4 } as const;
type Opened = (typeof Opened)[keyof typeof Opened];

/** What a closing bracket closes in an expression. */
const CLOSER_OF: Readonly<Record<number, Opened>> = { 125: Opened.Brace, 93: Opened.Bracket, 41: Opened.Paren };

/**
 * A statement at the top level: `name = …` (an attribute: `end` is after the `=`) or a block
 * head `type label… {` (`end` is after the `{`). Undefined for anything else.
 */
function readHead(text: string, start: number): { block?: { type: string; labels: string[] }; end: number } | undefined {
  let i = identifierEnd(text, start);
  if (i === start) return undefined;
  const type = text.slice(start, i);
  const labels: string[] = [];
  for (;;) {
    while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++;
    const c = text.charCodeAt(i);
    if (c === EQUALS && text.charCodeAt(i + 1) !== EQUALS) return labels.length === 0 ? { end: i + 1 } : undefined;
    if (c === OPEN_BRACE) return { block: { type, labels }, end: i + 1 };
    if (c === QUOTE) {
      const close = text.indexOf('"', i + 1);
      if (close < 0) return undefined;
      const label = text.slice(i + 1, close);
      // Escapes, interpolations and line breaks are the full parser's to read.
      if (/[\\\n]|[$%]\{/.test(label)) return undefined;
      labels.push(label);
      i = close + 1;
      continue;
    }
    const end = identifierEnd(text, i);
    if (end === i) return undefined;
    labels.push(text.slice(i, end));
    i = end;
  }
}

/** Where an ASCII identifier starting at `start` ends (`start` itself when there is none). */
function identifierEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95)) return start;
  let i = start + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45) i++;
    else return i;
  }
}

/**
 * After a heredoc starting at `<<` (its closing line included), undefined when `<<` does not
 * open one here (an operator, in a broken file), null when it is never closed.
 */
function heredocEnd(text: string, start: number): number | undefined | null {
  let i = start + 2;
  if (text.charCodeAt(i) === MINUS) i++;
  const nameEnd = identifierEnd(text, i);
  if (nameEnd === i) return undefined;
  const name = text.slice(i, nameEnd);
  let lineEnd = nameEnd;
  while (text.charCodeAt(lineEnd) === SPACE || text.charCodeAt(lineEnd) === TAB || text.charCodeAt(lineEnd) === CR) lineEnd++;
  if (text.charCodeAt(lineEnd) !== NEWLINE) return undefined;
  for (let line = lineEnd + 1; line < text.length; ) {
    const next = text.indexOf('\n', line);
    const end = next < 0 ? text.length : next;
    if (text.slice(line, end).trim() === name) return end;
    line = end + 1;
  }
  return null;
}

const TAB = 9;
const NEWLINE = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const PERCENT = 37;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const STAR = 42;
const MINUS = 45;
const SLASH = 47;
const LESS = 60;
const EQUALS = 61;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
