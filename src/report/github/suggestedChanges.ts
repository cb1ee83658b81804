import { resolve } from 'node:path';
import { type FixGroup, fixGroupsOf, fixSummary } from '../../model/finding.js';
import { SENSITIVE } from '../../model/sensitiveText.js';
import { locationLink } from '../markdown.js';
import { hunkHolding, rightHunks } from './diffHunks.js';
import type { GitHubClient } from './githubClient.js';
import type { Publisher, PublishRun, PullRequestRef, RepositoryApi } from './publisher.js';
import { type TfEdit, tfEditFor } from './tfEdit.js';

/** A fix that is an exact `.tf` edit, keyed by a fingerprint of the findings it fixes. */
export interface PlannedEdit {
  readonly key: string;
  readonly group: FixGroup;
  readonly edit: TfEdit;
}

/** Which edits went into the pull request as review suggestions; the sticky comment shows the rest. */
export interface SuggestionOutcome {
  readonly posted: Set<string>;
}

const MARKER = /<!-- clb-guard:suggestion key=([0-9a-f]+)[^>]*-->/;

/** The key in a comment we wrote, undefined for anyone else's comment. */
export function suggestionKey(body: string | undefined | null): string | undefined {
  return MARKER.exec(body ?? '')?.[1];
}

/**
 * Every failing finding's fix that is an exact edit of a `.tf` file in the workspace. The key is
 * the smallest fingerprint of the findings it fixes: stable across runs while they fail.
 */
export async function plannedEdits(run: PublishRun): Promise<PlannedEdit[]> {
  if (run.report.mode !== 'plan') return [];
  const texts = new Map<string, string | undefined>();
  const out: PlannedEdit[] = [];
  for (const group of fixGroupsOf(run.report.findings.filter((f) => f.status === 'fail'))) {
    const file = group.fix.location?.file;
    if (file === undefined || !file.endsWith('.tf')) continue;
    if (!texts.has(file)) texts.set(file, await run.runner.readFile(resolve(run.cwd, file)));
    const text = texts.get(file);
    const edit = text === undefined ? undefined : tfEditFor(group, text);
    if (edit === undefined || showsSensitive(edit, run)) continue;
    out.push({ key: group.findings.map((f) => f.fingerprint).sort()[0]!, group, edit });
  }
  return out;
}

/**
 * An edit that holds a sensitive value of the plan, or the placeholder the report shows for one,
 * stays prose: as a suggestion it would publish the value (the `.tf` lines moved) or write the
 * placeholder into the code (a snippet made from the scrubbed report).
 */
function showsSensitive(edit: TfEdit, run: PublishRun): boolean {
  return [...edit.original, ...edit.replacement].some((line) => (run.sensitive?.touches(line) ?? false) || line.includes(SENSITIVE));
}

/** Our text never closes the HTML comment or opens tags in it. */
const plain = (text: string) => text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));

function heading(planned: PlannedEdit): string {
  const policies = [...new Set(planned.group.findings.map((f) => `\`${f.policy}\``))].join(', ');
  return `**clb-guard** — ${plain(fixSummary(planned.group))} (${policies}).`;
}

/** The review comment: a hidden marker with the findings' fingerprints, the fix in words, the edit. */
export function suggestionBody(planned: PlannedEdit): string {
  const fingerprints = planned.group.findings
    .map((f) => f.fingerprint)
    .sort()
    .join(',');
  return [
    `<!-- clb-guard:suggestion key=${planned.key} findings=${fingerprints} -->`,
    heading(planned),
    '',
    plain(planned.group.fix.text.split('\n')[0]!),
    '',
    '```suggestion',
    ...planned.edit.replacement,
    '```',
  ].join('\n');
}

/** The edit as a ```diff block with its real line numbers, for fixes that are not review suggestions. */
export function diffBlock(edit: TfEdit): string {
  const header = `@@ -${edit.startLine},${edit.original.length} +${edit.startLine},${edit.replacement.length} @@`;
  return ['```diff', header, ...edit.diff.map((l) => l.replace(/```/g, "'''")), '```'].join('\n');
}

/** Budget of the sticky comment's part for edits outside the diff. */
const OUTSIDE_LIMIT = 20_000;

/** The sticky comment's section for the edits not posted as suggestions ('' when there are none). */
export async function outsideDiffSection(run: PublishRun, outcome: SuggestionOutcome): Promise<string> {
  const rest = (await plannedEdits(run)).filter((p) => !outcome.posted.has(p.key));
  if (rest.length === 0) return '';
  const parts = [
    '',
    '',
    '### Suggested changes',
    '',
    'Exact edits for fixes whose lines this pull request does not change (GitHub can only suggest on lines in the diff):',
  ];
  let size = parts.join('\n').length;
  let shown = 0;
  for (const planned of rest) {
    const part = [
      '',
      `${heading(planned)} ${locationLink({ file: planned.edit.file, line: planned.edit.startLine, endLine: planned.edit.endLine }, run.links)}`,
      '',
      diffBlock(planned.edit),
    ].join('\n');
    if (size + part.length > OUTSIDE_LIMIT) break;
    parts.push(part);
    size += part.length;
    shown++;
  }
  if (shown < rest.length) parts.push('', `…and ${rest.length - shown} more: the fixes are in the job summary.`);
  return parts.join('\n');
}

interface ReviewComment {
  readonly id: number;
  readonly body: string;
  readonly path: string;
  readonly line?: number | null;
  readonly start_line?: number | null;
}

interface Suggestion extends PlannedEdit {
  readonly body: string;
}

const sameAnchor = (c: ReviewComment, s: Suggestion) =>
  c.path === s.edit.file && c.line === s.edit.endLine && (c.start_line ?? c.line) === s.edit.startLine;

function reviewCommentOf(s: Suggestion) {
  const multiLine = s.edit.startLine < s.edit.endLine;
  return {
    path: s.edit.file,
    body: s.body,
    line: s.edit.endLine,
    side: 'RIGHT' as const,
    ...(multiLine ? { start_line: s.edit.startLine, start_side: 'RIGHT' as const } : {}),
  };
}

const isUnprocessable = (error: unknown) => (error as { status?: number } | undefined)?.status === 422;

/**
 * Creates the new suggestions as one review (one notification). GitHub refuses a whole review
 * for one comment it cannot place (422), so then each is posted alone and only the ones it
 * refuses are left out. Returns the keys posted.
 */
async function createSuggestions(
  github: GitHubClient,
  api: RepositoryApi,
  pullRequest: PullRequestRef,
  suggestions: readonly Suggestion[],
): Promise<string[]> {
  if (suggestions.length === 0) return [];
  const where = { owner: api.owner, repo: api.repo, pull_number: pullRequest.number, commit_id: pullRequest.headSha };
  try {
    await github.rest.pulls.createReview({ ...where, event: 'COMMENT', comments: suggestions.map(reviewCommentOf) });
    return suggestions.map((s) => s.key);
  } catch (error) {
    if (!isUnprocessable(error)) throw error;
  }
  const posted: string[] = [];
  for (const s of suggestions) {
    try {
      await github.rest.pulls.createReviewComment({ ...where, ...reviewCommentOf(s) });
      posted.push(s.key);
    } catch (error) {
      if (!isUnprocessable(error)) throw error;
    }
  }
  return posted;
}

/**
 * Suggested changes on the pull request (`pull_request` runs, `pull-requests: write`): each fix
 * that is an exact edit of `.tf` lines inside a hunk of the PR's diff becomes a review comment
 * with a ```suggestion block. On a re-run, a suggestion whose findings are gone is deleted, an
 * unchanged one is left alone, a changed one is updated (or moved: deleted and posted again).
 */
export function suggestedChangesPublisher(mode: 'auto' | 'always' | 'never', outcome: SuggestionOutcome): Publisher {
  return {
    name: 'suggested changes',
    wanted: (run) => mode !== 'never' && run.report.mode === 'plan' && run.workflow.eventName === 'pull_request',
    needs: 'pullRequest',
    async publish(run, api, pullRequest) {
      const { github } = api;
      const planned = await plannedEdits(run);
      // Nothing to suggest still means reading our old comments: their findings may be gone.
      const files =
        planned.length === 0
          ? []
          : await github.paginate(github.rest.pulls.listFiles, {
              owner: api.owner,
              repo: api.repo,
              pull_number: pullRequest.number,
              per_page: 100,
            });
      const hunks = new Map(files.map((f) => [f.filename, rightHunks(f.patch)]));
      // Only lines in a hunk can carry a comment, and only if they still read as the edit expects.
      const wanted: Suggestion[] = planned
        .filter((p) => hunkHolding(hunks.get(p.edit.file) ?? [], p.edit.startLine, p.edit.original) !== undefined)
        .map((p) => ({ ...p, body: suggestionBody(p) }));
      const comments = await github.paginate(github.rest.pulls.listReviewComments, {
        owner: api.owner,
        repo: api.repo,
        pull_number: pullRequest.number,
        per_page: 100,
      });
      const ours = new Map<string, ReviewComment[]>();
      for (const c of comments) {
        const key = suggestionKey(c.body);
        if (key !== undefined) ours.set(key, [...(ours.get(key) ?? []), c]);
      }
      const remove: ReviewComment[] = [];
      const update: [ReviewComment, Suggestion][] = [];
      const create: Suggestion[] = [];
      let unchanged = 0;
      let moved = 0;
      for (const s of wanted) {
        const [first, ...extra] = ours.get(s.key) ?? [];
        remove.push(...extra);
        if (first === undefined) create.push(s);
        else if (!sameAnchor(first, s)) {
          remove.push(first);
          create.push(s);
          moved++;
        } else if (first.body !== s.body) update.push([first, s]);
        else unchanged++;
      }
      const keys = new Set(wanted.map((s) => s.key));
      for (const [key, list] of ours) if (!keys.has(key)) remove.push(...list);
      for (const c of remove) await github.rest.pulls.deleteReviewComment({ owner: api.owner, repo: api.repo, comment_id: c.id });
      for (const [c, s] of update)
        await github.rest.pulls.updateReviewComment({ owner: api.owner, repo: api.repo, comment_id: c.id, body: s.body });
      const created = await createSuggestions(github, api, pullRequest, create);
      const refused = create.length - created.length;
      for (const s of wanted) if (!create.includes(s) || created.includes(s.key)) outcome.posted.add(s.key);
      const outside = planned.length - outcome.posted.size;
      return `Suggested changes: ${created.length} new, ${update.length} updated, ${unchanged} unchanged, ${moved} moved, ${remove.length - moved} removed${refused > 0 ? `, ${refused} refused by GitHub` : ''}; ${outside} outside the diff, in the PR comment.`;
    },
    unavailable: 'clb-guard: no token here, so no suggested changes on the pull request.',
    denied:
      'clb-guard: the token may not review this pull request (read-only token, e.g. from a fork), so the fixes are not suggested changes; the PR comment and job summary carry them.',
  };
}
