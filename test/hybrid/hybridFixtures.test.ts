import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HYBRID_CASES } from '../fixtures/hybrid/cases.js';
import { toHybridAccount, toHybridPlan, toHybridTf } from '../fixtures/hybrid/hybridSpec.js';

const root = join(import.meta.dirname, '..', 'fixtures', 'hybrid');
// CLB_GUARD_WRITE_FIXTURES=1 npx vitest run test/hybrid/hybridFixtures.test.ts renders them anew.
const write = process.env.CLB_GUARD_WRITE_FIXTURES === '1';

describe('the hybrid fixtures are what their specs render to', () => {
  it.each(Object.keys(HYBRID_CASES))('%s: main.tf, plan.json and account.json', (name) => {
    const spec = HYBRID_CASES[name]!;
    const dir = join(root, name);
    const files = {
      'main.tf': toHybridTf(spec),
      'plan.json': `${JSON.stringify(toHybridPlan(spec), null, 2)}\n`,
      'account.json': `${JSON.stringify(toHybridAccount(spec), null, 2)}\n`,
    };
    if (write) {
      mkdirSync(dir, { recursive: true });
      for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    }
    for (const [file, text] of Object.entries(files)) {
      expect(existsSync(join(dir, file)), `${name}/${file} is committed`).toBe(true);
      expect(readFileSync(join(dir, file), 'utf8')).toBe(text);
    }
  });
});
