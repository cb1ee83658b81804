import * as core from '@actions/core';
import type { FailOn } from '../check/options.js';
import { InputError } from '../errors/inputError.js';

export interface ActionInputs {
  readonly mode: 'plan' | 'live';
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
  readonly githubToken?: string;
  readonly roleArn?: string;
  readonly oidcProviderId?: string;
}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];

function optional(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

function list(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function flag(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  throw new InputError(`input "${name}" must be true or false, not "${value}"`);
}

function choice(name: string): 'auto' | 'always' | 'never' {
  const value = (optional(name) ?? 'auto').toLowerCase();
  if (value !== 'auto' && value !== 'always' && value !== 'never') throw new InputError(`input "${name}" must be auto, always or never, not "${value}"`);
  return value;
}

/** Reads and checks the inputs; `required: true` in action.yml enforces nothing by itself. */
export function readActionInputs(): ActionInputs {
  const mode = (optional('mode') ?? 'plan').toLowerCase();
  if (mode !== 'plan' && mode !== 'live') throw new InputError(`input "mode" must be plan or live, not "${mode}"`);
  const failOn = (optional('fail-on') ?? 'error').toLowerCase() as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new InputError(`input "fail-on" must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
  const planFile = optional('plan-file');
  if (mode === 'plan' && planFile === undefined) throw new InputError('input "plan-file" is required in plan mode (the output of `terraform show -json PLANFILE`)');
  const regions = list('regions');
  if (mode === 'live' && regions.length === 0) throw new InputError('input "regions" is required in live mode, e.g. ap-guangzhou');
  const githubToken = optional('github-token');
  // Registered before anything could print it.
  if (githubToken !== undefined) core.setSecret(githubToken);
  const optionalValues = {
    planFile,
    tfRoot: optional('tf-root'),
    config: optional('config'),
    sarifFile: optional('sarif-file'),
    apiEndpoint: optional('api-endpoint'),
    githubToken,
    roleArn: optional('role-arn'),
    oidcProviderId: optional('oidc-provider-id'),
  };
  return {
    mode,
    ...Object.fromEntries(Object.entries(optionalValues).filter(([, v]) => v !== undefined)),
    policies: list('policies'),
    regions,
    failOn,
    annotations: flag('annotations', true),
    allowPartial: flag('allow-partial', false),
    resolveLive: flag('resolve-live', false),
    failOnPreexisting: flag('fail-on-preexisting', false),
    comment: choice('comment'),
    driftIssue: choice('drift-issue'),
  };
}
