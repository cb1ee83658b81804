import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { DEMO_PLAN_CHECK } from '../support/demoPlan.js';

describe('checkPlan paths option', () => {
  it('without paths the findings are the same, only their paths are left out', async () => {
    const drawn = await checkPlan(DEMO_PLAN_CHECK);
    const plain = await checkPlan({ ...DEMO_PLAN_CHECK, paths: false });
    expect(drawn.findings.some((f) => (f.paths?.length ?? 0) > 0)).toBe(true);
    expect(plain.findings.every((f) => f.paths === undefined)).toBe(true);
    expect(plain.findings).toEqual(drawn.findings.map(({ paths: _paths, ...rest }) => rest));
    expect(plain.summary).toEqual(drawn.summary);
  });
});
