import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../scripts/generatedFiles.js';

const root = join(import.meta.dirname, '..', '..');

describe('generated files are current (npm run generate rewrites them)', () => {
  for (const { path, text } of generatedFiles(root)) {
    it(path, () => {
      expect(readFileSync(join(root, path), 'utf8') === text, `${path} is stale: run npm run generate`).toBe(true);
    });
  }
});
