import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { InputError } from '../errors/inputError.js';
import { isObject, type JsonObject } from './planDocument.js';
import { deepestNesting, lineAndColumn } from '../text/jsonNesting.js';
import { parsePlanJsonText } from './planJsonText.js';

/** The plan argument that means "read the plan from standard input". */
export const STDIN_PLAN = '-';
/** Larger plans are refused: the whole text must fit a JavaScript string to locate damage in it. */
export const MAX_PLAN_BYTES = 500 * 1024 * 1024;
/** Deeper JSON is refused: no plan nests this deep, and recursive readers would overflow. */
export const MAX_PLAN_DEPTH = 256;

/**
 * Reads `terraform show -json` output without holding the whole text and the whole tree at
 * once. The file is scanned in chunks; each resource change is parsed on its own (native
 * JSON.parse on a small slice) and trimmed to what the checks read (`after`, `after_unknown`).
 * Sections that only repeat what `resource_changes` says (`planned_values`, prior-state copies
 * of resources that also have a change) or that no check reads (`relevant_attributes`,
 * `output_changes`, `before`, the sensitivity masks) are skipped without being built.
 * Anything unexpected falls back to parsing the whole text, which also gives the located error.
 */
/**
 * Reads a plan from a regular file. Devices, FIFOs, directories and sockets are refused, as are
 * files over `MAX_PLAN_BYTES` and JSON nested deeper than `MAX_PLAN_DEPTH`, each with one line
 * naming the file; the file must be valid JSON throughout, the sections no check reads included.
 * (Standard input, `STDIN_PLAN`, is read by the caller and handed to `parsePlanBytes`.)
 */
export function readPlanFile(path: string, file: string): unknown {
  refuseNonFile(statSync(path), file);
  // Non-blocking, so that a FIFO put in the file's place cannot hang the open.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    refuseNonFile(stats, file);
    try {
      return new SelectivePlanReader(fd).read();
    } catch (error) {
      if (error instanceof TooDeep) throw tooDeep(file, lineAndColumnInFile(fd, error.offset));
      if (!(error instanceof FallBack)) throw error;
    }
    return parsePlanBytes(readWhole(fd, stats.size), file);
  } finally {
    closeSync(fd);
  }
}

function refuseNonFile(stats: Stats, file: string): void {
  if (!stats.isFile()) {
    const kind = stats.isDirectory() ? 'a directory' : stats.isCharacterDevice() ? 'a character device' : stats.isBlockDevice() ? 'a block device' : stats.isFIFO() ? 'a FIFO' : stats.isSocket() ? 'a socket' : 'not a regular file';
    throw new InputError(`not a file (${kind}): pass the JSON of \`terraform show -json PLANFILE\` as a file, or \`-\` to read it from standard input`, { file });
  }
  if (stats.size > MAX_PLAN_BYTES) throw planTooLarge(file);
}

export function planTooLarge(file: string): InputError {
  return new InputError(`too large: clb-guard reads plans up to ${MAX_PLAN_BYTES / 1024 / 1024} MiB`, { file });
}

function tooDeep(file: string, place: { line: number; column: number }): InputError {
  return new InputError(`nested deeper than ${MAX_PLAN_DEPTH} levels: no Terraform plan nests this deep`, { file, place: `line ${place.line} column ${place.column}` });
}

/** A whole plan text (a file the chunked reader gave up on, or standard input): valid JSON (or the located error), and not nested too deep. */
export function parsePlanBytes(bytes: Buffer, file: string): unknown {
  const text = bytes.toString('utf8');
  const deep = deepestNesting(text, MAX_PLAN_DEPTH);
  if (deep !== undefined) throw tooDeep(file, lineAndColumn(text, deep));
  return parsePlanJsonText(text, file);
}

function readWhole(fd: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let at = 0;
  while (at < size) {
    const read = readSync(fd, buffer, at, size - at, at);
    if (read <= 0) break;
    at += read;
  }
  return buffer.subarray(0, at);
}

/** Line and column of a byte offset, counted in chunks (only when reporting an error). */
function lineAndColumnInFile(fd: number, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const buffer = Buffer.allocUnsafe(CHUNK);
  for (let at = 0; at < offset; ) {
    const read = readSync(fd, buffer, 0, Math.min(CHUNK, offset - at), at);
    if (read <= 0) break;
    for (let i = 0; i < read; i++) {
      if (buffer[i] === 0x0a) {
        line++;
        lineStart = at + i + 1;
      }
    }
    at += read;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The streaming reader met something it does not handle; the whole-text parser decides. */
class FallBack extends Error {}

/** Nesting past `MAX_PLAN_DEPTH`, at this byte offset. */
class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

const CHUNK = 1 << 20;

/** Top-level keys that no check reads: skipped unbuilt. `values`/`resources` are a state's. */
const SKIPPED = new Set(['relevant_attributes', 'output_changes', 'resource_drift', 'checks', 'deferred_changes', 'values', 'resources']);

class SelectivePlanReader {
  /** How many objects and arrays enclose the current position. */
  private depth = 0;
  private chunk: Buffer = Buffer.alloc(0);
  private position = 0;
  /** File offset of `chunk[0]`. */
  private chunkOffset = 0;
  private ended = false;
  /** Addresses that have a resource change: their prior-state copies are not needed. */
  private readonly changed = new Set<string>();

  constructor(private readonly fd: number) {}

  read(): JsonObject {
    return this.readRoot();
  }

  private readRoot(): JsonObject {
    this.skipBom();
    const root: JsonObject = {};
    let plannedValues: { start: number; end: number } | undefined;
    this.objectEntries((key) => {
      if (key === 'resource_changes') root[key] = this.resourceChanges();
      else if (key === 'prior_state') root[key] = this.priorState();
      else if (key === 'planned_values') {
        // Kept only as a range: `resource_changes` says the same, with the unknowns.
        const start = this.offset();
        this.skipValue();
        plannedValues = { start, end: this.offset() };
        root[key] = {};
      } else if (SKIPPED.has(key)) {
        this.skipValue();
        root[key] = {};
      } else root[key] = this.parseValue();
    });
    this.skipWhitespace();
    if (!this.atEnd()) throw new FallBack();
    const changes = root['resource_changes'];
    if (plannedValues !== undefined && (!Array.isArray(changes) || changes.length === 0)) root['planned_values'] = this.parseRange(plannedValues.start, plannedValues.end);
    return root;
  }

  private resourceChanges(): unknown[] {
    const changes: unknown[] = [];
    this.expect(0x5b /* [ */);
    this.arrayElements(() => {
      const change = this.parseValue();
      const trimmed = trimChange(change);
      if (trimmed === undefined) return;
      if (typeof trimmed['address'] === 'string' && trimmed['mode'] === 'managed') this.changed.add(trimmed['address']);
      changes.push(trimmed);
    });
    return changes;
  }

  private priorState(): JsonObject {
    const state: JsonObject = {};
    this.objectEntries((key) => {
      if (key === 'values') {
        const values: JsonObject = {};
        this.objectEntries((valuesKey) => {
          if (valuesKey === 'root_module') values[valuesKey] = this.stateModule();
          else this.skipValue();
        });
        state[key] = values;
      } else state[key] = this.parseValue();
    });
    return state;
  }

  private stateModule(): JsonObject {
    const module: JsonObject = {};
    this.objectEntries((key) => {
      if (key === 'resources') {
        const resources: unknown[] = [];
        this.expect(0x5b);
        this.arrayElements(() => {
          const resource = this.parseValue();
          if (!isObject(resource) || resource['mode'] !== 'managed') return;
          if (typeof resource['address'] === 'string' && this.changed.has(resource['address'])) return;
          resources.push(resource);
        });
        module[key] = resources;
      } else if (key === 'child_modules') {
        const children: unknown[] = [];
        this.expect(0x5b);
        this.arrayElements(() => children.push(this.stateModule()));
        module[key] = children;
      } else module[key] = this.parseValue();
    });
    return module;
  }

  // ---- structure ---------------------------------------------------------------------------

  /** `{ "key": value, … }`: the callback must consume the value. */
  private objectEntries(onEntry: (key: string) => void): void {
    this.expect(0x7b /* { */);
    this.enter();
    this.skipWhitespace();
    if (this.peek() === 0x7d) {
      this.position++;
      this.depth--;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      const key = this.parseValue();
      if (typeof key !== 'string') throw new FallBack();
      this.expect(0x3a /* : */);
      onEntry(key);
      this.skipWhitespace();
      const next = this.next();
      if (next === 0x7d) {
        this.depth--;
        return;
      }
      if (next !== 0x2c) throw new FallBack();
    }
  }

  private enter(): void {
    if (++this.depth > MAX_PLAN_DEPTH) throw new TooDeep(this.offset() - 1);
  }

  /** The elements of an array whose `[` was consumed: the callback must consume each. */
  private arrayElements(onElement: () => void): void {
    this.enter();
    this.skipWhitespace();
    if (this.peek() === 0x5d) {
      this.position++;
      this.depth--;
      return;
    }
    for (;;) {
      onElement();
      this.skipWhitespace();
      const next = this.next();
      if (next === 0x5d) {
        this.depth--;
        return;
      }
      if (next !== 0x2c) throw new FallBack();
    }
  }

  private expect(byte: number): void {
    this.skipWhitespace();
    if (this.next() !== byte) throw new FallBack();
  }

  /** One JSON value, parsed natively from its own bytes. */
  private parseValue(): unknown {
    this.skipWhitespace();
    const pieces: Buffer[] = [];
    this.scanValue(pieces);
    const bytes = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
    try {
      return JSON.parse(bytes.toString('utf8')) as unknown;
    } catch {
      throw new FallBack();
    }
  }

  /**
   * Skips one value without building it, checking as it goes that it is valid JSON and not
   * nested too deep: a file is refused wherever the damage is, skipped sections included.
   * Anything wrong goes to the whole-text parser, which says where.
   */
  private skipValue(): void {
    this.skipWhitespace();
    this.fill();
    const stack: number[] = [];
    let state = VALUE;
    let stringIsKey = false;
    /** 0: none; 1: after a backslash; 5…2: hex digits of a \u escape still to come. */
    let escape = 0;
    let scalar = '';
    for (;;) {
      const chunk = this.chunk;
      const length = chunk.length;
      let i = this.position;
      for (; i < length; i++) {
        const c = chunk[i]!;
        if (state === STRING) {
          if (escape === 0) {
            if (c === 0x22) {
              if (stringIsKey) state = COLON;
              else if (stack.length === 0) {
                this.position = i + 1;
                return;
              } else state = AFTER;
            } else if (c === 0x5c) escape = 1;
            else if (c < 0x20) throw new FallBack();
          } else if (escape === 1) {
            if (c === 0x75) escape = 5;
            else if (c === 0x22 || c === 0x5c || c === 0x2f || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74) escape = 0;
            else throw new FallBack();
          } else {
            if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))) throw new FallBack();
            escape = escape === 2 ? 0 : escape - 1;
          }
          continue;
        }
        if (state === SCALAR) {
          if (!isDelimiter(c)) {
            scalar += String.fromCharCode(c);
            if (scalar.length > 400) throw new FallBack();
            continue;
          }
          if (!SCALAR_TOKEN.test(scalar)) throw new FallBack();
          if (stack.length === 0) {
            this.position = i;
            return;
          }
          state = AFTER;
        }
        if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
        let close = false;
        switch (state) {
          case VALUE:
          case FIRST_VALUE:
            if (c === 0x5d && state === FIRST_VALUE) close = true;
            else if (c === 0x7b || c === 0x5b) {
              stack.push(c);
              if (this.depth + stack.length > MAX_PLAN_DEPTH) throw new TooDeep(this.chunkOffset + i);
              state = c === 0x7b ? FIRST_KEY : FIRST_VALUE;
            } else if (c === 0x22) {
              state = STRING;
              stringIsKey = false;
            } else if (!isDelimiter(c)) {
              state = SCALAR;
              scalar = String.fromCharCode(c);
            } else throw new FallBack();
            break;
          case KEY:
          case FIRST_KEY:
            if (c === 0x7d && state === FIRST_KEY) close = true;
            else if (c === 0x22) {
              state = STRING;
              stringIsKey = true;
            } else throw new FallBack();
            break;
          case COLON:
            if (c !== 0x3a) throw new FallBack();
            state = VALUE;
            break;
          case AFTER: {
            const top = stack[stack.length - 1];
            if (c === 0x2c) state = top === 0x7b ? KEY : VALUE;
            else if ((c === 0x7d && top === 0x7b) || (c === 0x5d && top === 0x5b)) close = true;
            else throw new FallBack();
            break;
          }
        }
        if (close) {
          stack.pop();
          if (stack.length === 0) {
            this.position = i + 1;
            return;
          }
          state = AFTER;
        }
      }
      this.position = i;
      if (!this.refill()) {
        if (state === SCALAR && stack.length === 0 && SCALAR_TOKEN.test(scalar)) return; // a scalar at the very end
        throw new FallBack(); // truncated: the whole-text parser will say where
      }
    }
  }

  /**
   * Finds the end of the value at the current position, tracking strings and nesting only; the
   * bytes go to `pieces` when given. This loop touches every byte of the file, so it is plain.
   */
  private scanValue(pieces: Buffer[] | undefined): void {
    this.fill();
    let depth = 0;
    let inString = false;
    let escaped = false;
    const first = this.peek();
    const scalar = first !== 0x7b && first !== 0x5b && first !== 0x22;
    for (;;) {
      const chunk = this.chunk;
      const length = chunk.length;
      let i = this.position;
      const start = i;
      let done = false;
      for (; i < length; i++) {
        const c = chunk[i]!;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) {
            inString = false;
            if (depth === 0) {
              i++;
              done = true;
              break;
            }
          }
          continue;
        }
        if (scalar) {
          if (c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
            done = true;
            break;
          }
          continue;
        }
        if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) {
          if (this.depth + ++depth > MAX_PLAN_DEPTH) throw new TooDeep(this.chunkOffset + i);
        }
        else if (c === 0x7d || c === 0x5d) {
          depth--;
          if (depth === 0) {
            i++;
            done = true;
            break;
          }
        }
      }
      if (pieces !== undefined && i > start) pieces.push(chunk.subarray(start, i));
      this.position = i;
      if (done) return;
      if (!this.refill()) {
        if (scalar && i > start) return; // a scalar at the very end
        throw new FallBack(); // truncated: the whole-text parser will say where
      }
    }
  }

  // ---- bytes -------------------------------------------------------------------------------

  private offset(): number {
    return this.chunkOffset + this.position;
  }

  private fill(): void {
    if (this.position >= this.chunk.length) this.refill();
  }

  /** Reads the next chunk into a fresh buffer, so slices of the previous one stay valid. */
  private refill(): boolean {
    if (this.ended) return false;
    const buffer = Buffer.allocUnsafe(CHUNK);
    const read = readSync(this.fd, buffer, 0, CHUNK, null);
    this.chunkOffset += this.chunk.length;
    this.position = 0;
    if (read <= 0) {
      this.ended = true;
      this.chunk = Buffer.alloc(0);
      return false;
    }
    this.chunk = read === CHUNK ? buffer : buffer.subarray(0, read);
    return true;
  }

  private peek(): number {
    this.fill();
    return this.position < this.chunk.length ? this.chunk[this.position]! : -1;
  }

  private next(): number {
    const byte = this.peek();
    if (byte >= 0) this.position++;
    return byte;
  }

  private atEnd(): boolean {
    return this.peek() < 0;
  }

  private skipWhitespace(): void {
    for (;;) {
      const byte = this.peek();
      if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return;
      this.position++;
    }
  }

  private skipBom(): void {
    if (this.peek() === 0xef) {
      this.position++;
      if (this.next() !== 0xbb || this.next() !== 0xbf) throw new FallBack();
    }
    this.skipWhitespace();
    if (this.peek() !== 0x7b) throw new FallBack();
  }

  private parseRange(start: number, end: number): unknown {
    const buffer = Buffer.allocUnsafe(end - start);
    readSync(this.fd, buffer, 0, end - start, start);
    try {
      return JSON.parse(buffer.toString('utf8')) as unknown;
    } catch {
      throw new FallBack();
    }
  }
}

// States of the validating skip.
const VALUE = 0;
const FIRST_VALUE = 1;
const KEY = 2;
const FIRST_KEY = 3;
const COLON = 4;
const AFTER = 5;
const STRING = 6;
const SCALAR = 7;
const SCALAR_TOKEN = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;

/** Bytes that end a bare token (number, true, false, null). */
function isDelimiter(c: number): boolean {
  return c === 0x2c || c === 0x7d || c === 0x5d || c === 0x7b || c === 0x5b || c === 0x3a || c === 0x22 || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** A resource change with only what the checks read; `after` and `after_unknown` are not copied. */
function trimChange(change: unknown): JsonObject | undefined {
  if (!isObject(change)) return undefined;
  if (change['mode'] === 'data') return undefined;
  const body = change['change'];
  const trimmed: JsonObject = {};
  for (const key of ['address', 'module_address', 'mode', 'type', 'name', 'index', 'deposed']) if (key in change) trimmed[key] = change[key];
  if (isObject(body)) trimmed['change'] = { actions: body['actions'], after: body['after'], after_unknown: body['after_unknown'] };
  else if ('change' in change) trimmed['change'] = body;
  return trimmed;
}
