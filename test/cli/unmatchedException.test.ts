import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';

const root = join(import.meta.dirname, '..', '..');

it('an exception that matches nothing is a warning at its config line, and the report says it matched nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clb-guard-unmatched-'));
  mkdirSync(join(dir, '.git'));
  cpSync(join(root, 'examples/demo'), dir, { recursive: true });
  writeFileSync(
    join(dir, '.clb-guard.json'),
    JSON.stringify(
      {
        exceptions: [
          { policy: 'backend-allows-vip', resource: 'tencentcloud_instance.wbe[*]', reason: 'typo in the address', expires: '2099-01-01' },
        ],
      },
      null,
      2,
    ),
  );
  let out = '';
  let err = '';
  const code = await runCli(['plan', 'plan.json', '--fail-on', 'never'], {
    cwd: dir,
    env: {},
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
  });
  expect(code).toBe(0);
  expect(err).toContain(
    '.clb-guard.json:3: /exceptions/0: the exception for backend-allows-vip on "tencentcloud_instance.wbe[*]" matches no finding: remove it or fix the resource pattern',
  );
  expect(err.split('matches no finding').length - 1).toBe(1);
  expect(out).toContain('exception matched nothing: backend-allows-vip on tencentcloud_instance.wbe[*]');
  expect(out).not.toContain('suppressed 0');
});
