import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/cliArguments.js';
import { InputError } from '../../src/errors/inputError.js';

describe('command-line arguments', () => {
  it('reads a plan command with every option', () => {
    const command = parseCommand(['plan', 'plan.json', '--tf-root', 'infra', '--config', 'c.json', '--policies', 'a', '--policies', 'b', '--format', 'sarif', '--output', 'out.sarif', '--fail-on', 'warning', '--explain']);
    expect(command).toEqual({
      kind: 'plan',
      planFile: 'plan.json',
      tfRoot: 'infra',
      common: { config: 'c.json', policies: ['a', 'b'], format: 'sarif', output: 'out.sarif', failOn: 'warning', explain: true, verbose: false },
    });
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
    ['an unknown option', ['plan', 'p.json', '--colour'], /Unknown option '--colour'/],
    ['a bad format', ['plan', 'p.json', '--format', 'xml'], /--format must be one of text, json, sarif, markdown, not "xml"/],
    ['a bad threshold', ['plan', 'p.json', '--fail-on', 'critical'], /--fail-on must be one of error, warning, notice, never/],
    ['a plan command without a file', ['plan'], /plan takes exactly one plan file/],
    ['two plan files', ['plan', 'a.json', 'b.json'], /plan takes exactly one plan file/],
    ['live without a region', ['live'], /live needs at least one --region/],
    ['an unknown command', ['check'], /unknown command "check"/],
    ['a bad date', ['plan', 'p.json', '--today', 'tomorrow'], /--today must be YYYY-MM-DD/],
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

  it('prints help without a command and the version on request', () => {
    expect(parseCommand([])).toEqual({ kind: 'help' });
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
    const io = (out: string[]) => ({ cwd: repoRoot, env: {}, stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) } });
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
