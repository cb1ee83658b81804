import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry, expectNoEscape, guardedNodeArgs } from '../support/guardedProcess.js';
import { fixtureCopy, startAccount, stopEmulator } from './hybridRun.js';

let tokenServer: Server | undefined;
afterEach(async () => {
  await stopEmulator();
  await new Promise<void>((resolve) => (tokenServer ? tokenServer.close(() => resolve()) : resolve()));
  tokenServer = undefined;
});

/** A pull_request run of the Action in a fixture's folder: plan mode, resolve-live, an OIDC role, no comment. */
function pullRequestEnv(dir: string, extra: Record<string, string>): Record<string, string> {
  writeFileSync(join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 7, head: { sha: 'abc123' } } }));
  for (const name of ['summary.md', 'output.txt']) writeFileSync(join(dir, name), '');
  return {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: dir,
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    RUNNER_TEMP: dir,
    TENCENTCLOUD_CREDENTIALS_FILE: join(dir, 'no-profile'),
    'INPUT_PLAN-FILE': 'plan.json',
    'INPUT_RESOLVE-LIVE': 'true',
    'INPUT_ROLE-ARN': 'qcs::cam::uin/1:roleName/clb-guard-readonly',
    'INPUT_OIDC-PROVIDER-ID': 'github-actions',
    INPUT_COMMENT: 'never',
    ...extra,
  };
}

async function runAction(action: string, dir: string, env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [...guardedNodeArgs(), action], { cwd: dir, env });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expectNoEscape(out, code);
  return { code, out };
}

describe('the Action with resolve-live: true in a pull_request workflow (OIDC, read-only role)', () => {
  let action = '';
  beforeAll(async () => {
    action = await bundleEntry('main');
  }, 60_000);

  it('exchanges the ID token once, reads the account, annotates the change and writes "Outside this plan" to the summary', async () => {
    const emulator = await startAccount('blast-radius');
    tokenServer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ value: 'github-id-token' }));
    });
    await new Promise<void>((resolve) => tokenServer!.listen(0, '127.0.0.1', resolve));
    const dir = fixtureCopy('blast-radius');
    const env = pullRequestEnv(dir, {
      ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/token?x=1`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token',
      'INPUT_API-ENDPOINT': emulator.url,
    });
    const { code, out } = await runAction(action, dir, env);
    expect(code).toBe(1);
    expect(emulator.calls.get('AssumeRoleWithWebIdentity')).toBe(1);
    expect(out).toContain('::error title=backend-allows-health-check%3A ins-other,file=main.tf,line=17,');
    // What ins-old already fails is a notice on no line: not the PR's doing.
    expect(out).toContain('::notice title=backend-allows-vip (pre-existing)%3A ins-old::');
    expect(out).not.toMatch(/::error title=[^:]*ins-old/);
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain('### Outside this plan');
    expect(summary).toContain('on live [`ins-other`]');
    expect(readFileSync(join(dir, 'output.txt'), 'utf8')).toMatch(/passed<<[^\n]+\nfalse/);
  });

  it('without an ID token (a pull request from a fork) checks the plan alone, saying how many checks stayed unknown', async () => {
    const dir = fixtureCopy('external-group-order');
    const { code, out } = await runAction(action, dir, pullRequestEnv(dir, {}));
    expect(code).toBe(0);
    expect(out).toContain(
      '::warning::--resolve-live: no Tencent Cloud credentials (the runner gave no OIDC ID token: a pull request from a fork, or a job without `permissions: id-token: write`), so the plan was checked alone; 4 checks stayed unknown because of external references',
    );
  });
});
