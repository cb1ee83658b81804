import { TOOL_VERSION } from '../../check/toolVersion.js';
import type { Inventory } from '../../model/inventory.js';
import { redactSecrets } from './callScheduler.js';
import { callKey, digestOf, type RecordedCall, SNAPSHOT_SCHEMA_ID, SNAPSHOT_VERSION, type Snapshot } from './snapshotFormat.js';
import { sanitizeCallError, type TencentApi } from './tencentApi.js';

interface Outcome {
  readonly region: string;
  readonly call: RecordedCall;
}

/**
 * Records, at the API seam, the last outcome of every Describe call a scan makes (a retried call
 * keeps the answer it finally got, or the error it kept ending in). STS is never recorded: its
 * answers are credentials. Request IDs are dropped: they differ on every call and mean nothing
 * offline.
 */
export class SnapshotRecorder {
  private readonly outcomes = new Map<string, Outcome>();

  wrap(api: TencentApi): TencentApi {
    return {
      call: async (service, action, region, params) => {
        if (service === 'sts') return api.call(service, action, region, params);
        const key = callKey(service, action, region, params);
        const base = { service, action, params: structuredClone(params) };
        try {
          const response = await api.call(service, action, region, params);
          const { RequestId: _requestId, ...kept } = response;
          this.outcomes.set(key, { region, call: { ...base, response: structuredClone(kept) } });
          return response;
        } catch (error) {
          const e = sanitizeCallError(error);
          this.outcomes.set(key, {
            region,
            call: {
              ...base,
              error: {
                ...(e.code !== undefined ? { code: e.code } : {}),
                ...(e.httpCode !== undefined ? { httpCode: e.httpCode } : {}),
                reason: e.reason,
              },
            },
          });
          throw error;
        }
      },
    };
  }

  /**
   * The snapshot of the scan that read `inventory` from `regions`: calls sorted (not in the order
   * concurrency gave them, so two snapshots of one account diff cleanly), every string that holds
   * a secret redacted.
   */
  snapshot(
    inventory: Inventory,
    options: { regions: readonly string[]; account?: string; takenAt: Date; secrets: readonly string[] },
  ): Snapshot {
    const redact = (value: unknown): unknown => redactDeep(value, options.secrets);
    const regions = options.regions.map((region) => {
      const calls = [...this.outcomes.entries()]
        .filter(([, o]) => o.region === region)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, o]) => redact(o.call) as RecordedCall);
      const failed = calls.some((c) => 'error' in c);
      const warned = inventory.warnings.some((w) => w.message.startsWith(`${region}: `));
      return { region, complete: inventory.complete || (!failed && !warned), calls, digest: digestOf(calls) };
    });
    return {
      $schema: SNAPSHOT_SCHEMA_ID,
      version: SNAPSHOT_VERSION,
      tool: { name: 'clb-guard', version: TOOL_VERSION },
      ...(options.account !== undefined ? { account: options.account } : {}),
      takenAt: options.takenAt.toISOString(),
      complete: inventory.complete,
      regions,
    };
  }
}

function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return secrets.length === 0 ? value : redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactSecrets(k, secrets), redactDeep(v, secrets)]));
  return value;
}
