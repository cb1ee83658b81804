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
