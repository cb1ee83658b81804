import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { silentLogger } from '../../src/logging/logger.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const options = {
  cwd: repoRoot,
  logger: silentLogger,
  planFile: 'examples/demo/plan.json',
  tfRoot: 'examples/demo',
  configFile: 'test/e2e/empty-config.json',
  today: '2026-11-24',
};

describe('checkPlan paths option', () => {
  it('without paths the findings are the same, only their paths are left out', async () => {
    const drawn = await checkPlan(options);
    const plain = await checkPlan({ ...options, paths: false });
    expect(drawn.findings.some((f) => (f.paths?.length ?? 0) > 0)).toBe(true);
    expect(plain.findings.every((f) => f.paths === undefined)).toBe(true);
    expect(plain.findings).toEqual(drawn.findings.map(({ paths: _paths, ...rest }) => rest));
    expect(plain.summary).toEqual(drawn.summary);
  });
});
