/**
 * Which settings mean something in which mode, for the CLI's commands and the Action's inputs
 * alike: a setting given where it means nothing is refused with one line (exit 2), never
 * ignored. The CLI's per-command option lists (cliArguments.ts) agree with it (a test checks).
 */
export type RunMode = 'plan' | 'live' | 'merge';

export interface ModeSetting {
  /** The Action input (action.yml), when the Action has it. */
  readonly input?: string;
  /** The CLI option (`--name`) that means the same, when the CLI has one. */
  readonly option?: string;
  /**
   * action.yml's default: the runner passes it when the step does not set the input, so the
   * input counts as set only when it says something else.
   */
  readonly fallback?: string;
  /** The modes it means something in. */
  readonly modes: readonly RunMode[];
  /** In plan mode only with resolve-live: it is about reading the account. */
  readonly resolveLiveOnly?: true;
}

const ALL: readonly RunMode[] = ['plan', 'live', 'merge'];
const CHECKS: readonly RunMode[] = ['plan', 'live'];

export const MODE_SETTINGS: readonly ModeSetting[] = [
  { input: 'mode', fallback: 'plan', modes: ALL },
  { input: 'plan-file', modes: ['plan'] },
  { input: 'tf-root', option: 'tf-root', modes: ['plan'] },
  { input: 'config', option: 'config', modes: ALL },
  // A merge runs no policy: it combines the shards' findings.
  { input: 'policies', option: 'policies', modes: CHECKS },
  { input: 'regions', option: 'region', modes: CHECKS, resolveLiveOnly: true },
  { input: 'fail-on', option: 'fail-on', fallback: 'error', modes: ALL },
  { input: 'annotations', fallback: 'true', modes: CHECKS },
  { input: 'comment', fallback: 'auto', modes: CHECKS },
  // Suggestions are edits of .tf lines: only a plan's findings have them.
  { input: 'suggestions', fallback: 'auto', modes: ['plan'] },
  { input: 'sarif-file', modes: ALL },
  { input: 'drift-issue', fallback: 'auto', modes: ['live', 'merge'] },
  { input: 'github-token', fallback: '${{ github.token }}', modes: ALL },
  // The Action's role-arn is OIDC's role (with oidc-provider-id)…
  { input: 'role-arn', modes: CHECKS, resolveLiveOnly: true },
  // …the CLI's --role-arn is assumed with the keys found (STS AssumeRole), in live mode.
  { option: 'role-arn', modes: ['live'] },
  { input: 'oidc-provider-id', modes: CHECKS, resolveLiveOnly: true },
  { input: 'oidc-audience', modes: CHECKS, resolveLiveOnly: true },
  { input: 'api-endpoint', option: 'api-endpoint', modes: CHECKS, resolveLiveOnly: true },
  { input: 'profile', option: 'profile', modes: ['live'] },
  // Pacing of the API calls: live mode's, and a plan's live resolution's (CLI only).
  { option: 'rate-limit', modes: CHECKS, resolveLiveOnly: true },
  { option: 'budget-per-region', modes: CHECKS, resolveLiveOnly: true },
  { input: 'account', option: 'account', modes: ['live'] },
  { input: 'save-snapshot', option: 'save-snapshot', modes: ['live'] },
  { input: 'reports', modes: ['merge'] },
  { input: 'resolve-live', option: 'resolve-live', fallback: 'false', modes: ['plan'] },
  { input: 'fail-on-preexisting', option: 'fail-on-preexisting', fallback: 'false', modes: ['plan'], resolveLiveOnly: true },
  { input: 'allow-partial', option: 'allow-partial', fallback: 'false', modes: ALL },
];

/** "plan and live mode". */
export function modesText(modes: readonly RunMode[]): string {
  return `${modes.length > 1 ? `${modes.slice(0, -1).join(', ')} and ${modes.at(-1)}` : modes[0]} mode`;
}

/** The CLI options of `plan` that need --resolve-live. */
export const PLAN_RESOLVE_LIVE_OPTIONS: readonly string[] = MODE_SETTINGS.filter(
  (s) => s.option !== undefined && s.resolveLiveOnly === true && s.modes.includes('plan'),
).map((s) => s.option!);
