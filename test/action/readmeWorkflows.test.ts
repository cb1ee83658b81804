import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readActionInputs } from '../../src/action/actionInputs.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: unknown }>;
  runs: { using: string; main: string };
};
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
}

const workflows = blocks.map((text) => parse(text) as Workflow);
const stepsOf = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);
/** A permission of the job that runs `step` (job level), else of the workflow. */
const permissionOf = (w: Workflow, step: Step, name: string) =>
  Object.values(w.jobs).find((job) => job.steps.includes(step))?.permissions?.[name] ?? w.permissions?.[name];
const ours = (w: Workflow) => stepsOf(w).filter((s) => s.uses?.startsWith('clb-guard/clb-guard@') || s.uses === './');
const cases = workflows.map((w, i) => [i, w] as const);

/** The versions of other actions the README shows: the current majors. */
const CURRENT: Record<string, string> = {
  'actions/checkout': 'v5',
  'github/codeql-action/upload-sarif': 'v4',
  'hashicorp/setup-terraform': 'v3',
};

describe('the workflows in the README', () => {
  it('exist: PR check, scheduled drift and on demand', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(3);
    expect(workflows.map((w) => Object.keys(typeof w.on === 'string' ? { [w.on]: null } : (w.on as object))[0])).toEqual(
      expect.arrayContaining(['pull_request', 'schedule', 'workflow_dispatch']),
    );
  });

  it.each(cases)('workflow %i: every with: key of the clb-guard step is an input of action.yml', (_i, workflow) => {
    expect(workflow.on).toBeDefined();
    expect(ours(workflow).length).toBeGreaterThan(0);
    for (const step of ours(workflow))
      for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `with: ${key}`).toContain(key);
  });

  it.each(cases)('workflow %i: the clb-guard step has what its mode requires, and the permissions its features need', (_i, workflow) => {
    for (const step of ours(workflow)) {
      const inputs = step.with ?? {};
      const mode = inputs.mode ?? action.inputs.mode?.default;
      if (mode === 'plan') expect(inputs['plan-file']).toBeDefined();
      else if (mode === 'merge') expect(inputs.reports).toBeDefined();
      else expect(inputs.regions).toBeDefined();
      const oidc = inputs['role-arn'] !== undefined;
      expect(inputs['oidc-provider-id'] !== undefined).toBe(oidc);
      if (oidc) expect(permissionOf(workflow, step, 'id-token')).toBe('write');
      // Live mode without OIDC takes keys from the environment.
      if (mode === 'live' && !oidc)
        expect(Object.keys(step.env ?? {})).toEqual(expect.arrayContaining(['TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY']));
      if (workflow.on === 'pull_request') expect(permissionOf(workflow, step, 'pull-requests')).toBe('write');
      const sarif = inputs['sarif-file'];
      if (sarif !== undefined) {
        const upload = stepsOf(workflow).find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
        expect(upload?.with?.sarif_file).toBe(sarif);
        expect(permissionOf(workflow, step, 'security-events')).toBe('write');
      }
    }
  });

  it.each(cases)('workflow %i: other actions at their current major, and terraform plan has credentials', (_i, workflow) => {
    for (const step of stepsOf(workflow)) {
      const [name, version] = (step.uses ?? '').split('@');
      if (name !== undefined && name in CURRENT) expect(version, name).toBe(CURRENT[name]);
      if (step.run?.includes('terraform plan'))
        expect(Object.keys(step.env ?? {})).toEqual(expect.arrayContaining(['TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY']));
    }
  });

  it('the Action runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it.each(cases)('workflow %i: the clb-guard step sets only inputs its mode takes, as the Action reads them', (_i, workflow) => {
    for (const step of ours(workflow)) {
      // An expression stands for a value it gives at run time.
      const runtime: Record<string, string> = { 'fail-on': 'never', 'role-arn': 'qcs::cam::uin/1:roleName/r' };
      const given = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v).includes('${{') ? (runtime[k] ?? 'x') : String(v)]),
      );
      expect(() =>
        readActionInputs(
          (name) => given[name] ?? '',
          () => {},
        ),
      ).not.toThrow();
    }
  });

  it('documents every input', () => {
    for (const input of Object.keys(action.inputs)) expect(readme).toContain(`\`${input}\``);
  });

  it('the OIDC trust policy example is valid JSON naming the provider the workflow uses', () => {
    const json = [...readme.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((m) => m[1]!.replace(/^ {3}/gm, ''))
      .find((text) => text.includes('AssumeRoleWithWebIdentity'));
    expect(json).toBeDefined();
    const policy = JSON.parse(json!) as {
      statement: { principal: { federated: string[] }; condition: { string_equal: Record<string, string[]> } }[];
    };
    const drift = workflows.flatMap(ours).find((s) => s.with?.['oidc-provider-id'] !== undefined)!;
    expect(policy.statement[0]!.principal.federated[0]).toMatch(new RegExp(`:oidc-provider/${String(drift.with!['oidc-provider-id'])}$`));
    expect(policy.statement[0]!.condition.string_equal['oidc:aud']).toEqual([drift.with!['oidc-audience']]);
  });
});
