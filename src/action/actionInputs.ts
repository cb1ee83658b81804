import { MODE_SETTINGS, type ModeSetting, modesText, type RunMode } from '../check/modeSettings.js';
import type { FailOn } from '../check/options.js';
import { checkedRoleArn } from '../check/roleArn.js';
import { ACCOUNT_NAME } from '../check/shards.js';
import { InputError } from '../errors/inputError.js';
import { FAIL_ON_LEVELS } from '../model/severity.js';

export interface ActionInputs {
  readonly mode: 'plan' | 'live' | 'merge';
  readonly planFile?: string;
  readonly tfRoot?: string;
  readonly config?: string;
  readonly policies: readonly string[];
  readonly regions: readonly string[];
  readonly failOn: FailOn;
  readonly annotations: boolean;
  readonly sarifFile?: string;
  readonly apiEndpoint?: string;
  readonly allowPartial: boolean;
  /** Plan mode: read the plan's external references and the live dependents of its changes from the account. */
  readonly resolveLive: boolean;
  readonly failOnPreexisting: boolean;
  readonly comment: 'auto' | 'always' | 'never';
  readonly driftIssue: 'auto' | 'always' | 'never';
  readonly suggestions: 'auto' | 'always' | 'never';
  readonly githubToken?: string;
  readonly roleArn?: string;
  readonly oidcProviderId?: string;
  /** The `aud` of the ID token: the CAM identity provider's client ID. Default: GitHub's (the owner's URL). */
  readonly oidcAudience?: string;
  /** Live mode: a profile of the credentials file (TENCENTCLOUD_CREDENTIALS_FILE, else ~/.tencentcloud/credentials). */
  readonly profile?: string;
  /** Live mode: the account's name (a matrix shard's). */
  readonly account?: string;
  /** Live mode: write what the scan read here. */
  readonly saveSnapshot?: string;
  /** Merge mode: globs of the shards' JSON reports. */
  readonly reports: readonly string[];
}

/** `core.getInput`'s contract: the input's value, '' when not set. */
type InputReader = (name: string) => string;

function optional(input: InputReader, name: string): string | undefined {
  const value = input(name).trim();
  return value === '' ? undefined : value;
}

function list(input: InputReader, name: string): string[] {
  return input(name)
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function flag(input: InputReader, name: string, fallback: boolean): boolean {
  const value = input(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  throw new InputError(`input "${name}" must be true or false, not "${value}"`);
}

function choice(input: InputReader, name: string): 'auto' | 'always' | 'never' {
  const value = (optional(input, name) ?? 'auto').toLowerCase();
  if (value !== 'auto' && value !== 'always' && value !== 'never')
    throw new InputError(`input "${name}" must be auto, always or never, not "${value}"`);
  return value;
}

/** A value as the checks read it: case aside, and yes/1, no/0 as true and false. */
function canonical(value: string): string {
  const lower = value.trim().toLowerCase();
  return lower === 'yes' || lower === '1' ? 'true' : lower === 'no' || lower === '0' ? 'false' : lower;
}

/** Set by the step: not empty, and not action.yml's default (which the runner passes for an unset input). */
function isSet(input: InputReader, setting: ModeSetting & { readonly input: string }): boolean {
  const value = input(setting.input).trim();
  return value !== '' && (setting.fallback === undefined || canonical(value) !== canonical(setting.fallback));
}

/** An input set in a mode it means nothing in is refused, as the CLI refuses an option of another command. */
function checkModeSettings(input: InputReader, mode: RunMode, resolveLive: boolean): void {
  for (const setting of MODE_SETTINGS) {
    if (setting.input === undefined || !isSet(input, { ...setting, input: setting.input })) continue;
    if (!setting.modes.includes(mode))
      throw new InputError(`input "${setting.input}" is for ${modesText(setting.modes)}, not ${mode} mode: remove it from this step`);
    if (mode === 'plan' && setting.resolveLiveOnly === true && !resolveLive)
      throw new InputError(`input "${setting.input}" of plan mode needs resolve-live: true (it is about reading the account)`);
  }
}

/** Reads and checks the inputs; `required: true` in action.yml enforces nothing by itself. */
export function readActionInputs(input: InputReader, setSecret: (secret: string) => void): ActionInputs {
  const mode = (optional(input, 'mode') ?? 'plan').toLowerCase();
  if (mode !== 'plan' && mode !== 'live' && mode !== 'merge')
    throw new InputError(`input "mode" must be plan, live or merge, not "${mode}"`);
  const resolveLive = flag(input, 'resolve-live', false);
  checkModeSettings(input, mode, resolveLive);
  const failOn = (optional(input, 'fail-on') ?? 'error').toLowerCase() as FailOn;
  if (!FAIL_ON_LEVELS.includes(failOn))
    throw new InputError(`input "fail-on" must be one of ${FAIL_ON_LEVELS.join(', ')}, not "${failOn}"`);
  const planFile = optional(input, 'plan-file');
  if (mode === 'plan' && planFile === undefined)
    throw new InputError('input "plan-file" is required in plan mode (the output of `terraform show -json PLANFILE`)');
  const regions = list(input, 'regions');
  if (mode === 'live' && regions.length === 0) throw new InputError('input "regions" is required in live mode, e.g. ap-guangzhou');
  const reports = list(input, 'reports');
  if (mode === 'merge' && reports.length === 0)
    throw new InputError('input "reports" is required in merge mode: the shards\' JSON reports, e.g. reports/*.json');
  const account = optional(input, 'account');
  if (account !== undefined && !ACCOUNT_NAME.test(account))
    throw new InputError(`input "account" must be a name of letters, digits, ".", "_" and "-" (at most 63), not "${account}"`);
  const roleArn = optional(input, 'role-arn');
  if (roleArn !== undefined) checkedRoleArn(roleArn, 'input "role-arn"');
  const oidcProviderId = optional(input, 'oidc-provider-id');
  const oidcAudience = optional(input, 'oidc-audience');
  if ((roleArn === undefined) !== (oidcProviderId === undefined)) throw new InputError('OIDC needs both role-arn and oidc-provider-id');
  if (oidcAudience !== undefined && roleArn === undefined)
    throw new InputError('oidc-audience is for OIDC: set role-arn and oidc-provider-id too');
  const profile = optional(input, 'profile');
  if (profile !== undefined && roleArn !== undefined)
    throw new InputError('input "profile" and OIDC (role-arn, oidc-provider-id) exclude each other: OIDC needs no stored keys');
  const githubToken = optional(input, 'github-token');
  // Registered before anything could print it.
  if (githubToken !== undefined) setSecret(githubToken);
  const optionalValues = {
    planFile,
    tfRoot: optional(input, 'tf-root'),
    config: optional(input, 'config'),
    sarifFile: optional(input, 'sarif-file'),
    apiEndpoint: optional(input, 'api-endpoint'),
    githubToken,
    roleArn,
    oidcProviderId,
    oidcAudience,
    profile,
    account,
    saveSnapshot: optional(input, 'save-snapshot'),
  };
  return {
    mode,
    ...Object.fromEntries(Object.entries(optionalValues).filter(([, v]) => v !== undefined)),
    policies: list(input, 'policies'),
    regions,
    reports,
    failOn,
    annotations: flag(input, 'annotations', true),
    allowPartial: flag(input, 'allow-partial', false),
    comment: choice(input, 'comment'),
    driftIssue: choice(input, 'drift-issue'),
    suggestions: choice(input, 'suggestions'),
    resolveLive,
    failOnPreexisting: flag(input, 'fail-on-preexisting', false),
  };
}
