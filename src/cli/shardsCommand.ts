import { InputError } from '../errors/inputError.js';
import type { AccountEntry } from '../policy/policyTypes.js';

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
    a.regions.map((region) => ({ account: a.name, ...(a.roleArn !== undefined ? { role: a.roleArn } : {}), ...(a.oidcProviderId !== undefined ? { oidcProviderId: a.oidcProviderId } : {}), region })),
  );
}

/** `clb-guard shards`: the matrix as one line of JSON, for `echo "matrix=$(…)" >> "$GITHUB_OUTPUT"`. */
export function renderMatrix(accounts: readonly AccountEntry[] | undefined, configFile: string | undefined): string {
  if (accounts === undefined || accounts.length === 0) {
    const where = configFile === undefined ? 'no .clb-guard.json was found (pass --config FILE), so there are no "accounts"' : `${configFile} has no "accounts"`;
    throw new InputError(`${where}: list them, e.g. "accounts": [{"name": "prod", "roleArn": "qcs::cam::uin/100000000001:roleName/clb-guard-readonly", "oidcProviderId": "github-actions", "regions": ["ap-guangzhou"]}]`);
  }
  return `${JSON.stringify({ include: shardsOf(accounts) })}\n`;
}
