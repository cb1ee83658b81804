import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceLocation } from '../model/provenance.js';
import { type BlockHead, topLevelBlockHeads } from './hcl/blockHeads.js';
import { type HclAttribute, type HclBlock, scanHcl } from './hcl/index.js';
import { scanTfJson } from './tfJsonScanner.js';
import { TwoNameTable } from './twoNameTable.js';

/** A resource block as written, with the file it is in (relative to the repository root). */
export interface SourceBlock {
  readonly file: string;
  readonly block: HclBlock;
}

export interface SourceAttribute {
  readonly file: string;
  readonly attribute: HclAttribute;
}

/** A block's nested blocks by type, and the types written as `dynamic "TYPE"`. */
export interface NestedBlocks {
  readonly byType: ReadonlyMap<string, readonly HclBlock[]>;
  readonly dynamic: ReadonlySet<string>;
}

const NO_BLOCKS: readonly HclBlock[] = [];

interface ScannedDirectory {
  /** `data.type.name` blocks by that text. */
  readonly resources: ReadonlyMap<string, SourceBlock>;
  /** `resource "type" "name"` blocks by type and name: looked up for every instance of a module, so without building key text. */
  readonly managed: TwoNameTable<SourceBlock>;
  readonly locals: ReadonlyMap<string, SourceAttribute>;
}

/** Terraform's two syntaxes: native `.tf` and JSON `.tf.json`. */
export function isTerraformFile(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

/** The top-level blocks of one Terraform file, by its syntax. */
export function scanTerraformFile(path: string, text: string): HclBlock {
  return path.endsWith('.tf.json') ? scanTfJson(text) : scanHcl(text);
}

/**
 * The heads of a file's top-level blocks: for native files from a character scan, with a full
 * parse only when that scan cannot be sure (see `blockHeads.ts`).
 */
export function topLevelHeadsOf(path: string, text: string): readonly Pick<BlockHead, 'type' | 'labels'>[] {
  if (path.endsWith('.tf.json')) return scanTfJson(text).blocks;
  return topLevelBlockHeads(text) ?? scanHcl(text).blocks;
}

/** The top-level blocks `TerraformSources` reads; the others (module calls, providers, variables, outputs) are not its to read. */
const SOURCE_BLOCKS = new Set(['resource', 'data', 'locals']);

/**
 * A file's top-level blocks as `TerraformSources` reads them: those of `SOURCE_BLOCKS` the same
 * as `scanTerraformFile` gives them, the others, when the head scan can delimit them, not read.
 */
function scanForSources(path: string, text: string): HclBlock {
  if (path.endsWith('.tf.json')) return scanTfJson(text);
  const skipped = topLevelBlockHeads(text)?.filter((head) => !SOURCE_BLOCKS.has(head.type)) ?? [];
  return scanHcl(text, skipped);
}

/** Reads the `.tf` and `.tf.json` files of a directory; tests may pass their own. */
export interface TfFileReader {
  list(dir: string): readonly string[];
  read(file: string): string | undefined;
}

export const diskTfFiles: TfFileReader = {
  list(dir) {
    try {
      return readdirSync(dir)
        .filter(isTerraformFile)
        .sort()
        .map((name) => join(dir, name));
    } catch {
      return [];
    }
  },
  read(file) {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
};

/**
 * The `.tf` and `.tf.json` files of each module directory, scanned once when first asked: where each
 * `resource "TYPE" "NAME"` block is, and the `locals` the plan JSON does not carry.
 */
export class TerraformSources {
  private readonly directories = new Map<string, ScannedDirectory>();
  private readonly nested = new WeakMap<HclBlock, NestedBlocks>();

  constructor(
    private readonly repoRoot: string,
    private readonly files: TfFileReader = diskTfFiles,
  ) {}

  resourceBlock(dir: string | undefined, mode: 'managed' | 'data', type: string, name: string): SourceBlock | undefined {
    if (dir === undefined) return undefined;
    const scanned = this.scan(dir);
    return mode === 'data' ? scanned.resources.get(`data.${type}.${name}`) : scanned.managed.get(type, name);
  }

  /**
   * The nested blocks of a block, indexed once: readers ask for the i-th `ingress` of a block
   * with thousands, for each of its attributes.
   */
  nestedBlocks(block: HclBlock): NestedBlocks {
    let index = this.nested.get(block);
    if (index === undefined) {
      const byType = new Map<string, HclBlock[]>();
      const dynamic = new Set<string>();
      for (const nested of block.blocks) {
        const list = byType.get(nested.type);
        if (list === undefined) byType.set(nested.type, [nested]);
        else list.push(nested);
        if (nested.type === 'dynamic' && nested.labels[0] !== undefined) dynamic.add(nested.labels[0]);
      }
      index = { byType, dynamic };
      this.nested.set(block, index);
    }
    return index;
  }

  /** The nested blocks of one type (`ingress`), in source order. */
  blocksOfType(block: HclBlock, type: string): readonly HclBlock[] {
    return this.nestedBlocks(block).byType.get(type) ?? NO_BLOCKS;
  }

  local(dir: string | undefined, name: string): SourceAttribute | undefined {
    if (dir === undefined) return undefined;
    return this.scan(dir).locals.get(name);
  }

  location(file: string, line: number, endLine?: number): SourceLocation {
    return { file, line, ...(endLine !== undefined && endLine !== line ? { endLine } : {}) };
  }

  blockLocation(source: SourceBlock): SourceLocation {
    return this.location(source.file, source.block.line, source.block.endLine);
  }

  private scan(dir: string): ScannedDirectory {
    const known = this.directories.get(dir);
    if (known !== undefined) return known;
    const resources = new Map<string, SourceBlock>();
    const managed = new TwoNameTable<SourceBlock>();
    const locals = new Map<string, SourceAttribute>();
    for (const path of this.files.list(dir)) {
      const text = this.files.read(path);
      if (text === undefined) continue;
      const file = relative(this.repoRoot, path).split(sep).join('/');
      for (const block of scanForSources(path, text).blocks) {
        if (block.type === 'resource' && block.labels.length === 2) {
          const [type, name] = block.labels as [string, string];
          if (managed.get(type, name) === undefined) managed.set(type, name, { file, block });
        } else if (block.type === 'data' && block.labels.length === 2) {
          const key = `data.${block.labels[0]}.${block.labels[1]}`;
          if (!resources.has(key)) resources.set(key, { file, block });
        } else if (block.type === 'locals') {
          for (const attribute of block.attributes.values())
            if (!locals.has(attribute.name)) locals.set(attribute.name, { file, attribute });
        }
      }
    }
    const scanned = { resources, managed, locals };
    this.directories.set(dir, scanned);
    return scanned;
  }
}

/** What the plan's root module declares: `type.name` / `data.type.name` resources and module call names. */
export interface RootDeclarations {
  readonly resources: ReadonlySet<string>;
  readonly modules: ReadonlySet<string>;
}

/** The root-module declarations behind some Terraform addresses (`module.app.x.y[0]` → module `app`). */
export function rootDeclarationsOf(addresses: Iterable<string>): RootDeclarations {
  const resources = new Set<string>();
  const modules = new Set<string>();
  for (const address of addresses) {
    const steps = address.replace(/\[("(?:[^"\\]|\\.)*"|[^\]]*)\]/g, '').split('.');
    if (steps[0] === 'module' && steps[1]) modules.add(steps[1]);
    else if (steps[0] === 'data' && steps.length >= 3) resources.add(`data.${steps[1]}.${steps[2]}`);
    else if (steps.length >= 2 && /^[a-z][a-z0-9_]*$/i.test(steps[0]!)) resources.add(`${steps[0]}.${steps[1]}`);
  }
  return { resources, modules };
}

/** Folders a search of the repository never enters: dependencies, Terraform's own caches, VCS data. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.terraform', 'vendor']);

export interface DeclarationSearchResult {
  /** The folder that declares most of the wanted blocks (absolute), when any does. */
  readonly dir?: string;
  /** How many of the wanted blocks it declares. */
  readonly declared: number;
  readonly filesScanned: number;
  /** The search stopped at its file or folder limit before seeing everything. */
  readonly truncated: boolean;
}

export interface DeclarationSearchOptions {
  readonly maxFiles?: number;
  readonly maxDirs?: number;
  readonly files?: TfFileReader;
  /** Lists the sub-folders of a folder; default: the disk (symbolic links are not followed). */
  readonly subdirs?: (dir: string) => readonly string[];
}

function diskSubdirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** How many of the wanted blocks the `.tf` and `.tf.json` files of one folder declare. */
export function declaredIn(dir: string, wanted: RootDeclarations, files: TfFileReader = diskTfFiles): { declared: number; files: number } {
  const seen = new Set<string>();
  const paths = files.list(dir);
  for (const path of paths) {
    const text = files.read(path);
    if (text === undefined) continue;
    for (const block of topLevelHeadsOf(path, text)) {
      if ((block.type === 'resource' || block.type === 'data') && block.labels.length === 2) {
        const key = `${block.type === 'data' ? 'data.' : ''}${block.labels[0]}.${block.labels[1]}`;
        if (wanted.resources.has(key)) seen.add(`r:${key}`);
      } else if (block.type === 'module' && block.labels.length === 1 && wanted.modules.has(block.labels[0]!))
        seen.add(`m:${block.labels[0]}`);
    }
  }
  return { declared: seen.size, files: paths.length };
}

/**
 * Searches a repository, breadth first and bounded, for the folder whose `.tf` / `.tf.json` files declare the
 * plan's root module: the one declaring most of its resources and module calls (the shallowest on
 * a tie). Hidden folders, `node_modules`, `vendor` and `.terraform` are skipped, links not followed.
 */
export function findDeclaringDirectory(
  searchRoot: string,
  wanted: RootDeclarations,
  options: DeclarationSearchOptions = {},
): DeclarationSearchResult {
  const files = options.files ?? diskTfFiles;
  const subdirs = options.subdirs ?? diskSubdirs;
  const maxFiles = options.maxFiles ?? 2_000;
  const maxDirs = options.maxDirs ?? 5_000;
  let best: { dir: string; declared: number } | undefined;
  let filesScanned = 0;
  let dirsSeen = 0;
  let truncated = false;
  const queue = [searchRoot];
  while (queue.length > 0) {
    const dir = queue.shift()!;
    if (++dirsSeen > maxDirs) {
      truncated = true;
      break;
    }
    const tf = files.list(dir);
    if (tf.length > 0) {
      if (filesScanned + tf.length > maxFiles) {
        truncated = true;
        break;
      }
      const { declared } = declaredIn(dir, wanted, { list: () => tf, read: (f) => files.read(f) });
      filesScanned += tf.length;
      if (declared > 0 && (best === undefined || declared > best.declared)) best = { dir, declared };
    }
    for (const sub of subdirs(dir)) {
      const name = sub.slice(sub.lastIndexOf(sep) + 1);
      if (name.startsWith('.') || SKIPPED_DIRS.has(name)) continue;
      queue.push(sub);
    }
  }
  return { ...(best ? { dir: best.dir } : {}), declared: best?.declared ?? 0, filesScanned, truncated };
}
