import { closeSync, openSync, readSync } from 'node:fs';
import { isObject, type JsonObject } from './planDocument.js';
import { parsePlanJsonText } from './planJsonText.js';

/**
 * Reads `terraform show -json` output without holding the whole text and the whole tree at
 * once. The file is scanned in chunks; each resource change is parsed on its own (native
 * JSON.parse on a small slice) and trimmed to what the checks read (`after`, `after_unknown`).
 * Sections that only repeat what `resource_changes` says (`planned_values`, prior-state copies
 * of resources that also have a change) or that no check reads (`relevant_attributes`,
 * `output_changes`, `before`, the sensitivity masks) are skipped without being built.
 * Anything unexpected falls back to parsing the whole text, which also gives the located error.
 */
export function readPlanFile(path: string, file: string, readText: () => string): unknown {
  try {
    return new SelectivePlanReader(path).read();
  } catch (error) {
    if (!(error instanceof FallBack)) throw error;
  }
  return parsePlanJsonText(readText(), file);
}

/** The streaming reader met something it does not handle; the whole-text parser decides. */
class FallBack extends Error {}

const CHUNK = 1 << 20;

/** Top-level keys that no check reads: skipped unbuilt. `values`/`resources` are a state's. */
const SKIPPED = new Set(['relevant_attributes', 'output_changes', 'resource_drift', 'checks', 'deferred_changes', 'values', 'resources']);

class SelectivePlanReader {
  private readonly fd: number;
  private chunk: Buffer = Buffer.alloc(0);
  private position = 0;
  /** File offset of `chunk[0]`. */
  private chunkOffset = 0;
  private ended = false;
  /** Addresses that have a resource change: their prior-state copies are not needed. */
  private readonly changed = new Set<string>();

  constructor(path: string) {
    this.fd = openSync(path, 'r');
  }

  read(): JsonObject {
    try {
      return this.readRoot();
    } finally {
      closeSync(this.fd);
    }
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
    this.skipWhitespace();
    if (this.peek() === 0x7d) {
      this.position++;
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
      if (next === 0x7d) return;
      if (next !== 0x2c) throw new FallBack();
    }
  }

  /** The elements of an array whose `[` was consumed: the callback must consume each. */
  private arrayElements(onElement: () => void): void {
    this.skipWhitespace();
    if (this.peek() === 0x5d) {
      this.position++;
      return;
    }
    for (;;) {
      onElement();
      this.skipWhitespace();
      const next = this.next();
      if (next === 0x5d) return;
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

  private skipValue(): void {
    this.skipWhitespace();
    this.scanValue(undefined);
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
        else if (c === 0x7b || c === 0x5b) depth++;
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
