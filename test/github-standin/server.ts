import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the parts of the GitHub REST API clb-guard uses: issue comments, issues,
 * labels, check runs, a pull request's files (with their patches) and its review comments. It records every call, paginates with Link headers like GitHub, and
 * enforces the token's permissions the way GitHub answers a read-only token.
 */
export interface Permissions {
  issues?: 'read' | 'write';
  pullRequests?: 'read' | 'write';
  checks?: 'read' | 'write';
}

export interface PullFile {
  filename: string;
  status: 'added' | 'modified' | 'removed';
  patch?: string;
}

export interface ReviewComment {
  id: number;
  pull: number;
  path: string;
  line: number;
  start_line: number | null;
  side: string;
  commit_id: string;
  body: string;
}

/** An answer the stand-in gives instead of the real one, `times` times, for matching requests. */
export interface Fault {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly message?: string;
  readonly headers?: Record<string, string>;
  times: number;
}

export interface StandIn {
  readonly url: string;
  /** Answers the next matching requests with an error: 5xx, rate limits (403 / 429 with their headers). */
  inject(fault: Fault): void;
  readonly calls: { method: string; path: string; body?: unknown }[];
  readonly comments: { id: number; issue: number; body: string }[];
  readonly issues: { number: number; title: string; body: string; state: 'open' | 'closed'; labels: string[] }[];
  readonly checkRuns: { id: number; head_sha: string; status: string; conclusion?: string; annotations: unknown[]; updates: number }[];
  /** The files of each pull request, as `GET /pulls/N/files` lists them; tests fill it. */
  readonly pullFiles: Map<number, PullFile[]>;
  readonly reviewComments: ReviewComment[];
  /** Reviews created, with how many comments each carried. */
  readonly reviews: { id: number; pull: number; event: string; comments: number }[];
  close(): Promise<void>;
}

export async function startGitHubStandIn(options: { tokens: Record<string, Permissions>; pageSize?: number }): Promise<StandIn> {
  const state = {
    comments: [] as StandIn['comments'],
    issues: [] as StandIn['issues'],
    checkRuns: [] as StandIn['checkRuns'],
    calls: [] as StandIn['calls'],
  };
  const faults: Fault[] = [];
  const pullFiles = new Map<number, PullFile[]>();
  const reviewComments: ReviewComment[] = [];
  const reviews: StandIn['reviews'] = [];
  let nextId = 1000;
  const pageSize = options.pageSize ?? 30;

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    state.calls.push({ method: req.method ?? 'GET', path: url.pathname + url.search, ...(body !== undefined ? { body } : {}) });
    const token = (req.headers.authorization ?? '').replace(/^(token|bearer) /i, '');
    const permissions = options.tokens[token];
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (permissions === undefined) return send(401, { message: 'Bad credentials' });
    const fault = faults.find((f) => f.times > 0 && f.method === req.method && f.path.test(url.pathname));
    if (fault !== undefined) {
      fault.times--;
      return send(fault.status, { message: fault.message ?? 'Server Error' }, fault.headers);
    }
    const forbid = () =>
      send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });
    const paginate = (items: unknown[]) => {
      const page = Number(url.searchParams.get('page') ?? '1');
      const per = Math.min(Number(url.searchParams.get('per_page') ?? pageSize), pageSize);
      const slice = items.slice((page - 1) * per, page * per);
      const last = Math.max(1, Math.ceil(items.length / per));
      const link: Record<string, string> =
        page < last
          ? {
              link: `<${base}${url.pathname}?${new URLSearchParams({ ...Object.fromEntries(url.searchParams), page: String(page + 1), per_page: String(per) })}>; rel="next", <${base}${url.pathname}?page=${last}>; rel="last"`,
            }
          : {};
      send(200, slice, link);
    };
    const canWriteIssues = permissions.issues === 'write' || permissions.pullRequests === 'write';
    const m = (pattern: RegExp) => pattern.exec(url.pathname);
    let match: RegExpExecArray | null;

    match = m(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/);
    if (req.method === 'GET' && match) {
      return paginate(state.comments.filter((c) => c.issue === Number(match![1])).map((c) => ({ id: c.id, body: c.body })));
    }
    match = m(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/);
    if (req.method === 'POST' && match) {
      if (!canWriteIssues) return forbid();
      const comment = { id: nextId++, issue: Number(match[1]), body: String((body as { body: string }).body) };
      state.comments.push(comment);
      return send(201, { id: comment.id, body: comment.body });
    }
    match = m(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/);
    if (req.method === 'PATCH' && match) {
      if (!canWriteIssues) return forbid();
      const comment = state.comments.find((c) => c.id === Number(match![1]));
      if (comment === undefined) return send(404, { message: 'Not Found' });
      comment.body = String((body as { body: string }).body);
      return send(200, { id: comment.id, body: comment.body });
    }
    if (req.method === 'GET' && m(/^\/repos\/[^/]+\/[^/]+\/issues$/)) {
      const label = url.searchParams.get('labels');
      const stateFilter = url.searchParams.get('state') ?? 'open';
      return paginate(
        state.issues
          .filter((i) => (stateFilter === 'all' || i.state === stateFilter) && (label === null || i.labels.includes(label)))
          .map(toIssue),
      );
    }
    if (req.method === 'POST' && m(/^\/repos\/[^/]+\/[^/]+\/issues$/)) {
      if (permissions.issues !== 'write') return forbid();
      const input = body as { title: string; body: string; labels?: string[] };
      const issue = {
        number: state.issues.length + 1,
        title: input.title,
        body: input.body,
        state: 'open' as const,
        labels: input.labels ?? [],
      };
      state.issues.push(issue);
      return send(201, toIssue(issue));
    }
    match = m(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/);
    if (req.method === 'PATCH' && match) {
      if (permissions.issues !== 'write') return forbid();
      const issue = state.issues.find((i) => i.number === Number(match![1]));
      if (issue === undefined) return send(404, { message: 'Not Found' });
      Object.assign(issue, Object.fromEntries(Object.entries(body as object).filter(([k]) => ['title', 'body', 'state'].includes(k))));
      return send(200, toIssue(issue));
    }
    const canWritePulls = permissions.pullRequests === 'write';
    /** GitHub's check: a comment lies on lines of one hunk of that file's diff, or the request is refused. */
    const placeable = (pull: number, c: { path?: string; line?: number; start_line?: number; side?: string }) => {
      const file = (pullFiles.get(pull) ?? []).find((f) => f.filename === c.path);
      if (file === undefined || typeof c.line !== 'number' || (c.side ?? 'RIGHT') !== 'RIGHT') return false;
      const start = c.start_line ?? c.line;
      return start <= c.line && newSideHunks(file.patch).some((lines) => lines.has(start) && lines.has(c.line!));
    };
    const unplaceable = () =>
      send(422, {
        message: 'Unprocessable Entity',
        errors: [
          {
            resource: 'PullRequestReviewComment',
            code: 'custom',
            field: 'pull_request_review_thread.line',
            message: 'could not be resolved',
          },
        ],
      });
    const toReviewComment = (c: ReviewComment) => ({
      id: c.id,
      body: c.body,
      path: c.path,
      line: c.line,
      start_line: c.start_line,
      side: c.side,
      commit_id: c.commit_id,
    });
    type CommentInput = { path: string; line: number; start_line?: number; side?: string; body: string; commit_id?: string };
    const addReviewComment = (pull: number, c: CommentInput, commitId: string) => {
      const comment = {
        id: nextId++,
        pull,
        path: c.path,
        line: c.line,
        start_line: c.start_line ?? null,
        side: c.side ?? 'RIGHT',
        commit_id: commitId,
        body: String(c.body),
      };
      reviewComments.push(comment);
      return comment;
    };

    match = m(/^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/);
    if (req.method === 'GET' && match) {
      return paginate(pullFiles.get(Number(match[1])) ?? []);
    }
    match = m(/^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/comments$/);
    if (req.method === 'GET' && match) {
      return paginate(reviewComments.filter((c) => c.pull === Number(match![1])).map(toReviewComment));
    }
    match = m(/^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/reviews$/);
    if (req.method === 'POST' && match) {
      if (!canWritePulls) return forbid();
      const pull = Number(match[1]);
      const input = body as { commit_id?: string; event?: string; body?: string; comments?: CommentInput[] };
      const comments = input.comments ?? [];
      if ((input.event === 'COMMENT' || input.event === 'REQUEST_CHANGES') && comments.length === 0 && !input.body)
        return send(422, { message: 'Unprocessable Entity', errors: ['body is required'] });
      // One comment GitHub cannot place and the whole review is refused.
      if (!comments.every((c) => placeable(pull, c))) return unplaceable();
      for (const c of comments) addReviewComment(pull, c, input.commit_id ?? '');
      const review = { id: nextId++, pull, event: input.event ?? 'PENDING', comments: comments.length };
      reviews.push(review);
      return send(200, { id: review.id, state: review.event === 'COMMENT' ? 'COMMENTED' : review.event });
    }
    match = m(/^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/comments$/);
    if (req.method === 'POST' && match) {
      if (!canWritePulls) return forbid();
      const pull = Number(match[1]);
      const input = body as CommentInput;
      if (!placeable(pull, input)) return unplaceable();
      return send(201, toReviewComment(addReviewComment(pull, input, input.commit_id ?? '')));
    }
    match = m(/^\/repos\/[^/]+\/[^/]+\/pulls\/comments\/(\d+)$/);
    if ((req.method === 'PATCH' || req.method === 'DELETE') && match) {
      if (!canWritePulls) return forbid();
      const index = reviewComments.findIndex((c) => c.id === Number(match![1]));
      if (index < 0) return send(404, { message: 'Not Found' });
      if (req.method === 'DELETE') {
        reviewComments.splice(index, 1);
        res.writeHead(204);
        return res.end();
      }
      reviewComments[index]!.body = String((body as { body: string }).body);
      return send(200, toReviewComment(reviewComments[index]!));
    }
    if (req.method === 'POST' && m(/^\/repos\/[^/]+\/[^/]+\/check-runs$/)) {
      if (permissions.checks !== 'write') return forbid();
      const input = body as { head_sha: string; status?: string; output?: { annotations?: unknown[] } };
      const annotations = input.output?.annotations ?? [];
      if (annotations.length > 50) return send(422, { message: 'Only 50 annotations are allowed per request' });
      const run = { id: nextId++, head_sha: input.head_sha, status: input.status ?? 'queued', annotations: [...annotations], updates: 0 };
      state.checkRuns.push(run);
      return send(201, { id: run.id });
    }
    match = m(/^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/);
    if (req.method === 'PATCH' && match) {
      if (permissions.checks !== 'write') return forbid();
      const run = state.checkRuns.find((r) => r.id === Number(match![1]));
      if (run === undefined) return send(404, { message: 'Not Found' });
      const input = body as { status?: string; conclusion?: string; output?: { annotations?: unknown[] } };
      const annotations = input.output?.annotations ?? [];
      if (annotations.length > 50) return send(422, { message: 'Only 50 annotations are allowed per request' });
      run.annotations.push(...annotations);
      run.updates++;
      if (input.status) run.status = input.status;
      if (input.conclusion) run.conclusion = input.conclusion;
      return send(200, { id: run.id });
    }
    send(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    inject: (fault) => void faults.push(fault),
    calls: state.calls,
    comments: state.comments,
    issues: state.issues,
    checkRuns: state.checkRuns,
    pullFiles,
    reviewComments,
    reviews,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The new-side line numbers of each hunk of a patch ("@@ -a,b +c,d @@" then " ", "+", "-" lines). */
function newSideHunks(patch: string | undefined): Set<number>[] {
  const hunks: Set<number>[] = [];
  let line = 0;
  for (const text of (patch ?? '').split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (header) {
      hunks.push(new Set());
      line = Number(header[1]);
    } else if (hunks.length > 0 && (text.startsWith(' ') || text.startsWith('+'))) hunks.at(-1)!.add(line++);
  }
  return hunks;
}

function toIssue(i: StandIn['issues'][number]) {
  return { number: i.number, title: i.title, body: i.body, state: i.state, labels: i.labels.map((name) => ({ name })) };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
