import { findNodeAtLocation, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { InputError } from '../errors/inputError.js';
import { deepestNesting, lineAndColumn } from '../text/jsonNesting.js';
import { lineIndex } from '../text/lineIndex.js';
import { MAX_NESTING } from './semantics/nestingLimit.js';

/** A parsed JSON file that can say on which line a JSON pointer sits. */
export interface JsonDocument {
  readonly file: string;
  readonly value: unknown;
  lineOf(pointer: string): number;
}

/**
 * Parses strict JSON. The value comes from JSON.parse (which never touches prototypes, even for
 * `__proto__` keys); jsonc-parser supplies positions for messages.
 */
export function parseJsonDocument(text: string, file: string): JsonDocument {
  const lineAt = lineIndex(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // jsonc-parser recurses: a broken text nested deeper than any policy is refused for that first.
    const deep = deepestNesting(text, MAX_NESTING);
    if (deep !== undefined) {
      const { line, column } = lineAndColumn(text, deep);
      throw new InputError(`nested more than ${MAX_NESTING} levels deep`, { file, place: `line ${line}, column ${column}` });
    }
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (first === undefined) throw new InputError('is not valid JSON', { file });
    const { line, column } = lineAndColumn(text, first.offset);
    throw new InputError(`invalid JSON: ${describeParseError(printParseErrorCode(first.error))}`, {
      file,
      place: `line ${line}, column ${column}`,
    });
  }
  let tree: ReturnType<typeof parseTree> | null = null;
  return {
    file,
    value,
    lineOf(pointer: string): number {
      tree ??= parseTree(text, [], { disallowComments: true }) ?? null;
      if (tree === null) return 1;
      const path = pointerToPath(pointer);
      // Walk up until a node exists (a missing property is reported on its parent).
      for (let n = path.length; n >= 0; n--) {
        const node = findNodeAtLocation(tree, path.slice(0, n));
        if (node !== undefined) return lineAt(node.parent?.type === 'property' ? node.parent.offset : node.offset);
      }
      return 1;
    },
  };
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'expected a property name',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":"',
    CommaExpected: 'expected ","',
    CloseBraceExpected: 'expected "}" (is the file truncated?)',
    CloseBracketExpected: 'expected "]" (is the file truncated?)',
    EndOfFileExpected: 'unexpected content after the end',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'unexpected end of comment',
    UnexpectedEndOfString: 'unterminated string (is the file truncated?)',
    UnexpectedEndOfNumber: 'unexpected end of number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  };
  return words[code] ?? code;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
