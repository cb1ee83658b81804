import { accountsOrExplain, shardAt, shardsOf } from '../check/shards.js';
import type { AccountEntry } from '../policy/policyTypes.js';

/**
 * `clb-guard shards`: the matrix as one line of JSON, for `echo "matrix=$(…)" >> "$GITHUB_OUTPUT"`;
 * with `--index N`, shard N alone.
 */
export function renderMatrix(accounts: readonly AccountEntry[] | undefined, configFile: string | undefined, index?: number): string {
  if (index !== undefined) return `${JSON.stringify(shardAt(accounts, configFile, index))}\n`;
  return `${JSON.stringify({ include: shardsOf(accountsOrExplain(accounts, configFile)) })}\n`;
}
