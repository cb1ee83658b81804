import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceLocation } from '../../model/provenance.js';
import { scanHcl, type HclAttribute, type HclBlock } from './hclScanner.js';

/** A resource block as written, with the file it is in (relative to the repository root). */
export interface SourceBlock {
  readonly file: string;
  readonly block: HclBlock;
}

export interface SourceAttribute {
  readonly file: string;
  readonly attribute: HclAttribute;
}

interface ScannedDirectory {
  readonly resources: ReadonlyMap<string, SourceBlock>;
  readonly locals: ReadonlyMap<string, SourceAttribute>;
}

/** Reads the `.tf` files of a directory; tests may pass their own. */
export interface TfFileReader {
  list(dir: string): readonly string[];
  read(file: string): string | undefined;
}

export const diskTfFiles: TfFileReader = {
  list(dir) {
    try {
      return readdirSync(dir)
        .filter((name) => name.endsWith('.tf'))
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
 * The `.tf` files of each module directory, scanned once when first asked: where each
 * `resource "TYPE" "NAME"` block is, and the `locals` the plan JSON does not carry.
 */
export class TerraformSources {
  private readonly directories = new Map<string, ScannedDirectory>();

  constructor(
    private readonly repoRoot: string,
    private readonly files: TfFileReader = diskTfFiles,
  ) {}

  resourceBlock(dir: string | undefined, mode: 'managed' | 'data', type: string, name: string): SourceBlock | undefined {
    if (dir === undefined) return undefined;
    return this.scan(dir).resources.get(`${mode === 'data' ? 'data.' : ''}${type}.${name}`);
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
    const locals = new Map<string, SourceAttribute>();
    for (const path of this.files.list(dir)) {
      const text = this.files.read(path);
      if (text === undefined) continue;
      const file = relative(this.repoRoot, path).split(sep).join('/');
      for (const block of scanHcl(text).blocks) {
        if ((block.type === 'resource' || block.type === 'data') && block.labels.length === 2) {
          const key = `${block.type === 'data' ? 'data.' : ''}${block.labels[0]}.${block.labels[1]}`;
          if (!resources.has(key)) resources.set(key, { file, block });
        } else if (block.type === 'locals') {
          for (const attribute of block.attributes.values()) if (!locals.has(attribute.name)) locals.set(attribute.name, { file, attribute });
        }
      }
    }
    const scanned = { resources, locals };
    this.directories.set(dir, scanned);
    return scanned;
  }
}
