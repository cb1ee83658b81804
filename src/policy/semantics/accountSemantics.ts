import type { ConfigFile } from '../policyTypes.js';
import type { SchemaProblem } from '../schemaValidation.js';
import type { ConfigLocation } from './paramSemantics.js';

/** GitHub Actions runs at most this many jobs from one matrix. */
export const MAX_MATRIX_JOBS = 256;

/**
 * `accounts` as the matrix will use it: names that are one account each (they name artifacts
 * and report sections, so a repeated one would overwrite another's report), each region once,
 * OIDC with both its role and its provider, and no more shards than one matrix can run.
 */
export function checkAccounts(config: ConfigFile, configAt: ConfigLocation): SchemaProblem[] {
  const accounts = config.accounts ?? [];
  const problems: SchemaProblem[] = [];
  const problem = (pointer: string, message: string) =>
    problems.push({ file: configAt.file, line: configAt.doc?.lineOf(pointer) ?? 1, pointer, message });
  const names = new Map<string, number>();
  accounts.forEach((account, i) => {
    const key = account.name.toLowerCase();
    const first = names.get(key);
    // Artifact names are case-insensitive: `Prod` and `prod` would be one artifact.
    if (first !== undefined)
      problem(
        `/accounts/${i}/name`,
        `account "${account.name}" is already /accounts/${first} ("${accounts[first]!.name}"): each account once, names differing in more than case`,
      );
    else names.set(key, i);
    const regions = new Map<string, number>();
    account.regions.forEach((region, j) => {
      if (regions.has(region)) problem(`/accounts/${i}/regions/${j}`, `region ${region} is listed twice for account "${account.name}"`);
      else regions.set(region, j);
    });
    if ((account.roleArn === undefined) !== (account.oidcProviderId === undefined)) {
      problem(
        `/accounts/${i}/${account.roleArn === undefined ? 'oidcProviderId' : 'roleArn'}`,
        `OIDC needs both roleArn and oidcProviderId (account "${account.name}" has only ${account.roleArn === undefined ? 'oidcProviderId' : 'roleArn'})`,
      );
    }
  });
  const shards = accounts.reduce((n, a) => n + new Set(a.regions).size, 0);
  if (shards > MAX_MATRIX_JOBS)
    problem(
      '/accounts',
      `${shards} account and region pairs: one GitHub Actions matrix runs at most ${MAX_MATRIX_JOBS} jobs; split the accounts over several configs (--config)`,
    );
  return problems;
}
