/**
 * Terraform (HCL2) expressions, parsed from the tokens of the HCL reader (`hcl/index.ts`) into a small tree.
 *
 * Why not a library: the one maintained HCL2 parser on npm that runs on Node 20 without a
 * native build, `@cdktf/hcl2json` (Go compiled to wasm), is asynchronous and hands expressions
 * back as unparsed `${…}` strings — it gives the block structure we already scan, not the
 * expression tree that has to be evaluated. So this is a bounded parser for the expression
 * forms Terraform configurations write in references: literals, templates, traversals with
 * computed indexes, splats, function calls, arithmetic, comparison and logic operators, the
 * conditional, tuples, objects and `for` expressions. Anything else parses to `unsupported`,
 * which evaluates to an explicit unknown naming the expression.
 */

import { type HclToken, type TemplatePart, tokenize } from './hcl/index.js';

/** A name as HCL writes it bare (`a.name`, `{ name = … }`); any other is written as a quoted key. */
export const PLAIN_NAME = /^[A-Za-z_][\w-]*$/;

export type Expr =
  | { readonly k: 'literal'; readonly value: null | boolean | number | string }
  | { readonly k: 'template'; readonly parts: readonly (string | Expr)[] }
  | { readonly k: 'name'; readonly name: string }
  | { readonly k: 'attr'; readonly on: Expr; readonly name: string }
  | { readonly k: 'index'; readonly on: Expr; readonly index: Expr }
  | { readonly k: 'splat'; readonly on: Expr; readonly each: readonly SplatStep[] }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly expand: boolean }
  | { readonly k: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly k: 'unary'; readonly op: '-' | '!'; readonly operand: Expr }
  | { readonly k: 'conditional'; readonly condition: Expr; readonly then: Expr; readonly otherwise: Expr }
  | { readonly k: 'tuple'; readonly items: readonly Expr[] }
  | { readonly k: 'object'; readonly items: readonly (readonly [Expr, Expr])[] }
  | {
      readonly k: 'for';
      readonly keyVar?: string;
      readonly valueVar: string;
      readonly collection: Expr;
      readonly keyExpr?: Expr;
      readonly valueExpr: Expr;
      readonly condition?: Expr;
      readonly object: boolean;
      readonly group: boolean;
    }
  | { readonly k: 'unsupported'; readonly text: string; readonly why: string };

export type SplatStep = { readonly name: string } | { readonly index: Expr };

const BINARY_LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];

class Unsupported extends Error {}

/** Parses one expression (an attribute's value tokens). Never throws. */
export function parseExpression(tokens: readonly HclToken[]): Expr {
  const parser = new Parser(tokens);
  try {
    const expr = parser.expression();
    parser.skipNewlines();
    if (!parser.done()) return { k: 'unsupported', text: tokensText(tokens), why: `unexpected ${parser.describeNext()}` };
    return expr;
  } catch (error) {
    return { k: 'unsupported', text: tokensText(tokens), why: error instanceof Unsupported ? error.message : 'cannot be parsed' };
  }
}

/** Parses the text of an interpolation (`${…}`) or of a `.tf.json` template. */
export function parseExpressionText(text: string): Expr {
  let tokens: HclToken[];
  try {
    tokens = tokenize(text);
  } catch {
    return { k: 'unsupported', text, why: 'cannot be parsed' };
  }
  return parseExpression(tokens);
}

/** A template string's parts (`"a-${x}"`) as an expression. */
export function parseTemplate(parts: readonly TemplatePart[]): Expr {
  const out: (string | Expr)[] = [];
  for (const part of parts) {
    if ('literal' in part) out.push(part.literal);
    else if ('interpolation' in part) out.push(parseExpressionText(part.interpolation));
    else return { k: 'unsupported', text: `"${renderParts(parts)}"`, why: 'template directives (%{…}) are not evaluated' };
  }
  if (out.length === 0) return { k: 'literal', value: '' };
  if (out.length === 1 && typeof out[0] === 'string') return { k: 'literal', value: out[0] };
  return { k: 'template', parts: out };
}

class Parser {
  private i = 0;

  constructor(private readonly tokens: readonly HclToken[]) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  describeNext(): string {
    const token = this.tokens[this.i];
    if (token === undefined) return 'end';
    return token.kind === 'string' ? 'string' : token.kind === 'newline' ? 'line break' : `"${token.text}"`;
  }

  skipNewlines(): void {
    while (this.tokens[this.i]?.kind === 'newline') this.i++;
  }

  /** The index of the next token that is not a line break (line breaks are not consumed by looking). */
  private peekIndex(): number {
    let j = this.i;
    while (this.tokens[j]?.kind === 'newline') j++;
    return j;
  }

  private peek(): HclToken | undefined {
    return this.tokens[this.peekIndex()];
  }

  /** Consumes the token `peek()` returned. */
  private advance(): void {
    this.i = this.peekIndex() + 1;
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'punct' && token.text === text;
  }

  private isIdent(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'ident' && token.text === text;
  }

  private expect(text: string): void {
    if (!this.isPunct(text)) throw new Unsupported(`expected "${text}", found ${this.describeNext()}`);
    this.advance();
  }

  private identifier(): string {
    const token = this.peek();
    if (token?.kind !== 'ident') throw new Unsupported(`expected a name, found ${this.describeNext()}`);
    this.advance();
    return token.text;
  }

  expression(): Expr {
    const condition = this.binary(0);
    if (this.isPunct('?')) {
      this.advance();
      const then = this.expression();
      this.expect(':');
      const otherwise = this.expression();
      return { k: 'conditional', condition, then, otherwise };
    }
    return condition;
  }

  private binary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const token = this.peek();
      if (token?.kind !== 'punct' || !BINARY_LEVELS[level]!.includes(token.text)) return left;
      // `<` and `>` are one-character tokens; `<=`/`>=` are scanned as two.
      this.advance();
      const right = this.binary(level + 1);
      left = { k: 'binary', op: token.text, left, right };
    }
  }

  private unary(): Expr {
    if (this.isPunct('-') || this.isPunct('!')) {
      const op = (this.peek() as { text: '-' | '!' }).text;
      this.advance();
      return { k: 'unary', op, operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private primary(): Expr {
    const token = this.peek();
    if (token === undefined) throw new Unsupported('the expression ends early');
    switch (token.kind) {
      case 'number': {
        this.advance();
        const value = Number(token.text);
        if (!Number.isFinite(value)) throw new Unsupported(`"${token.text}" is not a number`);
        return { k: 'literal', value };
      }
      case 'string':
        this.advance();
        return parseTemplate(token.parts);
      case 'ident': {
        this.advance();
        if (token.text === 'true' || token.text === 'false') return { k: 'literal', value: token.text === 'true' };
        if (token.text === 'null') return { k: 'literal', value: null };
        const next = this.tokens[this.i];
        if (next?.kind === 'punct' && next.text === '(') return this.call(token.text);
        if (next?.kind === 'punct' && next.text === '::') throw new Unsupported('provider-defined functions are not evaluated');
        return { k: 'name', name: token.text };
      }
      case 'punct':
        if (token.text === '(') {
          this.advance();
          const inner = this.expression();
          this.expect(')');
          return inner;
        }
        if (token.text === '[') return this.tuple();
        if (token.text === '{') return this.object();
        throw new Unsupported(`unexpected "${token.text}"`);
      default:
        throw new Unsupported('unexpected line break');
    }
  }

  private call(name: string): Expr {
    this.expect('(');
    const args: Expr[] = [];
    let expand = false;
    while (!this.isPunct(')')) {
      args.push(this.expression());
      if (this.isPunct('...')) {
        this.advance();
        expand = true;
      }
      if (this.isPunct(',')) this.advance();
      else if (!this.isPunct(')')) throw new Unsupported(`expected "," or ")" in ${name}(), found ${this.describeNext()}`);
    }
    this.advance();
    return { k: 'call', name, args, expand };
  }

  private tuple(): Expr {
    this.expect('[');
    if (this.isIdent('for')) return this.forExpression(false);
    const items: Expr[] = [];
    while (!this.isPunct(']')) {
      items.push(this.expression());
      if (this.isPunct(',')) this.advance();
      else if (!this.isPunct(']')) throw new Unsupported(`expected "," or "]", found ${this.describeNext()}`);
    }
    this.advance();
    return { k: 'tuple', items };
  }

  private object(): Expr {
    this.expect('{');
    if (this.isIdent('for')) return this.forExpression(true);
    const items: (readonly [Expr, Expr])[] = [];
    while (!this.isPunct('}')) {
      const keyToken = this.peek();
      let key: Expr;
      const after = this.tokens[this.peekIndex() + 1];
      if (keyToken?.kind === 'ident' && after?.kind === 'punct' && (after.text === '=' || after.text === ':')) {
        this.advance();
        key = { k: 'literal', value: keyToken.text }; // a bare name is the key itself, not a variable
      } else key = this.expression();
      if (this.isPunct('=') || this.isPunct(':')) this.advance();
      else throw new Unsupported(`expected "=" in an object, found ${this.describeNext()}`);
      const value = this.expression();
      items.push([key, value]);
      // Items are separated by commas or line breaks.
      const separator = this.tokens[this.i];
      if (separator?.kind === 'punct' && separator.text === ',') this.i++;
      else if (separator?.kind !== 'newline' && !this.isPunct('}'))
        throw new Unsupported(`expected "," or a line break in an object, found ${this.describeNext()}`);
    }
    this.advance();
    return { k: 'object', items };
  }

  private forExpression(object: boolean): Expr {
    this.advance(); // `for`
    let valueVar = this.identifier();
    let keyVar: string | undefined;
    if (this.isPunct(',')) {
      this.advance();
      keyVar = valueVar;
      valueVar = this.identifier();
    }
    if (!this.isIdent('in')) throw new Unsupported(`expected "in", found ${this.describeNext()}`);
    this.advance();
    const collection = this.expression();
    this.expect(':');
    let keyExpr: Expr | undefined;
    let valueExpr = this.expression();
    let group = false;
    if (object) {
      this.expect('=>');
      keyExpr = valueExpr;
      valueExpr = this.expression();
      if (this.isPunct('...')) {
        this.advance();
        group = true;
      }
    }
    let condition: Expr | undefined;
    if (this.isIdent('if')) {
      this.advance();
      condition = this.expression();
    }
    this.expect(object ? '}' : ']');
    return {
      k: 'for',
      ...(keyVar !== undefined ? { keyVar } : {}),
      valueVar,
      collection,
      ...(keyExpr !== undefined ? { keyExpr } : {}),
      valueExpr,
      ...(condition !== undefined ? { condition } : {}),
      object,
      group,
    };
  }

  private postfix(base: Expr): Expr {
    let expr = base;
    for (;;) {
      const token = this.tokens[this.i]; // no line break between a value and its traversal
      if (token?.kind !== 'punct') return expr;
      if (token.text === '.') {
        const next = this.tokens[this.i + 1];
        if (next?.kind === 'ident') {
          this.i += 2;
          expr = { k: 'attr', on: expr, name: next.text };
          continue;
        }
        if (next?.kind === 'number' && /^\d+$/.test(next.text)) {
          this.i += 2;
          expr = { k: 'index', on: expr, index: { k: 'literal', value: Number(next.text) } }; // legacy `list.0`
          continue;
        }
        if (next?.kind === 'punct' && next.text === '*') {
          this.i += 2;
          return this.splat(expr, true);
        }
        return expr;
      }
      if (token.text === '[') {
        const star = this.tokens[this.i + 1];
        const close = this.tokens[this.i + 2];
        if (star?.kind === 'punct' && star.text === '*' && close?.kind === 'punct' && close.text === ']') {
          this.i += 3;
          return this.splat(expr, false);
        }
        this.i++;
        const index = this.expression();
        this.expect(']');
        expr = { k: 'index', on: expr, index };
        continue;
      }
      return expr;
    }
  }

  /** `x[*].a.b` / `x.*.a`: the steps applied to each element. */
  private splat(on: Expr, attributeOnly: boolean): Expr {
    const each: SplatStep[] = [];
    for (;;) {
      const token = this.tokens[this.i];
      if (token?.kind !== 'punct') break;
      const next = this.tokens[this.i + 1];
      if (token.text === '.' && next?.kind === 'ident') {
        this.i += 2;
        each.push({ name: next.text });
        continue;
      }
      if (token.text === '[' && !attributeOnly) {
        this.i++;
        const index = this.expression();
        this.expect(']');
        each.push({ index });
        continue;
      }
      break;
    }
    return { k: 'splat', on, each };
  }
}

/** An expression as HCL text, for messages. */
export function render(expr: Expr): string {
  switch (expr.k) {
    case 'literal':
      return typeof expr.value === 'string' ? JSON.stringify(expr.value) : String(expr.value);
    case 'template':
      return `"${expr.parts.map((p) => (typeof p === 'string' ? p.replace(/["\\]/g, (c) => `\\${c}`) : `\${${render(p)}}`)).join('')}"`;
    case 'name':
      return expr.name;
    case 'attr':
      return `${render(expr.on)}.${expr.name}`;
    case 'index':
      return `${render(expr.on)}[${render(expr.index)}]`;
    case 'splat':
      return `${render(expr.on)}[*]${expr.each.map((s) => ('name' in s ? `.${s.name}` : `[${render(s.index)}]`)).join('')}`;
    case 'call':
      return `${expr.name}(${expr.args.map(render).join(', ')}${expr.expand ? '...' : ''})`;
    case 'binary':
      return `${wrap(expr.left)} ${expr.op} ${wrap(expr.right)}`;
    case 'unary':
      return `${expr.op}${wrap(expr.operand)}`;
    case 'conditional':
      return `${wrap(expr.condition)} ? ${render(expr.then)} : ${render(expr.otherwise)}`;
    case 'tuple':
      return `[${expr.items.map(render).join(', ')}]`;
    case 'object':
      return `{ ${expr.items.map(([k, v]) => `${k.k === 'literal' && typeof k.value === 'string' && PLAIN_NAME.test(k.value) ? k.value : render(k)} = ${render(v)}`).join(', ')} }`;
    case 'for': {
      const vars = expr.keyVar !== undefined ? `${expr.keyVar}, ${expr.valueVar}` : expr.valueVar;
      const body = expr.object ? `${render(expr.keyExpr!)} => ${render(expr.valueExpr)}${expr.group ? '...' : ''}` : render(expr.valueExpr);
      const condition = expr.condition !== undefined ? ` if ${render(expr.condition)}` : '';
      return expr.object
        ? `{for ${vars} in ${render(expr.collection)} : ${body}${condition}}`
        : `[for ${vars} in ${render(expr.collection)} : ${body}${condition}]`;
    }
    case 'unsupported':
      return expr.text;
  }
}

function wrap(expr: Expr): string {
  return expr.k === 'binary' || expr.k === 'conditional' ? `(${render(expr)})` : render(expr);
}

function renderParts(parts: readonly TemplatePart[]): string {
  return parts.map((p) => ('literal' in p ? p.literal : 'interpolation' in p ? `\${${p.interpolation}}` : `%{${p.directive}}`)).join('');
}

/** Tokens back to text, roughly as written (for messages about what could not be parsed). */
export function tokensText(tokens: readonly HclToken[]): string {
  let out = '';
  let previous: HclToken | undefined;
  for (const token of tokens) {
    if (token.kind === 'newline') {
      previous = token;
      continue;
    }
    const text = token.kind === 'string' ? `"${renderParts(token.parts)}"` : token.text;
    const tight =
      previous === undefined ||
      previous.kind === 'newline' ||
      (previous.kind === 'punct' && ['.', '[', '(', '!'].includes(previous.text)) ||
      (token.kind === 'punct' && ['.', ']', ')', ',', '[', '('].includes(token.text));
    out += `${tight || out === '' ? '' : ' '}${text}`;
    previous = token;
  }
  return out;
}

/** Whether a JSON value (a `.tf.json` constant) holds a `${…}` template anywhere. */
export function hasTemplate(value: unknown): boolean {
  // `${…}` interpolations and `%{…}` directives, not their `$${` / `%%{` escapes.
  if (typeof value === 'string') return /(^|[^$])\$\{|(^|[^%])%\{/.test(value);
  if (Array.isArray(value)) return value.some(hasTemplate);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasTemplate);
  return false;
}

/**
 * A value written in Terraform's JSON syntax as an expression: strings are templates
 * (`"${aws_x.y.id}"`), arrays tuples, objects objects (keys as written).
 */
export function jsonExpression(value: unknown): Expr {
  if (typeof value === 'string') {
    if (!value.includes('${') && !value.includes('%{')) return { k: 'literal', value };
    const token = tokenize(JSON.stringify(value))[0];
    return token?.kind === 'string' ? parseTemplate(token.parts) : { k: 'unsupported', text: value, why: 'cannot be parsed' };
  }
  if (Array.isArray(value)) return { k: 'tuple', items: value.map(jsonExpression) };
  if (typeof value === 'object' && value !== null)
    return { k: 'object', items: Object.entries(value).map(([key, v]) => [{ k: 'literal', value: key }, jsonExpression(v)] as const) };
  return { k: 'literal', value: value as null | boolean | number };
}
