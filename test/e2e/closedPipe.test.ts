import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticPlan } from '../../bench/syntheticPlan.js';
import { bundleEntry, expectNoEscape, guardedNodeArgs } from '../support/guardedProcess.js';

describe('a reader that closes the pipe early (clb-guard plan … | head)', () => {
  it('ends the report quietly: no stack trace, the verdict still in the exit code', async () => {
    const cli = await bundleEntry('cli');
    // A report of a few MB: far more than a pipe holds, so the writes meet the closed pipe.
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-pipe-'));
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify(syntheticPlan(60).plan));
    const child = spawn(process.execPath, [...guardedNodeArgs(), cli, 'plan', plan, '--tf-root', dir, '--format', 'json'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Read the first bytes, then go away, as `head -c` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expectNoEscape(stderr, code);
    expect(stderr).not.toMatch(/EPIPE|node:events|Unhandled/);
    expect(code).toBe(1);
  }, 60_000);
});
