import { createHash } from 'node:crypto';
import type { Service } from './tencentApi.js';

/** The version of the snapshot format this clb-guard writes and reads (schema/snapshot.schema.json). */
export const SNAPSHOT_VERSION = 1;
export const SNAPSHOT_SCHEMA_ID = 'https://github.com/clb-guard/clb-guard/schema/snapshot.schema.json';

/** A call that ended in an error, as the reader saw it (never the response's text: see ApiCallError). */
export interface RecordedError {
  readonly code?: string;
  readonly httpCode?: number;
  readonly reason: string;
}

/** One Describe call and its last outcome: the answer, or the error it kept ending in. */
export type RecordedCall = { readonly service: Service; readonly action: string; readonly params: Readonly<Record<string, unknown>> } & (
  | { readonly response: Readonly<Record<string, unknown>> }
  | { readonly error: RecordedError }
);

export interface SnapshotRegion {
  readonly region: string;
  /** False when a call in this region kept failing or answered short of what the API promises. */
  readonly complete: boolean;
  readonly calls: readonly RecordedCall[];
  /** `sha256:` of the calls as JSON: an edited or damaged region is refused, with its place. */
  readonly digest: string;
}

/**
 * What a live scan read, region by region: enough to build the same inventory again with no
 * credentials and no network. Holds Describe answers only — never credentials, tokens or headers.
 */
export interface Snapshot {
  readonly $schema?: string;
  readonly version: typeof SNAPSHOT_VERSION;
  readonly tool: { readonly name: 'clb-guard'; readonly version: string };
  /** The account's name (config `accounts[].name`, `--account`), when the scan had one. */
  readonly account?: string;
  /** When the scan ran (ISO 8601, UTC). */
  readonly takenAt: string;
  readonly complete: boolean;
  readonly regions: readonly SnapshotRegion[];
}

/** The integrity digest of a region's calls (a check against damage and edits, not a signature). */
export function digestOf(calls: readonly RecordedCall[]): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(calls)).digest('hex')}`;
}

/** Parameters as one string, keys sorted at every level, so that equal requests have one key. */
export function canonicalParams(params: unknown): string {
  return JSON.stringify(sortKeys(params));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function callKey(service: string, action: string, region: string, params: unknown): string {
  return `${service}\u0000${action}\u0000${region}\u0000${canonicalParams(params)}`;
}
