import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import type { Snapshot } from '../../src/sources/live/snapshotFormat.js';
import type { Account } from '../emulator/accountFixture.js';
import { startEmulator, TEST_KEYS } from '../emulator/server.js';
import { bundleEntry, expectNoEscape, guardedNodeArgs } from '../support/guardedProcess.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const demoFile = join(repoRoot, 'examples/demo/account.json');
const [secretId, secretKey] = Object.entries(TEST_KEYS)[0]!;
const quiet = { write: () => true };

/** The demo estate (the emulator's account of the demo plan's infrastructure), scanned into a snapshot. */
async function freshDemoSnapshot(): Promise<Snapshot> {
  const account = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/accounts/demo.json'), 'utf8')) as Account;
  const emulator = await startEmulator({ account });
  const file = join(mkdtempSync(join(tmpdir(), 'clb-guard-demo-')), 'account.json');
  try {
    const code = await runCli(
      [
        'live',
        '--region',
        'ap-guangzhou',
        '--api-endpoint',
        emulator.url,
        '--account',
        'demo-shop',
        '--save-snapshot',
        file,
        '--fail-on',
        'never',
        '--config',
        'test/e2e/empty-config.json',
      ],
      {
        cwd: repoRoot,
        env: { TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey },
        stdout: quiet,
        stderr: quiet,
      },
    );
    expect(code).toBe(0);
  } finally {
    await emulator.close();
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
}

describe('examples/demo/account.json, the demo estate as a snapshot', () => {
  it('is what a scan of the demo estate reads (CLB_GUARD_UPDATE_DEMO=1 writes it anew)', async () => {
    const fresh = await freshDemoSnapshot();
    // A fixed time and version, so the example does not change with every release.
    const pinned = { ...fresh, takenAt: '2026-12-01T03:17:00.000Z', tool: { name: 'clb-guard' as const, version: '0.1.0' } };
    if (process.env.CLB_GUARD_UPDATE_DEMO === '1') writeFileSync(demoFile, `${JSON.stringify(pinned, null, 1)}\n`);
    const committed = JSON.parse(readFileSync(demoFile, 'utf8')) as Snapshot;
    expect(committed.regions).toEqual(pinned.regions);
    expect(committed).toMatchObject({ account: 'demo-shop', complete: true });
  });

  it('npm run demo:live checks it with the bundled CLI, offline (under the network guard), and finds the demo findings', async () => {
    const script = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts['demo:live'] as string;
    expect(script).toBe('node dist/cli.js live --snapshot examples/demo/account.json --fail-on never');
    const cli = await bundleEntry('cli');
    // No credentials in the environment, and any connection outside loopback fails the run.
    const run = spawnSync(process.execPath, [...guardedNodeArgs(), cli, ...script.split(' ').slice(2), '--today', '2026-11-24'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    expectNoEscape(run.stdout + run.stderr, run.status);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('checking the snapshot examples/demo/account.json of demo-shop');
    // The region names are the snapshot's own: no fallback to the built-in list, no warning.
    expect(run.stderr).not.toMatch(/^warning:/m);
    expect(run.stdout).toMatch(/8 errors, 3 warnings, 0 notices, 0 unknown/);
    expect(run.stdout).toMatch(/ERROR deny-before-allow {2}sg-web/);
  });
});
