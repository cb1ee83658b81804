import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readActionInputs } from '../../src/action/actionInputs.js';
import { publishReport } from '../../src/action/reportOutputs.js';
import { runAction } from '../../src/action/runAction.js';
import { checkPlan } from '../../src/check/index.js';
import { SensitiveText } from '../../src/model/sensitiveText.js';
import { annotationPublisher } from '../../src/report/github/checkRun.js';
import { jobSummaryPublisher } from '../../src/report/github/jobSummary.js';
import { sarifFilePublisher } from '../../src/report/github/sarifFile.js';
import { stickyCommentPublisher } from '../../src/report/github/stickyComment.js';
import { outsideDiffSection, type SuggestionOutcome, suggestedChangesPublisher } from '../../src/report/github/suggestedChanges.js';
import { type StandIn, startGitHubStandIn } from '../github-standin/server.js';
import { DEMO_PLAN_CHECK } from '../support/demoPlan.js';
import { DEMO_SECRETS, secretsIn, sensitiveDemoPlan } from '../support/sensitivePlan.js';
import { fakeActionIo, type Recorded } from './fakeActionIo.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const TF = 'examples/demo/main.tf';
/** The pull request adds the whole demo `main.tf`: every fix on its lines may become a suggestion. */
const tfLines = readFileSync(join(repoRoot, TF), 'utf8').replace(/\n$/, '').split('\n');
const addsMainTf = [`@@ -0,0 +1,${tfLines.length} @@`, ...tfLines.map((l) => `+${l}`)].join('\n');

let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

/** The Action in process on a plan, against the stand-in: everything it wrote, to the runner, to files and to GitHub. */
async function actionOn(planFile: string): Promise<{ recorded: Recorded; written: string; sent: string; code: number }> {
  standIn = await startGitHubStandIn({ tokens: { rw: { pullRequests: 'write', checks: 'write', issues: 'write' } } });
  standIn.pullFiles.set(12, [{ filename: TF, status: 'added', patch: addsMainTf }]);
  const temp = mkdtempSync(join(tmpdir(), 'clb-guard-sensitive-action-'));
  const { io, recorded } = fakeActionIo({
    inputs: {
      'plan-file': planFile,
      'tf-root': 'examples/demo',
      config: 'test/e2e/empty-config.json',
      'github-token': 'rw',
      'sarif-file': join(temp, 'out', 'clb-guard.sarif'),
    },
    env: { GITHUB_WORKSPACE: repoRoot, GITHUB_REPOSITORY: 'acme/infra', GITHUB_API_URL: standIn.url, RUNNER_TEMP: temp },
    event: { payload: { pull_request: { number: 12, head: { sha: 'feedface' } } } },
  });
  const code = await runAction(io);
  const files = [join(temp, 'clb-guard-report.json'), ...readdirSync(join(temp, 'out')).map((f) => join(temp, 'out', f))];
  return {
    recorded,
    code,
    written: files.map((f) => readFileSync(f, 'utf8')).join('\n'),
    sent: JSON.stringify([standIn.calls, standIn.comments, standIn.reviewComments, standIn.checkRuns, standIn.issues]),
  };
}

describe('the Action with values the plan marks sensitive (real Octokit against the stand-in)', () => {
  it('publishes none of them: annotations, check run, job summary, sticky comment, suggestions, SARIF and the JSON report', async () => {
    const { recorded, written, sent, code } = await actionOn(sensitiveDemoPlan());
    expect(code).toBe(1);
    const { secrets, ...shown } = recorded;
    expect(secretsIn(JSON.stringify(shown))).toEqual([]);
    expect(secretsIn(written)).toEqual([]);
    expect(secretsIn(sent)).toEqual([]);
    // Something was published, and it says (sensitive) where a value was.
    expect(standIn!.checkRuns).toHaveLength(1);
    expect(JSON.stringify(standIn!.checkRuns[0]!.annotations)).toContain('(sensitive)');
    expect(standIn!.comments.find((c) => c.issue === 12)!.body).toContain('(sensitive)');
    // The runner masks each one in every later log line.
    expect(secrets).toEqual(expect.arrayContaining(Object.values(DEMO_SECRETS)));
    // The DROP rule's move would show its CIDR from the `.tf` lines: it stays prose, not a suggestion.
    expect(standIn!.reviewComments.some((c) => c.body.includes('deny-before-allow'))).toBe(false);
  });

  it('the same plan unmarked publishes them, the DROP rule move as a suggestion: the hiding is what the marks cause', async () => {
    const { recorded, sent, written } = await actionOn(sensitiveDemoPlan({ marks: false }));
    expect(secretsIn(written).sort()).toEqual(Object.values(DEMO_SECRETS).sort());
    expect(secretsIn(sent).sort()).toEqual(Object.values(DEMO_SECRETS).sort());
    expect(standIn!.reviewComments.some((c) => c.body.includes('deny-before-allow') && c.body.includes(DEMO_SECRETS.cidr))).toBe(true);
    expect(recorded.secrets).toEqual(['rw']);
  });
});

describe('publishing: the last line of defence', () => {
  it('scrubs the sensitive values from what it publishes even when the report it is given still holds them', async () => {
    // A report not scrubbed (the values unmarked), published as if the plan had marked them.
    const report = await checkPlan({ ...DEMO_PLAN_CHECK, planFile: sensitiveDemoPlan({ marks: false }) });
    expect(secretsIn(JSON.stringify(report.findings)).sort()).toEqual(Object.values(DEMO_SECRETS).sort());
    standIn = await startGitHubStandIn({ tokens: { rw: { pullRequests: 'write', checks: 'write' } } });
    standIn.pullFiles.set(12, [{ filename: TF, status: 'added', patch: addsMainTf }]);
    const temp = mkdtempSync(join(tmpdir(), 'clb-guard-sensitive-publish-'));
    const inputs = { 'github-token': 'rw', 'plan-file': 'plan.json' } as Record<string, string>;
    const { io, recorded } = fakeActionIo({
      inputs,
      env: { GITHUB_WORKSPACE: repoRoot, GITHUB_REPOSITORY: 'acme/infra', GITHUB_API_URL: standIn.url, RUNNER_TEMP: temp },
      event: { payload: { pull_request: { number: 12, head: { sha: 'feedface' } } } },
    });
    const outcome: SuggestionOutcome = { posted: new Set() };
    const sarif = join(temp, 'clb-guard.sarif');
    await publishReport(
      report,
      readActionInputs(
        (name) => inputs[name] ?? '',
        () => {},
      ),
      repoRoot,
      io,
      [
        annotationPublisher(true),
        sarifFilePublisher(sarif, () => {}),
        jobSummaryPublisher(),
        suggestedChangesPublisher('auto', outcome),
        stickyCommentPublisher('auto', (r) => outsideDiffSection(r, outcome)),
      ],
      { sensitive: new SensitiveText(Object.values(DEMO_SECRETS)) },
    );
    expect(standIn.checkRuns).toHaveLength(1);
    expect(standIn.comments).toHaveLength(1);
    expect(secretsIn(JSON.stringify([standIn.calls, standIn.comments, standIn.reviewComments, standIn.checkRuns]))).toEqual([]);
    expect(secretsIn(JSON.stringify(recorded))).toEqual([]);
    expect(secretsIn(readFileSync(sarif, 'utf8'))).toEqual([]);
    expect(secretsIn(readFileSync(join(temp, 'clb-guard-report.json'), 'utf8'))).toEqual([]);
    // The edit that moves the DROP rule holds its CIDR: never a suggestion, nor a diff in the comment.
    expect(standIn.reviewComments.some((c) => c.body.includes('deny-before-allow'))).toBe(false);
  });
});
