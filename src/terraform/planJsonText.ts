import { InputError } from '../errors/inputError.js';
import { lineAndColumn } from '../text/jsonNesting.js';

/**
 * Turns the text of `terraform show -json` into a value, or into one located line saying what
 * is wrong. JSON.parse does the work (fast, one pass, no copy kept); only when it fails do we
 * scan the text ourselves to say where and why, because V8 does not always give a position.
 */
export function parsePlanJsonText(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new InputError('the file is empty; expected the output of `terraform show -json PLANFILE`', { file });
  if (body.startsWith('PK\u0003\u0004')) {
    throw new InputError('this is a binary plan file; convert it with `terraform show -json PLANFILE > plan.json` and pass the JSON', {
      file,
    });
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw describeJsonError(body, file, error);
  }
}

function describeJsonError(text: string, file: string, error: unknown): InputError {
  const located = locateJsonError(text);
  const place = located === undefined ? undefined : `line ${located.line} column ${located.column}`;
  if (/^\s*\[command\]/.test(text)) {
    return new InputError(
      'not JSON: the file starts with "[command]…", the output of the hashicorp/setup-terraform wrapper; set `terraform_wrapper: false` or write the plan JSON with `terraform show -json PLANFILE > plan.json`',
      { file, place: 'line 1' },
    );
  }
  if (located?.truncated) {
    return new InputError(`truncated JSON: the text ends inside ${located.message}; was the output cut off?`, {
      file,
      ...(place ? { place } : {}),
    });
  }
  const reason = located?.message ?? (error instanceof Error ? error.message : String(error));
  return new InputError(`not JSON: ${reason}`, { file, ...(place ? { place } : {}) });
}

interface JsonErrorLocation {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** The input ended while a value was still open. */
  readonly truncated: boolean;
}

type Frame = 'object' | 'array';

/**
 * A small validating scanner that finds the first syntax error. It runs only after JSON.parse
 * has failed, so it favours clear messages over speed; it is iterative so deep nesting cannot
 * overflow the stack.
 */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const stack: Frame[] = [];
  let i = 0;
  // What the scanner expects next: a value, a key (or `}` right after `{`), `:`, or `,`/closer.
  let expect: 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'separator' | 'end' = 'value';
  const at = (offset: number, message: string, truncated = false): JsonErrorLocation => ({
    ...lineAndColumn(text, offset),
    message,
    truncated,
  });
  const openDescription = (): string => {
    const top = stack[stack.length - 1];
    if (top === 'object') return 'an object';
    if (top === 'array') return 'an array';
    return 'a value';
  };
  const describeChar = (offset: number): string => {
    const ch = text[offset];
    return ch === undefined ? 'the end' : JSON.stringify(ch);
  };
  while (true) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
    if (i >= text.length) {
      if (expect === 'end') return undefined;
      return at(i, stack.length > 0 ? openDescription() : 'a value', true);
    }
    const ch = text[i]!;
    switch (expect) {
      case 'end':
        return at(i, `unexpected ${describeChar(i)} after the end of the document`);
      case 'colon':
        if (ch !== ':') return at(i, `expected ':' after a property name, found ${describeChar(i)}`);
        i++;
        expect = 'value';
        continue;
      case 'separator': {
        const top = stack[stack.length - 1];
        if (ch === ',') {
          i++;
          expect = top === 'object' ? 'key' : 'value';
          continue;
        }
        if ((ch === '}' && top === 'object') || (ch === ']' && top === 'array')) {
          stack.pop();
          i++;
          expect = stack.length === 0 ? 'end' : 'separator';
          continue;
        }
        return at(i, `expected ',' or '${top === 'object' ? '}' : ']'}' after a value, found ${describeChar(i)}`);
      }
      case 'key':
      case 'firstKey': {
        if (ch === '}' && expect === 'firstKey') {
          stack.pop();
          i++;
          expect = stack.length === 0 ? 'end' : 'separator';
          continue;
        }
        if (ch !== '"') return at(i, `expected a double-quoted property name, found ${describeChar(i)}`);
        const end = scanString(text, i);
        if (end.error !== undefined) return at(end.offset, end.error, end.truncated);
        i = end.offset;
        expect = 'colon';
        continue;
      }
      case 'value':
      case 'firstValue': {
        if (ch === ']' && expect === 'firstValue') {
          stack.pop();
          i++;
          expect = stack.length === 0 ? 'end' : 'separator';
          continue;
        }
        if (ch === '{') {
          stack.push('object');
          i++;
          expect = 'firstKey';
          continue;
        }
        if (ch === '[') {
          stack.push('array');
          i++;
          expect = 'firstValue';
          continue;
        }
        if (ch === '"') {
          const end = scanString(text, i);
          if (end.error !== undefined) return at(end.offset, end.error, end.truncated);
          i = end.offset;
        } else {
          const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
          if (literal === null) {
            const word = /^[^\s,:[\]{}]{1,20}/.exec(text.slice(i, i + 20))?.[0] ?? text[i]!;
            if (i + word.length >= text.length && /^(t|tr|tru|f|fa|fal|fals|n|nu|nul|-)$/.test(word)) return at(i, 'a value', true);
            return at(i, `unexpected ${JSON.stringify(word)} where a value was expected`);
          }
          i += literal[0].length;
        }
        expect = stack.length === 0 ? 'end' : 'separator';
        continue;
      }
    }
  }
}

function scanString(text: string, start: number): { offset: number; error?: string; truncated?: boolean } {
  let j = start + 1;
  while (j < text.length) {
    const code = text.charCodeAt(j);
    if (code === 34) return { offset: j + 1 };
    if (code === 92) {
      const next = text[j + 1];
      if (next === undefined) break;
      if (next === 'u') {
        if (j + 6 > text.length) break;
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return { offset: j, error: 'invalid \\u escape in a string' };
        j += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(next)) return { offset: j, error: `invalid escape \\${next} in a string` };
      j += 2;
      continue;
    }
    if (code < 0x20) return { offset: j, error: 'a control character (such as a raw line break) inside a string' };
    j++;
  }
  return { offset: text.length, error: 'a string', truncated: true };
}
