import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry, expectNoEscape, guardedNodeArgs } from '../support/guardedProcess.js';

/**
 * Hostile plan files through the real CLI process (bundled from the sources, run under the
 * network guard): each is refused with exit 2 and one line naming the path, in bounded time,
 * with no crash, no stack trace and no "internal error".
 */
const repoRoot = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'clb-guard-hostile-'));
let cli = '';
beforeAll(async () => {
  cli = await bundleEntry('cli');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--max-old-space-size=256', ...guardedNodeArgs(), cli, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin);
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    }),
  );
}

const plan = (extra: string) => `{"format_version": "1.2", "resource_changes": [] ${extra}}`;
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

const HOSTILE: readonly (readonly [string, () => string, RegExp])[] = [
  ['/dev/zero', () => '/dev/zero', /not a file \(a character device\)/],
  ['/dev/null', () => '/dev/null', /not a file \(a character device\)/],
  [
    'a FIFO',
    () => {
      const path = join(dir, 'plan.fifo');
      execFileSync('mkfifo', [path]);
      return path;
    },
    /not a file \(a FIFO\)/,
  ],
  [
    'a directory named plan.json',
    () => {
      const path = join(dir, 'dir.json');
      mkdirSync(path);
      return path;
    },
    /not a file \(a directory\)/,
  ],
  [
    'a sparse 600 MiB file',
    () => {
      const path = join(dir, 'huge.json');
      writeFileSync(path, '');
      truncateSync(path, 600 * 1024 * 1024);
      return path;
    },
    /too large: clb-guard reads plans up to 500 MiB/,
  ],
  [
    'a 100,000-deep array in a plan value',
    () =>
      write(
        'deep.json',
        `{"format_version": "1.2", "resource_changes": [{"address": "tencentcloud_instance.a", "mode": "managed", "type": "tencentcloud_instance", "name": "a", "change": {"actions": ["create"], "after": {"tags": ${deep(100_000)}}}}]}`,
      ),
    /line 1 column \d+: nested deeper than 256 levels/,
  ],
  [
    'a 100,000-deep array in planned_values',
    () => write('deep-skipped.json', plan(`, "planned_values": ${deep(100_000)}`)),
    /line 1 column \d+: nested deeper than 256 levels/,
  ],
  ['an errored plan', () => write('errored.json', plan(', "errored": true')), /\/errored: the plan is marked "errored"/],
  [
    'garbage inside planned_values',
    () => write('damaged.json', plan(', "planned_values": {"root_module": {"resources": [{"x": nope}]}}')),
    /line 1 column \d+: not JSON/,
  ],
  [
    'garbage inside relevant_attributes',
    () => write('damaged2.json', plan(', "relevant_attributes": [1 2]')),
    /line 1 column \d+: not JSON/,
  ],
  [
    'a resource change that is a number',
    () => write('change-number.json', '{"format_version": "1.2", "resource_changes": [42]}'),
    /line 1 column 48: \/resource_changes\/0: expected an object \(a resource change\), found a number/,
  ],
  [
    'a resource change without actions',
    () => write('no-actions.json', `{"format_version": "1.2",\n"resource_changes": [${entry('"after": {}')}]}`),
    /line 2 column \d+: \/resource_changes\/0\/change: "actions" is missing/,
  ],
  [
    'an action Terraform does not write',
    () => write('frobnicate.json', `{"format_version": "1.2", "resource_changes": [${entry('"actions": ["frobnicate"], "after": {}')}]}`),
    /line 1 column \d+: \/resource_changes\/0\/change\/actions: \["frobnicate"\] is not a list of actions Terraform writes/,
  ],
  [
    'a change whose "after" is a string',
    () => write('after-string.json', `{"format_version": "1.2", "resource_changes": [${entry('"actions": ["create"], "after": "oops"')}]}`),
    /line 1 column \d+: \/resource_changes\/0\/change\/after: expected an object or null, found a string/,
  ],
  ['standard input through /dev/stdin', () => '/dev/stdin', /not a file \(a (FIFO|socket)\).*`-` to read it from standard input/],
];

function entry(change: string): string {
  return `{"address": "tencentcloud_instance.a", "mode": "managed", "type": "tencentcloud_instance", "name": "a", "change": {${change}}}`;
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('hostile plan files: exit 2, one line naming the path, quickly', () => {
  for (const [name, make, message] of HOSTILE) {
    it(name, async () => {
      const path = make();
      const result = await run(['plan', path, '--config', 'test/e2e/empty-config.json']);
      expectNoEscape(result.stderr, result.code);
      expect(result.code).toBe(2);
      // Progress and info lines may come first; the error is one line of its own.
      const lines = result.stderr
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('clb-guard: '));
      expect(lines).toHaveLength(1);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(lines[0]).toMatch(message);
      expect(lines[0]).toContain(path.startsWith(dir) ? path.slice(path.lastIndexOf('/') + 1) : path);
      expect(lines[0]).not.toMatch(/internal error|Maximum call stack|out of memory/i);
      expect(result.ms).toBeLessThan(15_000);
    });
  }
});
