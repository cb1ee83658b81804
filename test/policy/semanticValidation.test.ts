import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/inputError.js';
import { loadConfig, validatePolicyFiles } from '../../src/policy/configLoader.js';

/** A valid backend policy; each case below breaks one thing in it. */
const good = {
  id: 'my-policy',
  title: 'A policy',
  description: 'What it checks.',
  severity: 'error',
  subject: 'backend',
  assert: { reachable: { from: ['clients'], ports: ['backend.port'], through: ['securityGroups'] } },
  message: '{{instance.name}} refused {{refused}}',
};
const reach = (extra: object) => ({ ...good, assert: { reachable: { ...good.assert.reachable, ...extra } } });

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'clb-guard-semantic-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function problemsOf(policy: object): Promise<string[]> {
  const dir = workspace({ 'p.json': JSON.stringify({ policies: [policy] }, null, 2) });
  return (await validatePolicyFiles(['p.json'], dir)).problems.map((p) => `${p.file}:${p.line}: ${p.pointer}: ${p.message}`);
}

async function configProblems(config: object, policies?: object[]): Promise<string> {
  const files: Record<string, string> = { '.clb-guard.json': JSON.stringify(config, null, 2) };
  if (policies) files['p.json'] = JSON.stringify({ policies }, null, 2);
  const dir = workspace(files);
  try {
    await loadConfig({ cwd: dir, ...(policies ? { policyPaths: ['p.json'] } : {}) });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).toLine();
  }
  return '';
}

describe('policy meaning: a typo is refused where it is written, never accepted and inert', () => {
  it('accepts the valid policy', async () => {
    expect(await problemsOf(good)).toEqual([]);
  });

  it.each<[string, object, string]>([
    [
      'a prefix length past 32',
      reach({ from: ['0.0.0.0/33'] }),
      'p.json:12: /policies/0/assert/reachable/from/0: "0.0.0.0/33" is not a CIDR: the prefix length must be 0-32',
    ],
    [
      'an IPv6 prefix past 128',
      reach({ from: ['2001:db8::/129'] }),
      'p.json:12: /policies/0/assert/reachable/from/0: "2001:db8::/129" is not a CIDR: the prefix length must be 0-128',
    ],
    [
      'a word that is no source',
      reach({ from: ['banana'] }),
      'p.json:12: /policies/0/assert/reachable/from/0: "banana" is neither a named source (clients, lb.vips, healthCheck.source, snat.ips, params.NAME) nor a CIDR',
    ],
    [
      'a misspelt named source',
      reach({ from: ['lb.vip'] }),
      'p.json:12: /policies/0/assert/reachable/from/0: "lb.vip" is neither a named source (clients, lb.vips, healthCheck.source, snat.ips, params.NAME) nor a CIDR (did you mean "lb.vips"?)',
    ],
    [
      '0.0.0.0/n, which the engine widens to everything',
      reach({ from: ['0.0.0.0/8'] }),
      'p.json:12: /policies/0/assert/reachable/from/0: "0.0.0.0/8" would be read as 0.0.0.0/0 (Tencent maps every 0.0.0.0/n to all addresses): write 0.0.0.0/0, or the network meant',
    ],
    [
      'host bits set',
      reach({ from: ['10.0.0.1/8'] }),
      'p.json:12: /policies/0/assert/reachable/from/0: "10.0.0.1/8" has host bits set: the network is 10.0.0.0/8',
    ],
    [
      'an address range upside down',
      reach({ from: ['10.0.0.9-10.0.0.1'] }),
      'p.json:12: /policies/0/assert/reachable/from/0: "10.0.0.9-10.0.0.1" is an empty range (the first address is above the last)',
    ],
    [
      'a port range upside down',
      reach({ ports: ['22-20'] }),
      'p.json:15: /policies/0/assert/reachable/ports/0: "22-20": the range starts above its end (22 > 20)',
    ],
    ['port 0', reach({ ports: [0] }), 'p.json:15: /policies/0/assert/reachable/ports/0: port 0 is outside 1-65535'],
    [
      'a port past 65535 in text',
      reach({ ports: ['80,70000'] }),
      'p.json:15: /policies/0/assert/reachable/ports/0: "80,70000": ports are 1-65535',
    ],
    [
      'a misspelt named port',
      reach({ ports: ['backend.prot'] }),
      'p.json:15: /policies/0/assert/reachable/ports/0: "backend.prot" is neither a named port (backend.port, healthCheck.port, listener.port, params.NAME) nor a port (did you mean "backend.port"?)',
    ],
    [
      'a parameter nobody sets',
      reach({ from: ['params.mysqlFrom'] }),
      'p.json:12: /policies/0/assert/reachable/from/0: params.mysqlFrom is set by no config, policy default or built-in default: set it in .clb-guard.json "params", or give the policy a default in its "params"',
    ],
    [
      'a where on a field the subject lacks',
      {
        ...good,
        subject: 'instance',
        where: { field: 'lb.network', equals: 'OPEN' },
        assert: { reachable: { from: ['10.0.0.0/8'], ports: [22], through: ['securityGroups'] } },
        message: 'x',
      },
      'p.json:24: /policies/0/where/field: instance subjects have no field "lb.network"; it belongs to loadBalancer, listener, backend subjects',
    ],
    [
      'a misspelt field',
      { ...good, where: { field: 'lb.netwrok', equals: 'OPEN' } },
      'p.json:24: /policies/0/where/field: backend subjects have no field "lb.netwrok" (did you mean "lb.network"?)',
    ],
    [
      'a misspelt template field',
      { ...good, message: 'on {{instance.nme}}' },
      "p.json:22: /policies/0/message: {{instance.nme}} is neither a field of backend subjects nor a variable of reachable's assertions (reason, refused, flow, decidedBy, layer); did you mean {{instance.name}}?",
    ],
    [
      'a variable another assertion provides',
      {
        ...good,
        subject: 'instance',
        assert: { notReachable: { from: ['0.0.0.0/0'], ports: [22], through: ['securityGroups'] } },
        message: 'refused {{refused}}',
      },
      "p.json:22: /policies/0/message: {{refused}} is neither a field of instance subjects nor a variable of notReachable's assertions (reason, admitted, decidedBy, flow)",
    ],
    [
      'a variable only one of the assertions fills',
      { ...good, assert: { all: [good.assert, { notReachable: { from: ['0.0.0.0/0'], ports: [22], through: ['securityGroups'] } }] } },
      'p.json:39: /policies/0/message: {{refused}} is filled by reachable but not by notReachable, which this policy also asserts: it would be empty in those findings',
    ],
    [
      'a placeholder that is not one',
      { ...good, message: 'on {{instance-name}}' },
      'p.json:22: /policies/0/message: has a "{{" or "}}" that is not a placeholder like {{instance.name}}: it would print as written',
    ],
    [
      'a value the field can never have',
      { ...good, where: { field: 'lb.network', equals: 'OPNE' } },
      'p.json:25: /policies/0/where/equals: lb.network is one of OPEN, INTERNAL, never "OPNE" (did you mean "OPEN"?)',
    ],
    [
      'a boolean field compared with a string',
      { ...good, where: { field: 'lb.passToTarget', in: [true, 'yes'] } },
      'p.json:27: /policies/0/where/in/1: lb.passToTarget is true or false, never "yes"',
    ],
    [
      'a CIDR in a condition',
      { ...good, where: { field: 'lb.vips', inCidr: ['10.0.0.0/40'] } },
      'p.json:26: /policies/0/where/inCidr/0: "10.0.0.0/40" is not a CIDR: the prefix length must be 0-32',
    ],
    [
      'ports left to default on an instance',
      { ...good, subject: 'instance', assert: { reachable: { from: ['10.0.0.0/8'], through: ['securityGroups'] } }, message: 'x' },
      'p.json:10: /policies/0/assert/reachable: "ports" defaults to backend.port, which instance subjects do not have: name the ports',
    ],
    [
      'the VIP on a subject without a load balancer',
      {
        ...good,
        subject: 'instance',
        assert: { reachable: { from: ['lb.vips'], ports: [22], through: ['securityGroups'] } },
        message: 'x',
      },
      'p.json:12: /policies/0/assert/reachable/from/0: "lb.vips" needs a load balancer, and instance subjects have none (use a loadBalancer, listener or backend subject)',
    ],
    [
      'an assertion for another subject',
      { ...good, assert: { noIneffectiveDeny: {} }, message: 'x' },
      'p.json:10: /policies/0/assert/noIneffectiveDeny: noIneffectiveDeny applies to securityGroup or networkAcl subjects, not backend: it would never find anything',
    ],
    [
      'a policy default of the wrong kind',
      { ...reach({ from: ['params.office'] }), params: { office: ['banana'] } },
      'p.json:24: /policies/0/params/office: params.office: "banana" is not a CIDR or IP address',
    ],
  ])('%s', async (_name, policy, expected) => {
    expect(await problemsOf(policy)).toEqual([expected]);
  });

  it('a duplicate id is reported at the second definition', async () => {
    const dir = workspace({ 'p.json': JSON.stringify({ policies: [good, good] }, null, 2) });
    const { problems } = await validatePolicyFiles(['p.json'], dir);
    expect(problems.map((p) => `${p.line}: ${p.pointer}: ${p.message}`)).toEqual([
      '25: /policies/1/id: policy id "my-policy" is already defined in p.json',
    ]);
  });

  it('a guard with exists lets a policy work without its param', async () => {
    expect(await problemsOf({ ...reach({ from: ['params.office'] }), where: { field: 'params.office', exists: true } })).toEqual([]);
  });

  it('refuses nesting past the limit with a located line, not a stack overflow', async () => {
    let where: object = { field: 'lb.network', equals: 'OPEN' };
    for (let i = 0; i < 2000; i++) where = { not: where };
    const dir = workspace({ 'p.json': JSON.stringify({ policies: [{ ...good, where }] }) });
    const problems = (await validatePolicyFiles(['p.json'], dir)).problems.map((p) => `${p.file}:${p.line}: ${p.pointer}: ${p.message}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^p\.json:\d+: \/policies\/0\/where(\/not)+: nested more than 64 levels deep/);
  });
});

describe('config meaning: params, exceptions and discovery', () => {
  it.each<[string, object, RegExp]>([
    [
      'a client CIDR that is not one',
      { params: { clientCidrs: ['banana'] } },
      /^\.clb-guard\.json:3: \/params\/clientCidrs: params\.clientCidrs: "banana" is not a CIDR or IP address$/,
    ],
    [
      'ephemeral ports that are not ports',
      { params: { ephemeralPorts: 'banana' } },
      /^\.clb-guard\.json:3: \/params\/ephemeralPorts: params\.ephemeralPorts: "banana" is not a port/,
    ],
    [
      'a boolean param given a string',
      { params: { healthCheckRangeAllowlisted: 'no' } },
      /\/params\/healthCheckRangeAllowlisted: params\.healthCheckRangeAllowlisted: must be true or false, not "no"$/,
    ],
    [
      'an enum param out of range',
      { params: { defaultHealthCheckSource: 'both' } },
      /\/params\/defaultHealthCheckSource: params\.defaultHealthCheckSource: must be one of "vip", "range", not "both"$/,
    ],
    [
      'a misspelt param name',
      { params: { adminCidr: ['10.0.0.0/8'] } },
      /^\.clb-guard\.json:3: \/params\/adminCidr: no policy or built-in reads params\.adminCidr \(did you mean "adminCidrs"\?\)$/,
    ],
    [
      'a per-policy param the policy does not read',
      { policies: { 'backend-allows-vip': { params: { clientCidr: ['10.0.0.0/8'] } } } },
      /\/policies\/backend-allows-vip\/params\/clientCidr: policy backend-allows-vip does not read params\.clientCidr \(did you mean "clientCidrs"\?\)$/,
    ],
    [
      'an exception for a policy that does not exist',
      { exceptions: [{ policy: 'backend-allows-vipp', resource: 'x', reason: 'because', expires: '2027-01-01' }] },
      /^\.clb-guard\.json:4: \/exceptions\/0\/policy: no policy with id "backend-allows-vipp" \(did you mean "backend-allows-vip"\?\)$/,
    ],
    [
      'an exception dated a day no calendar has',
      { exceptions: [{ policy: 'backend-allows-vip', resource: 'x', reason: 'because', expires: '2027-02-31' }] },
      /^\.clb-guard\.json:7: \/exceptions\/0\/expires: "2027-02-31" is not a calendar date$/,
    ],
    [
      'an exception for everything',
      { exceptions: [{ policy: 'backend-allows-vip', resource: '**', reason: 'because', expires: '2027-01-01' }] },
      /\/exceptions\/0\/resource: "\*\*" matches every resource/,
    ],
  ])('%s', async (_name, config, expected) => {
    expect(await configProblems(config)).toMatch(expected);
  });

  it('a custom param is checked against how the policy uses it', async () => {
    const policy = {
      ...good,
      id: 'office',
      assert: { reachable: { from: ['params.office'], ports: ['params.officePorts'], through: ['securityGroups'] } },
    };
    expect(await configProblems({ params: { office: ['10.0.0.0/8'], officePorts: '443' } }, [policy])).toBe('');
    expect(await configProblems({ params: { office: ['10.0.0.0/8'], officePorts: '443-80' } }, [policy])).toMatch(
      /\/params\/officePorts: params\.officePorts: "443-80": the range starts above its end/,
    );
    expect(await configProblems({ params: { office: 'banana', officePorts: '443' } }, [policy])).toMatch(
      /\/params\/office: params\.office: "banana" is not a CIDR/,
    );
  });

  it('a config-set param satisfies a policy reference', async () => {
    const policy = reach({ from: ['params.mysqlFrom'] });
    expect(await configProblems({}, [policy])).toMatch(/params\.mysqlFrom is set by no config/);
    expect(await configProblems({ params: { mysqlFrom: ['10.1.0.0/16'] } }, [policy])).toBe('');
  });

  it('finds the config in a folder above, up to the repository root, and takes an absolute --config', async () => {
    const dir = workspace({ '.clb-guard.json': JSON.stringify({ policies: { 'backend-allows-vip': 'off' } }) });
    mkdirSync(join(dir, 'infra'));
    const nested = await loadConfig({ cwd: join(dir, 'infra') });
    expect(nested.file).toBe('../.clb-guard.json');
    expect(nested.policies.some((p) => p.policy.id === 'backend-allows-vip')).toBe(false);
    const absolute = await loadConfig({ cwd: tmpdir(), configFile: join(dir, '.clb-guard.json') });
    expect(absolute.policies.some((p) => p.policy.id === 'backend-allows-vip')).toBe(false);
  });

  it('does not look above the repository root', async () => {
    const outer = workspace({ '.clb-guard.json': '{"polices": 1}' });
    const repo = join(outer, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    expect((await loadConfig({ cwd: repo })).file).toBeUndefined();
  });
});

describe('hostile policy paths get one line naming the path', () => {
  it.each<[string, (dir: string) => string, RegExp]>([
    [
      'a symlink loop in a policies folder',
      (dir) => {
        mkdirSync(join(dir, 'pol'));
        symlinkSync(join(dir, 'pol', 'a.json'), join(dir, 'pol', 'b.json'));
        symlinkSync(join(dir, 'pol', 'b.json'), join(dir, 'pol', 'a.json'));
        return 'pol';
      },
      /^pol\/a\.json:1: \/: is a symbolic link loop\npol\/b\.json:1: \/: is a symbolic link loop$/,
    ],
    [
      'a folder named x.json inside a policies folder',
      (dir) => {
        mkdirSync(join(dir, 'pol', 'x.json'), { recursive: true });
        writeFileSync(join(dir, 'pol', 'y.json'), JSON.stringify({ policies: [good] }));
        return 'pol';
      },
      /^$/,
    ],
    [
      'a folder given as a file',
      (dir) => {
        mkdirSync(join(dir, 'x.json'));
        return 'x.json/';
      },
      /^$/,
    ],
    [
      'broken JSON nested 100,000 deep (the line-finding parser recurses)',
      (dir) => {
        writeFileSync(join(dir, 'deep.json'), `{"policies": ${'['.repeat(100_000)}`);
        return 'deep.json';
      },
      /^deep\.json:1: \/: nested more than 64 levels deep$/,
    ],
    ['a device', () => '/dev/zero', /^\/dev\/zero:1: \/: is not a regular file \(a device, pipe or socket\)$/],
  ])('%s', async (_name, make, expected) => {
    const dir = workspace({});
    const path = make(dir);
    const { problems } = await validatePolicyFiles([path], dir);
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.pointer || '/'}: ${p.message}`).join('\n')).toMatch(expected);
  });
});

describe('policies validate reads the nearest config', () => {
  it('a param the config supplies is not reported missing; a wrong one in the config is reported', async () => {
    const policy = reach({ from: ['params.mysqlFrom'] });
    const dir = workspace({
      'p.json': JSON.stringify({ policies: [policy] }),
      '.clb-guard.json': JSON.stringify({ params: { mysqlFrom: ['10.1.0.0/16'] } }),
    });
    expect((await validatePolicyFiles(['p.json'], dir)).problems).toEqual([]);
    writeFileSync(join(dir, '.clb-guard.json'), JSON.stringify({ policies: { 'my-policy': { params: { mysqlFrom: ['10.1.0.0/16'] } } } }));
    expect((await validatePolicyFiles(['p.json'], dir)).problems).toEqual([]);
    writeFileSync(join(dir, '.clb-guard.json'), JSON.stringify({ params: { mysqlFrom: ['banana'] } }));
    expect((await validatePolicyFiles(['p.json'], dir)).problems.map((p) => `${p.file}:${p.line}: ${p.pointer}: ${p.message}`)).toEqual([
      '.clb-guard.json:1: /params/mysqlFrom: params.mysqlFrom: "banana" is not a CIDR or IP address',
    ]);
  });
});
