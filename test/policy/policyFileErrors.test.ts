import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/inputError.js';
import { loadConfig, validatePolicyFiles } from '../../src/policy/configLoader.js';
import { PolicyProblems } from '../../src/policy/policyLoader.js';

const good = {
  id: 'my-policy',
  title: 'A policy',
  description: 'What it checks.',
  severity: 'error',
  subject: 'backend',
  assert: { reachable: { from: ['clients'], ports: ['backend.port'], through: ['securityGroups'] } },
  message: 'refused {{refused}}',
};

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'clb-guard-policy-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function policyProblems(text: string): Promise<string[]> {
  const dir = workspace({ 'p.json': text });
  const { problems } = await validatePolicyFiles(['p.json'], dir);
  return problems.map((p) => `${p.file}:${p.line}: ${p.pointer}: ${p.message}`);
}

async function configError(text: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = workspace({ '.clb-guard.json': text, ...extra });
  try {
    await loadConfig({ cwd: dir });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).toLine();
  }
  throw new Error('expected the config to be rejected');
}

const policyFile = (policy: object) => JSON.stringify({ policies: [policy] }, null, 2);

describe('broken policy files get one located line per problem', () => {
  it('accepts a valid policy file', async () => {
    expect(await policyProblems(policyFile(good))).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    ['truncated JSON', '{"policies": [', /p\.json:1: : invalid JSON: .*truncated/],
    ['a comment (not JSON)', '// hi\n{}', /p\.json:1: : invalid JSON: .*comments/],
    [
      'a missing required property',
      policyFile({ ...good, message: undefined }),
      /p\.json:3: \/policies\/0: missing required property "message"/,
    ],
    ['an unknown property', policyFile({ ...good, severty: 'error' }), /p\.json:\d+: \/policies\/0\/severty: unknown property "severty"/],
    [
      'a bad severity',
      policyFile({ ...good, severity: 'critical' }),
      /\/policies\/0\/severity: must be one of "error", "warning", "notice"/,
    ],
    ['a bad subject', policyFile({ ...good, subject: 'vpc' }), /\/policies\/0\/subject: must be one of/],
    ['an id with capitals', policyFile({ ...good, id: 'MyPolicy' }), /\/policies\/0\/id: does not match the expected format/],
    [
      'an unknown assertion',
      policyFile({ ...good, assert: { reachible: {} } }),
      /\/policies\/0\/assert: expected one of: all, if\/then, reachable/,
    ],
    [
      'a reachable without through',
      policyFile({ ...good, assert: { reachable: { from: ['clients'] } } }),
      /\/policies\/0\/assert\/reachable: missing required property "through"/,
    ],
    [
      'an unknown layer',
      policyFile({ ...good, assert: { reachable: { from: ['clients'], through: ['firewall'] } } }),
      /\/policies\/0\/assert\/reachable\/through\/0: must be one of/,
    ],
    [
      'a field condition with two comparisons',
      policyFile({ ...good, where: { field: 'lb.network', equals: 'OPEN', in: ['OPEN'] } }),
      /\/policies\/0\/where: a field condition names "field" and exactly one comparison/,
    ],
    [
      'a field path that is not a path',
      policyFile({ ...good, where: { field: '__proto__.x', equals: 1 } }),
      /\/policies\/0\/where\/field: does not match/,
    ],
    [
      'a port out of range',
      policyFile({ ...good, assert: { reachable: { from: ['clients'], ports: [70000], through: ['securityGroups'] } } }),
      /ports\/0: must be <= 65535/,
    ],
    ['a wrong top-level type', '[]', /p\.json:1: : must be object/],
  ])('%s', async (_name, text, expected) => {
    const problems = await policyProblems(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(
      problems.some((p) => expected.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('reports every problem of a file, not just the first', async () => {
    const problems = await policyProblems(policyFile({ ...good, severity: 'critical', subject: 'vpc' }));
    expect(problems).toHaveLength(2);
  });

  it('reports a duplicate id against the built-in pack', async () => {
    const problems = await policyProblems(policyFile({ ...good, id: 'backend-allows-vip' }));
    expect(problems.join('\n')).toMatch(
      /p\.json:4: \/policies\/0\/id: policy id "backend-allows-vip" is already defined in the built-in pack/,
    );
  });

  it('points at the line of the offending property', async () => {
    const text = policyFile({ ...good, severity: 'critical' });
    const line = text.split('\n').findIndex((l) => l.includes('"critical"')) + 1;
    expect(await policyProblems(text)).toEqual([`p.json:${line}: /policies/0/severity: must be one of "error", "warning", "notice"`]);
  });
});

describe('broken config files', () => {
  it.each<[string, string, RegExp]>([
    ['an unknown top-level key', '{"polices": {}}', /\.clb-guard\.json:1: \/polices: unknown property "polices"/],
    [
      'a bad policy setting',
      '{"policies": {"backend-allows-vip": "loud"}}',
      /\/policies\/backend-allows-vip: must be one of "off", "error", "warning", "notice"/,
    ],
    [
      'a setting for a policy that does not exist',
      '{\n"policies": {"backend-allows-vipp": "off"}}',
      /\.clb-guard\.json:2: \/policies\/backend-allows-vipp: no policy with id "backend-allows-vipp"/,
    ],
    [
      'an exception without expiry',
      '{"exceptions": [{"policy": "backend-allows-vip", "resource": "x", "reason": "because"}]}',
      /\/exceptions\/0: missing required property "expires"/,
    ],
    [
      'an exception with a bad date',
      '{"exceptions": [{"policy": "backend-allows-vip", "resource": "x", "reason": "because", "expires": "2026-13-01"}]}',
      /\/exceptions\/0\/expires: does not match/,
    ],
    [
      'params of the wrong type',
      '{"params": {"clientCidrs": {"a": 1}}}',
      /\/params\/clientCidrs: must be string or number or boolean or array/,
    ],
    ['an include that does not exist', '{"include": ["nope.json"]}', /nope\.json:1: \/: policy file or directory not found/],
    ['an included policy file that is broken', '{"include": ["p.json"]}', /p\.json:1: \/: invalid JSON/],
  ])('%s', async (_name, text, expected) => {
    const line = await configError(text, { 'p.json': '{"policies": [' });
    expect(line).toMatch(expected);
    expect(line).not.toMatch(/\n\s+at /);
  });

  it('a config that is not JSON names the line and column', async () => {
    expect(await configError('{\n  "params": {,\n}')).toBe('.clb-guard.json: line 2, column 14: invalid JSON: expected a value');
  });

  it('PolicyProblems carries each problem separately', async () => {
    const dir = workspace({ '.clb-guard.json': '{"polices": 1, "parms": 2}' });
    const error = await loadConfig({ cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyProblems);
    expect((error as PolicyProblems).problems).toHaveLength(2);
  });

  it('applies settings: off removes a policy, a severity replaces the default, params reach the policy', async () => {
    const dir = workspace({
      '.clb-guard.json': JSON.stringify({
        policies: {
          'admin-port-reachable': 'off',
          'backend-allows-vip': 'warning',
          'lb-sg-allows-listeners': { params: { clientCidrs: ['203.0.113.0/24'] } },
        },
        params: { adminCidrs: ['10.0.0.0/8'] },
      }),
    });
    const config = await loadConfig({ cwd: dir });
    const byId = new Map(config.policies.map((p) => [p.policy.id, p]));
    expect(byId.has('admin-port-reachable')).toBe(false);
    expect(byId.get('backend-allows-vip')?.severity).toBe('warning');
    expect(byId.get('lb-sg-allows-listeners')?.params.get('clientCidrs')).toEqual(['203.0.113.0/24']);
    expect(byId.get('backend-allows-clients')?.params.get('adminCidrs')).toEqual(['10.0.0.0/8']);
  });
});
