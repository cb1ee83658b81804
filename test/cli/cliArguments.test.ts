import { describe, expect, it } from 'vitest';
import { parseCommand, usage } from '../../src/cli/cliArguments.js';
import { InputError } from '../../src/errors/inputError.js';

describe('command-line arguments', () => {
  it('reads a plan command with every option', () => {
    const command = parseCommand([
      'plan',
      'plan.json',
      '--tf-root',
      'infra',
      '--config',
      'c.json',
      '--policies',
      'a',
      '--policies',
      'b',
      '--format',
      'sarif',
      '--output',
      'out.sarif',
      '--fail-on',
      'warning',
      '--explain',
    ]);
    expect(command).toEqual({
      kind: 'plan',
      planFile: 'plan.json',
      tfRoot: 'infra',
      common: {
        config: 'c.json',
        policies: ['a', 'b'],
        format: 'sarif',
        output: 'out.sarif',
        failOn: 'warning',
        explain: true,
        verbose: false,
      },
    });
  });

  it('reads plan --resolve-live with the live flags it shares', () => {
    expect(parseCommand(['plan', 'p.json', '--resolve-live'])).toMatchObject({
      kind: 'plan',
      hybrid: { regions: [], failOnPreexisting: false },
    });
    const command = parseCommand([
      'plan',
      'p.json',
      '--resolve-live',
      '--region',
      'ap-guangzhou,ap-shanghai',
      '--api-endpoint',
      'http://127.0.0.1:9',
      '--allow-partial',
      '--fail-on-preexisting',
      '--rate-limit',
      'DescribeSubnets=5',
      '--budget-per-region',
    ]);
    expect(command).toMatchObject({
      kind: 'plan',
      hybrid: {
        regions: ['ap-guangzhou', 'ap-shanghai'],
        apiEndpoint: 'http://127.0.0.1:9',
        failOnPreexisting: true,
        rateLimits: { DescribeSubnets: 5 },
        budgetPerRegion: true,
      },
      allowPartial: true,
    });
    // One --allow-partial for the plan and its resolution: said once, on the command.
    expect((command as { hybrid: object }).hybrid).not.toHaveProperty('allowPartial');
  });

  it('defaults to text output and failing on errors', () => {
    const command = parseCommand(['plan', 'p.json']);
    expect(command.kind === 'plan' && command.common).toMatchObject({ format: 'text', failOn: 'error', explain: false, policies: [] });
  });

  it('reads live regions, repeated or comma-separated', () => {
    const command = parseCommand(['live', '--region', 'ap-guangzhou,ap-shanghai', '--region', 'ap-beijing', '--allow-partial']);
    expect(command).toMatchObject({ kind: 'live', regions: ['ap-guangzhou', 'ap-shanghai', 'ap-beijing'], allowPartial: true });
  });

  it.each<[string, string[], RegExp]>([
    ['an unknown option', ['plan', 'p.json', '--colour'], /^unknown option --colour for "plan" \(see clb-guard plan --help\)$/],
    [
      'a misspelt option, with the one meant',
      ['plan', 'p.json', '--tf-rot', 'infra'],
      /^unknown option --tf-rot for "plan"; did you mean --tf-root\? \(see clb-guard plan --help\)$/,
    ],
    ['a misspelt option of live', ['live', '--regoin', 'ap-guangzhou'], /^unknown option --regoin for "live"; did you mean --region\?/],
    ['a misspelt option before the command', ['--formt', 'json', 'plan', 'p.json'], /^unknown option --formt; did you mean --format\?/],
    ['an unknown short option', ['plan', 'p.json', '-x'], /^unknown option -x for "plan"/],
    [
      "another command's option",
      ['live', '--region', 'r', '--resolve-live'],
      /^--resolve-live is not an option for "live"; it belongs to "plan" \(see clb-guard live --help\)$/,
    ],
    [
      'a live-reading flag of plan without --resolve-live',
      ['plan', 'p.json', '--region', 'ap-guangzhou'],
      /^--region of "plan" needs --resolve-live/,
    ],
    [
      'the pacing of API calls without --resolve-live',
      ['plan', 'p.json', '--rate-limit', 'DescribeSubnets=5'],
      /^--rate-limit of "plan" needs --resolve-live/,
    ],
    [
      "a malformed rate limit of a plan's live resolution, said as live mode says it",
      ['plan', 'p.json', '--resolve-live', '--rate-limit', 'DescribeSubnets'],
      /^--rate-limit takes ACTION=N with N requests per second/,
    ],
    [
      '--fail-on-preexisting without --resolve-live',
      ['plan', 'p.json', '--fail-on-preexisting'],
      /^--fail-on-preexisting of "plan" needs --resolve-live/,
    ],
    [
      "plan's option on live",
      ['live', '--region', 'r', '--tf-root', 'infra'],
      /^--tf-root is not an option for "live"; it belongs to "plan"/,
    ],
    ['an option without its value', ['plan', 'p.json', '--format'], /^--format needs a value: --format FORMAT$/],
    ['a value for a flag', ['plan', 'p.json', '--explain=yes'], /^--explain takes no value \(got "yes"\)$/],
    ['a misspelt command', ['plna', 'p.json'], /^unknown command "plna"; did you mean "plan"\?/],
    ['a misspelt policies command', ['policies', 'lst'], /^unknown policies command "lst"; did you mean "policies list"\?/],
    ['policies without a command', ['policies'], /^policies needs a command/],
    ['a plan format for policies list', ['policies', 'list', '--format', 'sarif'], /--format of "policies list" must be text or json/],
    ['a bad format', ['plan', 'p.json', '--format', 'xml'], /--format must be one of text, json, sarif, markdown, not "xml"/],
    ['a bad threshold', ['plan', 'p.json', '--fail-on', 'critical'], /--fail-on must be one of error, warning, notice, never/],
    ['a plan command without a file', ['plan'], /plan takes exactly one plan file/],
    ['two plan files', ['plan', 'a.json', 'b.json'], /plan takes exactly one plan file/],
    ['live without a region', ['live'], /live needs at least one --region/],
    ['an unknown command', ['check'], /unknown command "check" \(see clb-guard --help\)/],
    ['a bad date', ['plan', 'p.json', '--today', 'tomorrow'], /--today must be a calendar day, YYYY-MM-DD, not "tomorrow"/],
    ['a day no calendar has', ['plan', 'p.json', '--today', '2027-02-31'], /--today must be a calendar day, YYYY-MM-DD, not "2027-02-31"/],
  ])('rejects %s with one line', (_name, argv, message) => {
    let error: unknown;
    try {
      parseCommand(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).toLine()).toMatch(message);
    expect((error as InputError).toLine()).not.toContain('\n');
  });

  it('reads - as the plan file (stdin)', () => {
    expect(parseCommand(['plan', '-', '--format', 'json'])).toMatchObject({ kind: 'plan', planFile: '-' });
  });

  it('reads policies list with its options', () => {
    expect(parseCommand(['policies', 'list', '--config', 'c.json', '--policies', 'extra', '--format', 'json'])).toEqual({
      kind: 'list',
      config: 'c.json',
      policies: ['extra'],
      format: 'json',
      verbose: false,
    });
    expect(parseCommand(['policies', 'list'])).toEqual({ kind: 'list', policies: [], format: 'text', verbose: false });
  });

  it.each<[string[], string]>([
    [['plan', '--help'], 'plan'],
    [['plan', 'p.json', '-h'], 'plan'],
    [['live', '--help'], 'live'],
    [['policies', 'validate', '--help'], 'policies validate'],
    [['policies', 'list', '--help'], 'policies list'],
    [['policies', '--help'], 'policies'],
    [['help', 'live'], 'live'],
    [['--help'], 'overview'],
  ])('%j asks for the help of %s', (argv, topic) => {
    expect(parseCommand(argv)).toEqual({ kind: 'help', topic });
  });

  it("each command's help lists its own options and no other command's", () => {
    const plan = usage('plan');
    expect(plan).toMatch(/^Usage: clb-guard plan PLAN\.json\|- \[options\]/);
    expect(plan).toContain('--tf-root DIR');
    expect(plan).toContain('--fail-on LEVEL');
    // Live mode's flags are plan's too, for --resolve-live.
    expect(plan).toContain('--resolve-live');
    expect(plan).toContain('--region REGION');
    expect(plan).toContain('--fail-on-preexisting');
    const live = usage('live');
    expect(live).toContain('--region REGION');
    expect(live).toContain('--allow-partial');
    expect(live).not.toContain('--tf-root');
    const validate = usage('policies validate');
    expect(validate).toMatch(/^Usage: clb-guard policies validate \[FILE\|DIR …\]/);
    expect(validate).not.toContain('--format');
    expect(validate).not.toContain('--tf-root');
    const list = usage('policies list');
    expect(list).toContain('--config FILE');
    expect(list).not.toContain('--fail-on');
    expect(usage()).toContain('clb-guard policies list');
    expect(usage()).toContain('Run `clb-guard COMMAND --help`');
  });

  it('prints help without a command and the version on request', () => {
    expect(parseCommand([])).toEqual({ kind: 'help', topic: 'overview' });
    expect(parseCommand(['--version'])).toEqual({ kind: 'version' });
    expect(parseCommand(['policies', 'validate', 'a.json'])).toEqual({ kind: 'validate', files: ['a.json'] });
  });
});

describe('clb-guard policies validate', () => {
  it('accepts the shipped pack itself, and reports a broken file by its path', async () => {
    const { runCli } = await import('../../src/cli/runCli.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const repoRoot = join(import.meta.dirname, '..', '..');
    const io = (out: string[]) => ({
      cwd: repoRoot,
      env: {},
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => out.push(t) },
    });
    const ok: string[] = [];
    expect(await runCli(['policies', 'validate', 'policies'], io(ok))).toBe(0);
    expect(ok.join('')).toContain('10 policies in policies, and the built-in pack, are valid.');
    const file = join(mkdtempSync(join(tmpdir(), 'clb-guard-validate-')), 'p.json');
    writeFileSync(file, '{"policies": [{"id": "x"}]}');
    const bad: string[] = [];
    expect(await runCli(['policies', 'validate', file], io(bad))).toBe(2);
    expect(bad.join('')).toContain(`${file}:1: /policies/0: missing required property "title"`);
  });
});
