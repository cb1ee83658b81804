import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = join(import.meta.dirname, '..', '..');
const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; runs: { using: string; main: string } };
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const workflows = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('the workflows in the README', () => {
  it('exist: PR check, scheduled drift and on demand', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(3);
  });

  it.each(workflows.map((text, i) => [i, text]))('workflow %i is valid YAML whose clb-guard step uses only real inputs', (_i, text) => {
    const workflow = parse(text) as { on: unknown; jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
    expect(workflow.on).toBeDefined();
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const ours = steps.filter((s) => s.uses?.startsWith('clb-guard/clb-guard@') || s.uses === './');
    expect(ours.length).toBeGreaterThan(0);
    for (const step of ours) for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
  });

  it('the Action runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('documents every input', () => {
    for (const input of Object.keys(action.inputs)) expect(readme).toContain(`\`${input}\``);
  });
});
