import { InputError } from '../errors/inputError.js';
import type { AccountEntry } from '../policy/policyTypes.js';

/** An account's name: it goes into artifact names (`clb-guard-<name>-<region>`) and report sections. */
export const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

/** One job of the matrix: what the Action's inputs `account`, `role-arn`, `oidc-provider-id` and `regions` take. */
export interface Shard {
  readonly account: string;
  readonly role?: string;
  readonly oidcProviderId?: string;
  readonly region: string;
}

/** The config's accounts × regions, in the config's order: one shard each. */
export function shardsOf(accounts: readonly AccountEntry[]): Shard[] {
  return accounts.flatMap((a) =>
    a.regions.map((region) => ({
      account: a.name,
      ...(a.roleArn !== undefined ? { role: a.roleArn } : {}),
      ...(a.oidcProviderId !== undefined ? { oidcProviderId: a.oidcProviderId } : {}),
      region,
    })),
  );
}

export function accountsOrExplain(accounts: readonly AccountEntry[] | undefined, configFile: string | undefined): readonly AccountEntry[] {
  if (accounts !== undefined && accounts.length > 0) return accounts;
  const where =
    configFile === undefined
      ? 'no .clb-guard.json was found (pass --config FILE), so there are no "accounts"'
      : `${configFile} has no "accounts"`;
  throw new InputError(
    `${where}: list them, e.g. "accounts": [{"name": "prod", "roleArn": "qcs::cam::uin/100000000001:roleName/clb-guard-readonly", "oidcProviderId": "github-actions", "regions": ["ap-guangzhou"]}]`,
  );
}

/** Shard `index` of the config (`JOB_COMPLETION_INDEX` of a Kubernetes Indexed Job). */
export function shardAt(accounts: readonly AccountEntry[] | undefined, configFile: string | undefined, index: number): Shard {
  const all = shardsOf(accountsOrExplain(accounts, configFile));
  const shard = all[index];
  if (shard === undefined)
    throw new InputError(
      `there is no shard ${index}: ${configFile ?? 'the config'} has ${all.length} (0 to ${all.length - 1}); set the job's completions to ${all.length}`,
    );
  return shard;
}
