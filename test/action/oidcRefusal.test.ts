import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/runAction.js';
import { resolveCredentials } from '../../src/sources/live/index.js';
import type { Account } from '../emulator/accountFixture.js';
import { type Emulator, startEmulator } from '../emulator/server.js';
import { bundleEntry, expectNoEscape, guardedNodeArgs } from '../support/guardedProcess.js';
import { fakeActionIo } from './fakeActionIo.js';

/**
 * When STS refuses the OIDC exchange the run says so once, by its code, and stops: the ID token
 * and STS are each asked once, never retried, and no Describe call is made.
 */
const repoRoot = join(import.meta.dirname, '..', '..');
const demoAccount = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/accounts/demo.json'), 'utf8')) as Account;
const ROLE = 'qcs::cam::uin/1:roleName/clb-guard';

let emulator: Emulator | undefined;
let tokenServer: Server | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  await new Promise<void>((resolve) => (tokenServer ? tokenServer.close(() => resolve()) : resolve()));
  tokenServer = undefined;
});

describe('OIDC refused by STS', () => {
  it('resolveCredentials: one line with the code, one ID token, one STS call', async () => {
    emulator = await startEmulator({ account: demoAccount });
    let tokens = 0;
    const oidc = {
      roleArn: ROLE,
      providerId: 'github',
      idToken: async () => {
        tokens++;
        return 'rejected';
      },
    };
    await expect(resolveCredentials({}, { apiEndpoint: emulator.url, oidc })).rejects.toThrow(
      /^OIDC: STS refused AssumeRoleWithWebIdentity: AuthFailure\.TokenFailure$/,
    );
    expect(tokens).toBe(1);
    expect(emulator.calls.get('AssumeRoleWithWebIdentity')).toBe(1);
  });

  it('concurrent callers share one exchange', async () => {
    emulator = await startEmulator({ account: demoAccount });
    let tokens = 0;
    const source = await resolveCredentials(
      {},
      {
        apiEndpoint: emulator.url,
        oidc: {
          roleArn: ROLE,
          providerId: 'github',
          idToken: async () => {
            tokens++;
            return 'id-token';
          },
        },
      },
    );
    await Promise.all(Array.from({ length: 16 }, () => source.get()));
    expect(tokens).toBe(1);
    expect(emulator.calls.get('AssumeRoleWithWebIdentity')).toBe(1);
  });

  it("the Action asks for the ID token with oidc-audience (the CAM provider's client ID)", async () => {
    emulator = await startEmulator({ account: demoAccount });
    const { io, recorded } = fakeActionIo({
      inputs: {
        mode: 'live',
        regions: 'ap-guangzhou',
        'role-arn': ROLE,
        'oidc-provider-id': 'github',
        'oidc-audience': 'sts.tencentcloudapi.com',
        'api-endpoint': emulator.url,
        config: 'test/e2e/empty-config.json',
      },
      env: { GITHUB_WORKSPACE: repoRoot, RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'clb-guard-oidc-')) },
      event: { eventName: 'schedule' },
    });
    const audiences: (string | undefined)[] = [];
    const withAudience = {
      ...io,
      idToken: async (audience?: string) => {
        audiences.push(audience);
        return 'rejected';
      },
    };
    expect(await runAction(withAudience)).toBe(2);
    expect(audiences).toEqual(['sts.tencentcloudapi.com']);
    expect(recorded.errors).toEqual(['OIDC: STS refused AssumeRoleWithWebIdentity: AuthFailure.TokenFailure']);
  });

  describe('the Action process', () => {
    let action = '';
    beforeAll(async () => {
      action = await bundleEntry('main');
    }, 60_000);

    it('fails the step with that one line, asks for the ID token once, and calls nothing else', async () => {
      emulator = await startEmulator({ account: demoAccount });
      let tokenRequests = 0;
      tokenServer = createServer((_req, res) => {
        tokenRequests++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ value: 'rejected' }));
      });
      await new Promise<void>((resolve) => tokenServer!.listen(0, '127.0.0.1', resolve));
      const dir = mkdtempSync(join(tmpdir(), 'clb-guard-oidc-'));
      for (const name of ['summary.md', 'output.txt', 'event.json']) writeFileSync(join(dir, name), name === 'event.json' ? '{}' : '');
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '',
        GITHUB_WORKSPACE: repoRoot,
        GITHUB_REPOSITORY: 'acme/infra',
        GITHUB_EVENT_NAME: 'schedule',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
        GITHUB_OUTPUT: join(dir, 'output.txt'),
        RUNNER_TEMP: dir,
        ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/token?x=1`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token',
        INPUT_MODE: 'live',
        INPUT_REGIONS: 'ap-guangzhou',
        'INPUT_ROLE-ARN': ROLE,
        'INPUT_OIDC-PROVIDER-ID': 'github',
        'INPUT_API-ENDPOINT': emulator.url,
        INPUT_CONFIG: 'test/e2e/empty-config.json',
      };
      const child = spawn(process.execPath, [...guardedNodeArgs(), action], { cwd: repoRoot, env });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expectNoEscape(out, code);
      expect(code).toBe(2);
      const errors = out.split('\n').filter((line) => line.startsWith('::error'));
      expect(errors).toEqual(['::error::OIDC: STS refused AssumeRoleWithWebIdentity: AuthFailure.TokenFailure']);
      expect(out).not.toMatch(/incomplete/i);
      expect(tokenRequests).toBe(1);
      expect(Object.fromEntries(emulator.calls)).toEqual({ AssumeRoleWithWebIdentity: 1 });
    });
  });
});
