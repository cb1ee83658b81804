import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { GUARD_EXIT, GUARD_MARK, guardedNodeArgs } from '../support/guardedProcess.js';
import { isLoopback } from '../support/networkGuard.mjs';

/** The guard that process-level tests run their children under: it must catch what it promises. */
function guarded(script: string) {
  const child = spawnSync(process.execPath, [...guardedNodeArgs(), '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: child.status, stderr: child.stderr };
}

describe('the test network guard', () => {
  it.each([
    ['a TCP connection to a private address', "import net from 'node:net'; net.connect(80, '10.255.255.1').on('error', () => {});"],
    ['a connection by options', "import net from 'node:net'; net.connect({ host: '192.0.2.1', port: 443 }).on('error', () => {});"],
    ['an https request to a name', "import https from 'node:https'; https.get('https://example.invalid/').on('error', () => {});"],
    ['a TLS connection', "import tls from 'node:tls'; tls.connect(443, '203.0.113.9').on('error', () => {});"],
    ['a DNS lookup', "import dns from 'node:dns'; dns.lookup('example.invalid', () => {});"],
    ['a promise DNS lookup', "import dns from 'node:dns/promises'; await dns.lookup('example.invalid').catch(() => {});"],
    ['a resolver query', "import dns from 'node:dns'; new dns.Resolver().resolve4('example.invalid', () => {});"],
    [
      'a name that starts like loopback',
      "import http from 'node:http'; http.get('http://127.0.0.1.example.invalid/').on('error', () => {});",
    ],
    ['fetch', "await fetch('http://198.51.100.7/').catch(() => {});"],
  ])('ends the process on %s, even when the program would catch the error', (_name, script) => {
    const run = guarded(script);
    expect(run.code).toBe(GUARD_EXIT);
    expect(run.stderr).toContain(GUARD_MARK);
  });

  it('lets loopback through', () => {
    const script =
      "import http from 'node:http'; const s = http.createServer((q, r) => r.end('ok')).listen(0, '127.0.0.1', () => { http.get(`http://localhost:${s.address().port}/`, (r) => { r.resume(); r.on('end', () => { s.close(); console.log('done'); }); }); });";
    const run = guarded(script);
    expect(run.stderr).not.toContain(GUARD_MARK);
    expect(run.code).toBe(0);
  });

  it('knows loopback literals from look-alikes', () => {
    for (const host of ['127.0.0.1', '127.9.9.9', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1', undefined])
      expect(isLoopback(host)).toBe(true);
    for (const host of ['127.0.0.1.example.invalid', '10.0.0.1', 'localhost.example', '::ffff:10.0.0.1', '0.0.0.0', 'example.com'])
      expect(isLoopback(host)).toBe(false);
  });
});
