import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { structuredPatch } from 'diff';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { Report } from '../../src/model/finding.js';
import { githubClient } from '../../src/report/github/githubClient.js';
import { type PublishRun, publishAll } from '../../src/report/github/publisher.js';
import { stickyCommentPublisher } from '../../src/report/github/stickyComment.js';
import {
  outsideDiffSection,
  type SuggestionOutcome,
  suggestedChangesPublisher,
  suggestionKey,
} from '../../src/report/github/suggestedChanges.js';
import { type Permissions, type StandIn, startGitHubStandIn } from '../github-standin/server.js';
import { ruleSetIngressFromTf, withRuleSetIngress } from './editedPlan.js';
import { fakeActionIo, type Recorded } from './fakeActionIo.js';

/**
 * Suggested changes against the GitHub API stand-in: the fixture's findings, a pull request whose
 * diff adds the web rule set (so its fixes can be suggestions) and leaves the api rule set alone
 * (so its fix stays in the sticky comment as a diff).
 */
const repoRoot = join(import.meta.dirname, '..', '..');
const fixture = join(repoRoot, 'test/fixtures/suggestions');
const head = readFileSync(join(fixture, 'main.tf'), 'utf8');
const PR = { number: 21, headSha: 'beadfeed' };

/** The patch GitHub shows for a change from `base` to `head`: hunks, no file header. */
function githubPatch(base: string, headText: string): string {
  return structuredPatch('main.tf', 'main.tf', base, headText, '', '', { context: 3 })
    .hunks.map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join('\n'))
    .join('\n');
}

function withoutResource(text: string, header: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(header);
  const end = lines.indexOf('}', start);
  lines.splice(start, end - start + 2);
  return lines.join('\n');
}

/** The PR adds the whole web rule set. */
const addsWebRuleSet = githubPatch(withoutResource(head, 'resource "tencentcloud_security_group_rule_set" "web" {'), head);

let cwd = '';
let report: Report;
beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'clb-guard-suggest-'));
  cpSync(fixture, cwd, { recursive: true });
  report = await checkPlan({
    cwd,
    logger: silentLogger,
    planFile: 'plan.json',
    tfRoot: '.',
    configFile: join(repoRoot, 'test/e2e/empty-config.json'),
  });
});

let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function publish(
  options: { report?: Report; patch?: string; token?: string; permissions?: Permissions; keep?: StandIn } = {},
): Promise<{ standIn: StandIn; recorded: Recorded; outcome: SuggestionOutcome }> {
  standIn = options.keep ?? (await startGitHubStandIn({ tokens: { rw: { pullRequests: 'write' }, ro: { pullRequests: 'read' } } }));
  standIn.pullFiles.set(PR.number, [{ filename: 'main.tf', status: 'modified', patch: options.patch ?? addsWebRuleSet }]);
  const { io, recorded } = fakeActionIo({ inputs: {}, env: {}, event: {} });
  const run: PublishRun = {
    report: options.report ?? report,
    failed: true,
    workflow: { eventName: 'pull_request', owner: 'acme', repo: 'infra', pullRequest: PR },
    runner: io.runner,
    logger: silentLogger,
    cwd,
    summaryNotes: [],
  };
  const outcome: SuggestionOutcome = { posted: new Set() };
  const api = { github: githubClient(options.token ?? 'rw', { baseUrl: standIn.url, msPerSecond: 1 }), owner: 'acme', repo: 'infra' };
  await publishAll(
    [suggestedChangesPublisher('auto', outcome), stickyCommentPublisher('auto', (r) => outsideDiffSection(r, outcome))],
    run,
    api,
  );
  return { standIn, recorded, outcome };
}

/** New-side lines of the patch's hunks. */
function hunkLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let line = 0;
  for (const text of patch.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(text);
    if (header) line = Number(header[1]);
    else if (text.startsWith(' ') || text.startsWith('+')) lines.add(line++);
  }
  return lines;
}

const writes = (s: StandIn) => s.calls.filter((c) => c.method !== 'GET' && c.path.includes('/pulls/'));
const stickyBody = (s: StandIn) => s.comments.find((c) => c.issue === PR.number)!.body;

describe('suggested changes', () => {
  it('fixes on lines of the diff become one review of ```suggestion comments, each inside a hunk; the rest is a ```diff in the sticky comment', async () => {
    const { standIn, outcome } = await publish();
    expect(standIn.reviews).toEqual([expect.objectContaining({ pull: PR.number, event: 'COMMENT', comments: 2 })]);
    const inHunk = hunkLines(addsWebRuleSet);
    for (const c of standIn.reviewComments) {
      for (let l = c.start_line ?? c.line; l <= c.line; l++) expect(inHunk.has(l), `line ${l}`).toBe(true);
      expect(c.body).toMatch(/^<!-- clb-guard:suggestion key=[0-9a-f]{32} findings=[0-9a-f,]+ -->\n/);
      expect(c.body).toContain('\n```suggestion\n');
      expect(c.commit_id).toBe(PR.headSha);
    }
    const move = standIn.reviewComments.find((c) => c.body.includes('deny-before-allow'))!;
    // The DROP block first, then the ACCEPT it was under.
    expect(
      move.body
        .split('```suggestion\n')[1]!
        .split('\n')
        .filter((l) => l.includes('action')),
    ).toEqual(['    action      = "DROP"', '    action     = "ACCEPT"']);
    expect(outcome.posted.size).toBe(2);
    const sticky = stickyBody(standIn);
    expect(sticky).toContain('### Suggested changes');
    expect(sticky).toMatch(
      /```diff\n@@ -\d+,\d+ \+\d+,\d+ @@\n\+ {2}ingress \{\n\+ {4}action {5}= "ACCEPT"\n\+ {4}cidr_block = "172\.16\.0\.0\/16"/,
    );
    expect(sticky).not.toContain('deny-before-allow`).');
  });

  it('the posted suggestion, committed as GitHub would, gives a .tf (and plan) on which its finding is gone', async () => {
    const { standIn } = await publish();
    const move = standIn.reviewComments.find((c) => c.body.includes('deny-before-allow'))!;
    const suggested = /```suggestion\n([\s\S]*?)\n```$/.exec(move.body)![1]!.split('\n');
    const lines = head.split('\n');
    lines.splice(move.start_line! - 1, move.line - move.start_line! + 1, ...suggested);
    const committed = lines.join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-committed-'));
    writeFileSync(join(dir, 'main.tf'), committed);
    const plan = JSON.parse(readFileSync(join(fixture, 'plan.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(withRuleSetIngress(plan, 'web', ruleSetIngressFromTf(committed, 'web'))));
    const rerun = await checkPlan({
      cwd: dir,
      logger: silentLogger,
      planFile: 'plan.json',
      tfRoot: '.',
      configFile: join(repoRoot, 'test/e2e/empty-config.json'),
    });
    expect(report.findings.filter((f) => f.policy === 'deny-before-allow')).toHaveLength(1);
    expect(rerun.findings.filter((f) => f.policy === 'deny-before-allow')).toEqual([]);
    // No new failure. With the DROP first, whether the VIP (known only after apply) falls in
    // 45.33.0.0/16 cannot be decided from the plan: those are unknown, as they must be.
    const added = rerun.findings.filter((f) => !report.findings.some((g) => g.fingerprint === f.fingerprint));
    expect(added.map((f) => `${f.status} ${f.policy}`)).toEqual(['unknown backend-allows-vip', 'unknown backend-allows-vip']);
  });

  it('a change that only touches one line of a block: the edit spans lines outside the hunk, so it is not posted', async () => {
    const base = head.replace('description = "scrapers"', 'description = "bots"');
    const patch = githubPatch(base, head);
    const { standIn } = await publish({ patch });
    expect(standIn.reviewComments).toEqual([]);
    expect(standIn.reviews).toEqual([]);
    expect(stickyBody(standIn).match(/```diff/g)).toHaveLength(3);
  });

  it('a re-run with the same findings changes nothing', async () => {
    const first = await publish();
    const before = first.standIn.reviewComments.map((c) => ({ ...c }));
    const calls = writes(first.standIn).length;
    await publish({ keep: first.standIn });
    expect(first.standIn.reviewComments).toEqual(before);
    expect(writes(first.standIn).length).toBe(calls);
  });

  it('a re-run after the DROP was fixed deletes that suggestion and leaves the other', async () => {
    const first = await publish();
    const kept = first.standIn.reviewComments.find((c) => !c.body.includes('deny-before-allow'))!;
    await publish({
      keep: first.standIn,
      report: { ...report, findings: report.findings.filter((f) => f.policy !== 'deny-before-allow') },
    });
    expect(first.standIn.reviewComments).toEqual([kept]);
    expect(first.standIn.calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });

  it('a re-run whose fix now covers fewer findings updates that comment in place', async () => {
    const first = await publish();
    const vip = { ...first.standIn.reviewComments.find((c) => c.body.includes('backend-allows-health-check'))! };
    const key = suggestionKey(vip.body)!;
    // One of the two web instances is fixed some other way: the same fix, for one finding.
    const dropped = report.findings.find(
      (f) => f.policy === 'backend-allows-health-check' && f.resource.startsWith('tencentcloud_instance.web') && f.fingerprint !== key,
    )!;
    await publish({ keep: first.standIn, report: { ...report, findings: report.findings.filter((f) => f !== dropped) } });
    const after = first.standIn.reviewComments.find((c) => c.id === vip.id)!;
    expect(after.body).not.toBe(vip.body);
    expect(after.body).toContain('1 finding');
    expect(first.standIn.calls.filter((c) => c.method === 'PATCH' && c.path.includes('/pulls/comments/'))).toHaveLength(1);
    expect(first.standIn.reviewComments).toHaveLength(2);
  });

  it('a suggestion whose lines moved is posted again where they are now, and the old one deleted', async () => {
    const first = await publish();
    const stale = first.standIn.reviewComments[0]!;
    // As an earlier run left it, two lines further up.
    stale.line -= 2;
    if (stale.start_line !== null) stale.start_line -= 2;
    const staleId = stale.id;
    await publish({ keep: first.standIn });
    expect(first.standIn.reviewComments.map((c) => c.id)).not.toContain(staleId);
    expect(first.standIn.reviewComments).toHaveLength(2);
    expect(new Set(first.standIn.reviewComments.map((c) => suggestionKey(c.body))).size).toBe(2);
  });

  it('a read-only token (fork PR): no review, one notice each, nothing fails', async () => {
    const { standIn, recorded } = await publish({ token: 'ro' });
    expect(standIn.reviewComments).toEqual([]);
    expect(recorded.notices).toEqual([
      expect.stringMatching(/may not review this pull request/),
      expect.stringMatching(/may not comment on this pull request/),
    ]);
  });

  it('a review GitHub refuses (422) is posted comment by comment; one it refuses alone goes to the sticky comment', async () => {
    standIn = await startGitHubStandIn({ tokens: { rw: { pullRequests: 'write' } } });
    standIn.inject({ method: 'POST', path: /\/pulls\/\d+\/reviews$/, status: 422, message: 'Unprocessable Entity', times: 1 });
    standIn.inject({ method: 'POST', path: /\/pulls\/\d+\/comments$/, status: 422, message: 'Unprocessable Entity', times: 1 });
    const { outcome } = await publish({ keep: standIn });
    expect(standIn.reviews).toEqual([]);
    expect(standIn.reviewComments).toHaveLength(1);
    expect(outcome.posted.size).toBe(1);
    expect(stickyBody(standIn).match(/```diff/g)).toHaveLength(2);
  });
});
