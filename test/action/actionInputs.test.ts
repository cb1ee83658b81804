import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readActionInputs } from '../../src/action/actionInputs.js';
import { runAction } from '../../src/action/runAction.js';
import { MODE_SETTINGS } from '../../src/check/modeSettings.js';
import { parseCommand } from '../../src/cli/cliArguments.js';
import { InputError } from '../../src/errors/inputError.js';
import { renderJson } from '../../src/report/jsonReport.js';
import { report } from '../report/sampleReport.js';
import { fakeActionIo } from './fakeActionIo.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const actionYml = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> };
const ROLE = 'qcs::cam::uin/100000000001:roleName/clb-guard-readonly';

/** The inputs as the runner passes them: action.yml's defaults for what the step does not set. */
function read(given: Record<string, string>) {
  const withDefaults = (name: string) => given[name] ?? String(actionYml.inputs[name]?.default ?? '');
  return readActionInputs(withDefaults, () => {});
}
function refusal(given: Record<string, string>): string {
  try {
    read(given);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(given)}`);
}

const plan = { 'plan-file': 'plan.json' };
const live = { mode: 'live', regions: 'ap-guangzhou' };
const merge = { mode: 'merge', reports: 'reports/*.json' };

describe('Action inputs that mean nothing in the mode', () => {
  it.each([
    [{ ...plan, account: 'shop' }, 'input "account" is for live mode, not plan mode: remove it from this step'],
    [{ ...plan, 'save-snapshot': 's.json' }, 'input "save-snapshot" is for live mode, not plan mode: remove it from this step'],
    [{ ...plan, reports: 'r/*.json' }, 'input "reports" is for merge mode, not plan mode: remove it from this step'],
    [{ ...plan, 'drift-issue': 'always' }, 'input "drift-issue" is for live and merge mode, not plan mode: remove it from this step'],
    [{ ...live, 'plan-file': 'plan.json' }, 'input "plan-file" is for plan mode, not live mode: remove it from this step'],
    [{ ...live, 'tf-root': 'infra' }, 'input "tf-root" is for plan mode, not live mode: remove it from this step'],
    [{ ...live, 'resolve-live': 'true' }, 'input "resolve-live" is for plan mode, not live mode: remove it from this step'],
    [{ ...live, suggestions: 'never' }, 'input "suggestions" is for plan mode, not live mode: remove it from this step'],
    [{ ...merge, regions: 'ap-guangzhou' }, 'input "regions" is for plan and live mode, not merge mode: remove it from this step'],
    [{ ...merge, policies: 'extra/' }, 'input "policies" is for plan and live mode, not merge mode: remove it from this step'],
    [{ ...merge, comment: 'always' }, 'input "comment" is for plan and live mode, not merge mode: remove it from this step'],
    [{ ...merge, annotations: 'false' }, 'input "annotations" is for plan and live mode, not merge mode: remove it from this step'],
    [
      { ...merge, 'role-arn': ROLE, 'oidc-provider-id': 'gh' },
      'input "role-arn" is for plan and live mode, not merge mode: remove it from this step',
    ],
    [
      { ...merge, 'api-endpoint': 'http://127.0.0.1:9' },
      'input "api-endpoint" is for plan and live mode, not merge mode: remove it from this step',
    ],
  ])('refuses %j: %s', (given, message) => {
    expect(refusal(given)).toBe(message);
  });

  it.each([
    [{ ...plan, regions: 'ap-guangzhou' }, 'regions'],
    [{ ...plan, 'api-endpoint': 'http://127.0.0.1:9' }, 'api-endpoint'],
    [{ ...plan, 'fail-on-preexisting': 'true' }, 'fail-on-preexisting'],
    [{ ...plan, 'role-arn': ROLE, 'oidc-provider-id': 'gh' }, 'role-arn'],
  ])('in plan mode, %j needs resolve-live, as the CLI says of its flags', (given, name) => {
    expect(refusal(given)).toBe(`input "${name}" of plan mode needs resolve-live: true (it is about reading the account)`);
    expect(() => read({ ...given, 'resolve-live': 'true' })).not.toThrow();
  });

  it('oidc-audience in plan mode needs resolve-live too', () => {
    expect(refusal({ ...plan, 'oidc-audience': 'sts.tencentcloudapi.com' })).toBe(
      'input "oidc-audience" of plan mode needs resolve-live: true (it is about reading the account)',
    );
  });

  it("an input set to its action.yml default is not set: a mode's unused inputs may stay at theirs", () => {
    expect(() =>
      read({ ...merge, annotations: 'true', comment: 'AUTO', 'resolve-live': 'no', 'fail-on-preexisting': 'false' }),
    ).not.toThrow();
    expect(
      read({ ...merge, 'sarif-file': 'm.sarif', 'fail-on': 'warning', 'allow-partial': 'true', 'drift-issue': 'always' }),
    ).toMatchObject({
      mode: 'merge',
      sarifFile: 'm.sarif',
    });
  });

  it('the table covers every input of action.yml, with its default, and agrees with what each CLI command accepts', () => {
    const inputs = MODE_SETTINGS.filter((s) => s.input !== undefined);
    expect(inputs.map((s) => s.input).sort()).toEqual(Object.keys(actionYml.inputs).sort());
    for (const s of inputs) expect(s.fallback, s.input).toBe(actionYml.inputs[s.input!]?.default?.toString());
    const accepted = (command: string, option: string) => {
      const args: Record<string, string[]> = {
        plan: ['plan', 'p.json', '--resolve-live'],
        live: ['live', '--region', 'ap-guangzhou'],
        merge: ['merge', 'r.json'],
      };
      try {
        parseCommand([
          ...args[command]!,
          `--${option}`,
          ...(['resolve-live', 'allow-partial', 'fail-on-preexisting'].includes(option)
            ? []
            : [option === 'fail-on' ? 'never' : option === 'role-arn' ? ROLE : 'x']),
        ]);
        return true;
      } catch (error) {
        return !/is not an option/.test((error as Error).message);
      }
    };
    for (const s of MODE_SETTINGS.filter((x) => x.option !== undefined))
      for (const mode of ['plan', 'live', 'merge'] as const)
        expect(accepted(mode, s.option!), `--${s.option} of ${mode}`).toBe(s.modes.includes(mode));
  });
});

describe('role-arn and profile', () => {
  it('role-arn is checked as --role-arn and the config are: a CAM role ARN', () => {
    expect(refusal({ ...live, 'role-arn': 'arn:aws:iam::1:role/x', 'oidc-provider-id': 'gh' })).toBe(
      'input "role-arn" must be a CAM role ARN, qcs::cam::uin/UIN:roleName/NAME (or :role/ROLE_ID), not "arn:aws:iam::1:role/x"',
    );
    expect(() => parseCommand(['live', '--region', 'ap-guangzhou', '--role-arn', 'arn:aws:iam::1:role/x'])).toThrow(
      '--role-arn must be a CAM role ARN, qcs::cam::uin/UIN:roleName/NAME (or :role/ROLE_ID), not "arn:aws:iam::1:role/x"',
    );
    expect(read({ ...live, 'role-arn': 'qcs::cam::uin/1:role/4611686018427397919', 'oidc-provider-id': 'gh' }).roleArn).toBe(
      'qcs::cam::uin/1:role/4611686018427397919',
    );
  });

  it('OIDC needs both role-arn and oidc-provider-id, said before anything runs', () => {
    expect(refusal({ ...live, 'role-arn': ROLE })).toBe('OIDC needs both role-arn and oidc-provider-id');
    expect(refusal({ ...live, 'oidc-audience': 'sts.tencentcloudapi.com' })).toBe(
      'oidc-audience is for OIDC: set role-arn and oidc-provider-id too',
    );
  });

  it('profile: live mode, a profile of the credentials file, not with OIDC', () => {
    expect(read({ ...live, profile: 'audit' }).profile).toBe('audit');
    expect(refusal({ ...plan, profile: 'audit' })).toBe('input "profile" is for live mode, not plan mode: remove it from this step');
    expect(refusal({ ...live, profile: 'audit', 'role-arn': ROLE, 'oidc-provider-id': 'gh' })).toBe(
      'input "profile" and OIDC (role-arn, oidc-provider-id) exclude each other: OIDC needs no stored keys',
    );
  });

  it('live mode with profile scans with that profile of the credentials file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-profile-'));
    writeFileSync(join(dir, 'credentials'), '[default]\nsecret_id = AKIDdefault\nsecret_key = default\n');
    const { io, recorded } = fakeActionIo({
      inputs: { ...live, profile: 'audit', 'api-endpoint': 'http://127.0.0.1:9', config: 'test/e2e/empty-config.json' },
      env: { GITHUB_WORKSPACE: repoRoot, RUNNER_TEMP: dir, TENCENTCLOUD_CREDENTIALS_FILE: join(dir, 'credentials') },
      event: { eventName: 'schedule' },
    });
    // The profile is read (and found missing) before any call: the input reached the credentials.
    expect(await runAction(io)).toBe(2);
    expect(recorded.errors).toEqual([expect.stringMatching(/\[audit\]/)]);
  });
});

describe('the step exit status', () => {
  it('an incomplete plan (deferred changes) exits 2 with a line about the plan, not about API calls; allow-partial judges by the findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-deferred-'));
    const demo = JSON.parse(readFileSync(join(repoRoot, 'examples/demo/plan.json'), 'utf8')) as object;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...demo, complete: false }));
    const run = async (extra: Record<string, string>) => {
      const { io, recorded } = fakeActionIo({
        inputs: { 'plan-file': join(dir, 'plan.json'), 'tf-root': 'examples/demo', config: 'test/e2e/empty-config.json', ...extra },
        env: { GITHUB_WORKSPACE: repoRoot, RUNNER_TEMP: dir },
        event: { eventName: 'push' },
      });
      return { code: await runAction(io), recorded };
    };
    const strict = await run({});
    expect(strict.code).toBe(2);
    expect(strict.recorded.errors).toEqual([
      'The plan check is incomplete: Terraform marked the plan incomplete (planning failed or deferred some changes); what it leaves out is not checked. Set allow-partial to judge by the findings alone.',
    ]);
    expect(strict.recorded.outputs.passed).toBe('false');
    const partial = await run({ 'allow-partial': 'true' });
    expect(partial.code).toBe(1);
    expect(partial.recorded.errors).toEqual([expect.stringMatching(/^clb-guard found \d+ errors/)]);
  });

  it('merge mode: the same verdict, and without a config the log says no shard is required, not which policies would run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-merge-action-'));
    const shard = report([], { mode: 'live', target: { account: 'shop', regions: ['ap-guangzhou'] } });
    writeFileSync(join(dir, 'shop.json'), renderJson(shard));
    const infos: string[] = [];
    const { io, recorded } = fakeActionIo({
      inputs: { ...merge, reports: join(dir, '*.json'), 'drift-issue': 'never' },
      env: { GITHUB_WORKSPACE: dir, RUNNER_TEMP: dir },
      event: { eventName: 'schedule' },
    });
    const logged = { ...io, logger: { ...io.logger, info: (m: string) => void infos.push(m) } };
    expect(await runAction(logged)).toBe(0);
    expect(recorded.errors).toEqual([]);
    expect(infos[0]).toBe(
      'no .clb-guard.json found: the reports given are merged as they are, and no account or region is required to have one',
    );
    expect(infos.join('\n')).not.toMatch(/built-in policies|default params/);
  });
});
