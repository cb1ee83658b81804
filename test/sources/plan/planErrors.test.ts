import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors/inputError.js';
import { readPlanInventory } from '../../../src/sources/plan/index.js';
import { FIXTURES } from './inventoryText.js';

const dir = mkdtempSync(join(tmpdir(), 'clb-guard-plan-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads a plan file with this content and returns the one-line error it gives. */
async function errorFor(content: string | Buffer, name = 'plan.json'): Promise<string> {
  writeFileSync(join(dir, name), content);
  try {
    await readPlanInventory({ planFile: join(dir, name), tfRoot: dir, repoRoot: dir });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const line = (error as InputError).toLine();
    expect(line).not.toContain('\n');
    return line;
  }
  throw new Error('expected an error');
}

const demo = readFileSync(join(FIXTURES, 'demo/plan.json'), 'utf8');

describe('plans that cannot be read give one line naming the file and what is wrong', () => {
  it.each([
    [
      'text that is not JSON, with the line and column',
      '{\n  "format_version": "1.2",\n  "resource_changes": [1, 2,, 3]\n}',
      'plan.json: line 3 column 29: not JSON: unexpected "," where a value was expected',
    ],
    [
      'a missing comma',
      '{"format_version": "1.2"\n "x": 1}',
      "plan.json: line 2 column 2: not JSON: expected ',' or '}' after a value, found \"\\\"\"",
    ],
    ['an empty file', '  \n', 'plan.json: the file is empty; expected the output of `terraform show -json PLANFILE`'],
    ['a top-level array', '[]', 'plan.json: expected a JSON object (the output of `terraform show -json PLANFILE`), found an array'],
    [
      'an unsupported format_version',
      '{"format_version": "2.0", "resource_changes": []}',
      'plan.json: /format_version: unsupported plan format_version "2.0": clb-guard reads format 1.x (Terraform 1.0 or later, OpenTofu)',
    ],
    [
      'Terraform 0.12 output (format 0.1)',
      '{"format_version": "0.1", "resource_changes": []}',
      'plan.json: /format_version: unsupported plan format_version "0.1": clb-guard reads format 1.x (Terraform 1.0 or later, OpenTofu)',
    ],
    ['a format_version that is not a string', '{"format_version": 1}', 'plan.json: /format_version: expected a string, found a number'],
    [
      'the JSON of a state rather than a plan',
      '{"format_version": "1.0", "terraform_version": "1.11.4", "values": {"root_module": {"resources": []}}}',
      'plan.json: this is the JSON of a state (`terraform show -json` without a plan file), not a plan; pass `terraform show -json PLANFILE`',
    ],
    [
      'a raw state file',
      '{"version": 4, "terraform_version": "1.11.4", "serial": 3, "lineage": "0b9e", "outputs": {}, "resources": []}',
      'plan.json: this is a Terraform state file, not a plan; pass the output of `terraform show -json PLANFILE`',
    ],
    [
      'JSON that is not a plan',
      '{"hello": "world"}',
      'plan.json: not a Terraform plan: "format_version" is missing; pass the output of `terraform show -json PLANFILE`',
    ],
    [
      'resource_changes that is not a list',
      '{"format_version": "1.2", "resource_changes": {}}',
      'plan.json: /resource_changes: expected an array, found an object',
    ],
    [
      'configuration that is not an object',
      '{"format_version": "1.2", "resource_changes": [], "configuration": "x"}',
      'plan.json: /configuration: expected an object, found a string',
    ],
    [
      'output of the setup-terraform wrapper',
      `[command]/home/runner/bin/terraform show -json tfplan\n${demo}`,
      'plan.json: line 1: not JSON: the file starts with "[command]…", the output of the hashicorp/setup-terraform wrapper; set `terraform_wrapper: false` or write the plan JSON with `terraform show -json PLANFILE > plan.json`',
    ],
  ])('%s', async (_case, content, expected) => {
    expect(await errorFor(content)).toBe(expected);
  });

  it('says a cut-off file is truncated, and where it ends', async () => {
    const line = await errorFor(demo.slice(0, Math.floor(demo.length / 2)));
    expect(line).toMatch(
      /^plan\.json: line 1 column \d+: truncated JSON: the text ends inside (an object|an array|a string|a value); was the output cut off\?$/,
    );
  });

  it('says a binary plan file must be converted first', async () => {
    expect(await errorFor(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08]), 'tfplan')).toBe(
      'tfplan: this is a binary plan file; convert it with `terraform show -json PLANFILE > plan.json` and pass the JSON',
    );
  });

  it('says when the file does not exist, naming it relative to the repository', async () => {
    await expect(readPlanInventory({ planFile: join(dir, 'missing.json'), repoRoot: dir })).rejects.toThrow(
      new InputError('cannot read the plan: no such file', { file: 'missing.json' }),
    );
  });

  it('accepts format 1.x of newer Terraform and OpenTofu, and 0.2 of Terraform 1.0', async () => {
    for (const version of ['1.0', '1.2', '1.9', '0.2']) {
      writeFileSync(join(dir, 'ok.json'), JSON.stringify({ format_version: version, terraform_version: '1.8.0', resource_changes: [] }));
      const inventory = await readPlanInventory({ planFile: join(dir, 'ok.json'), tfRoot: dir, repoRoot: dir });
      expect(inventory.loadBalancers.size).toBe(0);
    }
  });

  it('refuses an errored plan with a located line: it is not a plan to judge', async () => {
    writeFileSync(join(dir, 'errored.json'), JSON.stringify({ format_version: '1.2', resource_changes: [], errored: true }));
    await expect(readPlanInventory({ planFile: join(dir, 'errored.json'), tfRoot: dir, repoRoot: dir })).rejects.toThrow(
      /^the plan is marked "errored"/,
    );
    const error = await readPlanInventory({ planFile: join(dir, 'errored.json'), tfRoot: dir, repoRoot: dir }).catch(
      (e: unknown) => e as InputError,
    );
    expect((error as InputError).toLine()).toMatch(/^errored\.json: \/errored: the plan is marked "errored"/);
  });

  it('marks a plan with deferred changes incomplete with a warning, rather than passing it silently', async () => {
    writeFileSync(join(dir, 'deferred.json'), JSON.stringify({ format_version: '1.2', resource_changes: [], complete: false }));
    const inventory = await readPlanInventory({ planFile: join(dir, 'deferred.json'), tfRoot: dir, repoRoot: dir });
    expect(inventory.complete).toBe(false);
    expect(inventory.warnings[0]!.message).toMatch(/marked incomplete/);
  });
});
