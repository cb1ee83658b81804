import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Account, RegionAccount } from './accountFixture.js';
import { tc3Signature } from './tc3Signature.js';

/**
 * A local Tencent Cloud API 3.0 emulator on 127.0.0.1 that the real SDK talks to. It verifies
 * TC3-HMAC-SHA256 signatures (service from the credential scope, host without port — the SDK's
 * own rules), rejects skewed timestamps and unknown keys with the real error codes, serves the
 * Describe* actions clb-guard uses from an account fixture with the real page limits, can inject
 * latency, throttling, 5xx and dropped connections, and counts calls per action.
 */
export interface EmulatorFaults {
  /** Fractions of requests, decided by a seeded generator. */
  readonly throttleRate?: number;
  readonly serverErrorRate?: number;
  readonly dropRate?: number;
  readonly latencyMs?: number;
  readonly seed?: number;
  /** Requests this returns true for never get an answer. */
  readonly stuck?: (action: string, params: Record<string, unknown>) => boolean;
  /** Answers that break the shape the API promises, one entry per fault; see `AnswerFault`. */
  readonly answers?: readonly AnswerFault[];
  /** Actions the caller has no permission for: answered `UnauthorizedOperation`. */
  readonly denied?: readonly string[];
}

/**
 * One way an answer can be wrong. Each applies to `action` (and requests `when` accepts), at
 * most `times` times (default: every time); which object is dropped is chosen by the seed.
 * - `dropField` / `nullField` / `setField`: a top-level field of the answer is missing, null,
 *   or replaced (a list that is not a list, a TotalCount that is not a number).
 * - `dropItem`: the list `field` has one object fewer than it should (TotalCount unchanged):
 *   a short page, or DescribeInstances answering fewer instances than asked.
 * - `shrinkTotal`: from the second page on, TotalCount is `by` smaller and the page starts `by`
 *   objects later, as when objects are deleted while paging.
 * - `policySet`: DescribeSecurityGroupPolicies' SecurityGroupPolicySet is null, missing, or
 *   without its Ingress list.
 * - `dropItemField`: each object of list `field` lacks `itemField`.
 * - `raw`: the HTTP answer is `status`, `headers` and `body` as given (not JSON; a redirect).
 */
export type AnswerFault = {
  readonly action: string;
  readonly times?: number;
  readonly when?: (params: Record<string, unknown>) => boolean;
} & (
  | { readonly kind: 'dropField' | 'nullField'; readonly field: string }
  | { readonly kind: 'setField'; readonly field: string; readonly value: unknown }
  | { readonly kind: 'dropItem'; readonly field: string }
  | { readonly kind: 'shrinkTotal'; readonly field: string; readonly by: number }
  | { readonly kind: 'policySet'; readonly set: 'null' | 'missing' | 'noIngress' }
  | { readonly kind: 'dropItemField'; readonly field: string; readonly itemField: string }
  | { readonly kind: 'raw'; readonly status: number; readonly headers?: Record<string, string>; readonly body: string }
);

export interface EmulatorOptions {
  readonly account: Account;
  readonly keys?: Record<string, string>;
  readonly faults?: EmulatorFaults;
  /** Published per-action limits (requests per second); exceeded → RequestLimitExceeded. */
  readonly rateLimits?: Record<string, number>;
  readonly now?: () => number;
  /** Roles STS AssumeRole may hand out: role ARN → the SecretIds allowed to assume it. */
  readonly roles?: Record<string, readonly string[]>;
}

export interface Emulator {
  readonly url: string;
  readonly endpoint: string;
  readonly calls: Map<string, number>;
  /** Every request's action and parameters, in order, with when it came in and when it was answered (ms since the epoch). */
  readonly log: {
    action: string;
    region: string;
    params: Record<string, unknown>;
    startedAt: number;
    endedAt?: number;
    secretId?: string;
  }[];
  close(): Promise<void>;
}

export const TEST_KEYS = { AKIDclbguardtest: 'clbguard-test-secret-key' };

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const keys: Record<string, string> = { ...(options.keys ?? TEST_KEYS) };
  const tokens = new Map<string, string>();
  const calls = new Map<string, number>();
  const log: Emulator['log'] = [];
  const faults = options.faults ?? {};
  let seed = faults.seed ?? 1;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const windows = new Map<string, { second: number; count: number }>();
  const faultUses = new Map<AnswerFault, number>();
  const answerFaults = (action: string, params: Record<string, unknown>): AnswerFault[] =>
    (faults.answers ?? []).filter((f) => {
      if (f.action !== action || (f.when && !f.when(params))) return false;
      const used = faultUses.get(f) ?? 0;
      if (f.times !== undefined && used >= f.times) return false;
      faultUses.set(f, used + 1);
      return true;
    });
  const hanging = new Set<ServerResponse>();

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const action = String(req.headers['x-tc-action'] ?? '');
    const region = String(req.headers['x-tc-region'] ?? '');
    const requestId = randomUUID();
    const reply = (status: number, response: Record<string, unknown>) => {
      res.writeHead(status, { 'content-type': 'application/json', 'x-tc-traceid': requestId });
      res.end(JSON.stringify({ Response: { ...response, RequestId: requestId } }));
    };
    const error = (code: string, message: string) => reply(200, { Error: { Code: code, Message: message } });
    let params: Record<string, unknown> = {};
    try {
      params = raw.length === 0 ? {} : (JSON.parse(raw.toString('utf8')) as Record<string, unknown>);
    } catch {
      return error('InvalidParameter', 'body is not JSON');
    }
    calls.set(action, (calls.get(action) ?? 0) + 1);
    const entry: Emulator['log'][number] = { action, region, params, startedAt: Date.now() };
    log.push(entry);
    res.on('finish', () => {
      entry.endedAt = Date.now();
    });

    if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));
    if (faults.stuck?.(action, params)) {
      hanging.add(res);
      return;
    }
    if (faults.dropRate && random() < faults.dropRate) return req.socket.destroy();
    if (faults.serverErrorRate && random() < faults.serverErrorRate) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      return res.end('Bad Gateway');
    }
    if (faults.throttleRate && random() < faults.throttleRate)
      return error('RequestLimitExceeded', 'The number of requests exceeds the frequency limit.');
    const limit = options.rateLimits?.[action];
    if (limit !== undefined) {
      const second = Math.floor((options.now?.() ?? Date.now()) / 1000);
      const window = windows.get(action);
      if (window === undefined || window.second !== second) windows.set(action, { second, count: 1 });
      else if (++window.count > limit) return error('RequestLimitExceeded', `More than ${limit} ${action} requests per second.`);
    }

    if (action === 'AssumeRoleWithWebIdentity') return assumeRole(params, keys, tokens, reply, error);

    const auth = verify(req, raw, keys, tokens, options.now?.() ?? Date.now());
    if (auth !== undefined) return error(auth.code, auth.message);
    const signer = /Credential=([^/]+)\//.exec(String(req.headers.authorization))?.[1];
    if (signer !== undefined) entry.secretId = signer;
    if (faults.denied?.includes(action)) return error('UnauthorizedOperation', `No permission for ${action}.`);
    // Signed STS and region calls: answered for the account, not for a region.
    if (action === 'AssumeRole') return assumeSignedRole(params, signer, keys, tokens, options.roles, reply, error);
    if (action === 'DescribeRegions') {
      const names = Object.keys(options.account.regions);
      return reply(200, {
        TotalCount: names.length,
        RegionSet: names.map((name) => ({ Region: name, RegionName: name, RegionState: 'AVAILABLE' })),
      });
    }
    const account = options.account.regions[region];
    if (account === undefined) return error('UnsupportedRegion', `The region ${region} is not supported.`);
    try {
      const handler = HANDLERS[action];
      if (handler === undefined) return error('InvalidAction', `The action ${action} is not supported by this emulator.`);
      const broken = answerFaults(action, params);
      const raw = broken.find((f) => f.kind === 'raw');
      if (raw?.kind === 'raw') {
        res.writeHead(raw.status, { 'content-type': 'application/json', ...raw.headers });
        return res.end(raw.body);
      }
      const shrink = broken.find((f) => f.kind === 'shrinkTotal');
      const offset = num(params.Offset, 0);
      const asked = shrink?.kind === 'shrinkTotal' && offset > 0 ? { ...params, Offset: offset + shrink.by } : params;
      let answer = handler(account, asked);
      for (const fault of broken) answer = breakAnswer(answer, fault, offset, random);
      return reply(200, answer);
    } catch (e) {
      if (e instanceof ApiError) return error(e.code, e.message);
      return error('InternalError', (e as Error).message);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    endpoint: `127.0.0.1:${port}`,
    calls,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function breakAnswer(answer: Record<string, unknown>, fault: AnswerFault, offset: number, random: () => number): Record<string, unknown> {
  const out = { ...answer };
  switch (fault.kind) {
    case 'dropField':
      delete out[fault.field];
      return out;
    case 'nullField':
      out[fault.field] = null;
      return out;
    case 'setField':
      out[fault.field] = fault.value;
      return out;
    case 'dropItem': {
      const items = out[fault.field];
      if (Array.isArray(items) && items.length > 0) {
        const dropped = Math.floor(random() * items.length);
        out[fault.field] = items.filter((_, i) => i !== dropped);
      }
      return out;
    }
    case 'shrinkTotal':
      if (offset > 0 && typeof out.TotalCount === 'number') out.TotalCount -= fault.by;
      return out;
    case 'policySet':
      if (fault.set === 'null') out.SecurityGroupPolicySet = null;
      else if (fault.set === 'missing') delete out.SecurityGroupPolicySet;
      else {
        const { Ingress: _dropped, ...rest } = (out.SecurityGroupPolicySet ?? {}) as Record<string, unknown>;
        out.SecurityGroupPolicySet = rest;
      }
      return out;
    case 'dropItemField': {
      const items = out[fault.field];
      if (Array.isArray(items))
        out[fault.field] = items.map((item) => {
          const { [fault.itemField]: _dropped, ...rest } = item as Record<string, unknown>;
          return rest;
        });
      return out;
    }
    case 'raw':
      return out;
  }
}

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function verify(
  req: IncomingMessage,
  raw: Buffer,
  keys: Record<string, string>,
  tokens: Map<string, string>,
  now: number,
): { code: string; message: string } | undefined {
  const header = String(req.headers.authorization ?? '');
  const match =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      header,
    );
  if (match === null) return { code: 'AuthFailure.SignatureFailure', message: 'The provided credentials could not be validated.' };
  const [, secretId, , service, , signature] = match;
  const secretKey = keys[secretId!];
  if (secretKey === undefined) return { code: 'AuthFailure.SecretIdNotFound', message: 'The SecretId is not found.' };
  const timestamp = Number(req.headers['x-tc-timestamp']);
  if (!Number.isFinite(timestamp) || Math.abs(now / 1000 - timestamp) > 300)
    return { code: 'AuthFailure.SignatureExpire', message: 'Signature expired.' };
  const expectedToken = tokens.get(secretId!);
  if (expectedToken !== undefined && req.headers['x-tc-token'] !== expectedToken)
    return { code: 'AuthFailure.TokenFailure', message: 'The token is invalid.' };
  // The SDK signs the host without its port, and the service as the endpoint's first label.
  const host = String(req.headers.host ?? '').replace(/:\d+$/, '');
  const expected = tc3Signature({
    method: req.method ?? 'POST',
    host,
    contentType: String(req.headers['content-type'] ?? ''),
    payload: raw,
    timestamp,
    service: service!,
    secretId: secretId!,
    secretKey,
  });
  if (expected.signature !== signature)
    return {
      code: 'AuthFailure.SignatureFailure',
      message: 'The provided credentials could not be validated. Please check your signature is correct.',
    };
  return undefined;
}

function assumeRole(
  params: Record<string, unknown>,
  keys: Record<string, string>,
  tokens: Map<string, string>,
  reply: (s: number, r: Record<string, unknown>) => void,
  error: (c: string, m: string) => void,
) {
  if (typeof params.WebIdentityToken !== 'string' || params.WebIdentityToken === '' || typeof params.RoleArn !== 'string')
    return error('InvalidParameter', 'WebIdentityToken and RoleArn are required.');
  if (params.WebIdentityToken === 'rejected') return error('AuthFailure.TokenFailure', 'The web identity token is invalid.');
  return reply(200, temporaryKeys('AKIDsts', params, keys, tokens));
}

/** New temporary keys and token, registered so that calls signed with them verify. */
function temporaryKeys(
  prefix: string,
  params: Record<string, unknown>,
  keys: Record<string, string>,
  tokens: Map<string, string>,
): Record<string, unknown> {
  const id = `${prefix}${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const key = randomUUID();
  const token = randomUUID();
  keys[id] = key;
  tokens.set(id, token);
  const seconds = Number(params.DurationSeconds ?? 7200);
  return {
    Credentials: { TmpSecretId: id, TmpSecretKey: key, Token: token },
    ExpiredTime: Math.floor(Date.now() / 1000) + seconds,
    Expiration: new Date(Date.now() + seconds * 1000).toISOString(),
  };
}

/**
 * STS AssumeRole, signed with long-term keys: temporary keys for a role the caller may assume
 * (`roles`), registered so that calls signed with them (and their token) verify.
 */
function assumeSignedRole(
  params: Record<string, unknown>,
  caller: string | undefined,
  keys: Record<string, string>,
  tokens: Map<string, string>,
  roles: Record<string, readonly string[]> | undefined,
  reply: (s: number, r: Record<string, unknown>) => void,
  error: (c: string, m: string) => void,
) {
  if (typeof params.RoleArn !== 'string' || typeof params.RoleSessionName !== 'string' || params.RoleSessionName === '')
    return error('InvalidParameter', 'RoleArn and RoleSessionName are required.');
  const allowed = roles?.[params.RoleArn];
  if (allowed === undefined) return error('InvalidParameter.RoleNotExist', 'The role does not exist.');
  if (caller === undefined || !allowed.includes(caller))
    return error('AuthFailure.UnauthorizedOperation', 'The caller may not assume this role.');
  return reply(200, temporaryKeys('AKIDrole', params, keys, tokens));
}

const num = (v: unknown, fallback: number) => (v === undefined ? fallback : Number(v));

function page<T>(items: T[], params: Record<string, unknown>, max = 100): T[] {
  const limit = num(params.Limit, 20);
  const offset = num(params.Offset, 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > max)
    throw new ApiError('InvalidParameterValue.Limit', `Limit must be between 1 and ${max}.`);
  return items.slice(offset, offset + limit);
}

function ids(params: Record<string, unknown>, name: string, max = 100): string[] | undefined {
  const list = params[name];
  if (list === undefined) return undefined;
  if (!Array.isArray(list) || list.length > max) throw new ApiError('InvalidParameterValue.Limit', `${name} takes at most ${max} IDs.`);
  return list as string[];
}

function filterValues(params: Record<string, unknown>, name: string): string[] | undefined {
  const filters = (params.Filters as { Name: string; Values: string[] }[] | undefined) ?? [];
  return filters.find((f) => f.Name === name)?.Values;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function byId(items: Record<string, unknown>[] | undefined, field: string, wanted: string[] | undefined): Record<string, unknown>[] {
  const all = items ?? [];
  return wanted === undefined ? all : all.filter((item) => wanted.includes(String(item[field])));
}

/** Whether a CLB has a target on one of these private IPs (DescribeLoadBalancers' BackendPrivateIps). */
function hasBackendIp(a: RegionAccount, lb: string, ips: readonly string[]): boolean {
  const ipOf = new Map(a.instances.map((i) => [String(i.InstanceId), (i.PrivateIpAddresses as string[] | undefined) ?? []]));
  const targets = (a.targets[lb] ?? []).flatMap((l) => [
    ...((l.Targets as Record<string, unknown>[] | undefined) ?? []),
    ...((l.Rules as Record<string, unknown>[] | undefined) ?? []).flatMap(
      (r) => (r.Targets as Record<string, unknown>[] | undefined) ?? [],
    ),
  ]);
  return targets.some((t) =>
    [
      ...((t.PrivateIpAddresses as string[] | undefined) ?? []),
      ...(ipOf.get(String(t.InstanceId)) ?? []),
      ...(typeof t.EniIp === 'string' ? [t.EniIp] : []),
    ].some((ip) => ips.includes(ip)),
  );
}

const HANDLERS: Record<string, (account: RegionAccount, params: Record<string, unknown>) => Record<string, unknown>> = {
  DescribeLoadBalancers: (a, p) => {
    const backends = p.BackendPrivateIps as string[] | undefined;
    const all = byId(a.loadBalancers, 'LoadBalancerId', ids(p, 'LoadBalancerIds', 20)).filter(
      (lb) => backends === undefined || hasBackendIp(a, String(lb.LoadBalancerId), backends),
    );
    return { TotalCount: all.length, LoadBalancerSet: page(all, p) };
  },
  DescribeListeners: (a, p) => {
    const lb = String(p.LoadBalancerId ?? '');
    if (!a.loadBalancers.some((l) => l.LoadBalancerId === lb)) throw new ApiError('ResourceNotFound', `${lb} not found`);
    const listeners = a.listeners[lb] ?? [];
    return { Listeners: listeners, TotalCount: listeners.length };
  },
  DescribeTargets: (a, p) => {
    const lb = String(p.LoadBalancerId ?? '');
    if (!a.loadBalancers.some((l) => l.LoadBalancerId === lb)) throw new ApiError('ResourceNotFound', `${lb} not found`);
    return { Listeners: a.targets[lb] ?? [] };
  },
  DescribeTargetGroupInstances: (a, p) => {
    const groups = filterValues(p, 'TargetGroupId');
    const all = (a.targetGroupInstances ?? []).filter((r) => groups === undefined || groups.includes(String(r.TargetGroupId)));
    return { TotalCount: all.length, TargetGroupInstanceSet: page(all, p), RealCount: all.length };
  },
  DescribeInstances: (a, p) => {
    const groups = filterValues(p, 'security-group-id');
    const ips = filterValues(p, 'private-ip-address');
    const subnets = filterValues(p, 'subnet-id');
    const all = byId(a.instances, 'InstanceId', ids(p, 'InstanceIds')).filter(
      (i) =>
        (groups === undefined || strings(i.SecurityGroupIds).some((g) => groups.includes(g))) &&
        (ips === undefined || strings(i.PrivateIpAddresses).some((ip) => ips.includes(ip))) &&
        (subnets === undefined || subnets.includes(String((i.VirtualPrivateCloud as { SubnetId?: string } | undefined)?.SubnetId))),
    );
    return { TotalCount: all.length, InstanceSet: page(all, p) };
  },
  DescribeSecurityGroupPolicies: (a, p) => {
    const id = String(p.SecurityGroupId ?? '');
    const set = a.securityGroupPolicies[id];
    if (set === undefined) throw new ApiError('ResourceNotFound', `${id} not found`);
    return { SecurityGroupPolicySet: set };
  },
  DescribeSubnets: (a, p) => {
    const all = byId(a.subnets, 'SubnetId', ids(p, 'SubnetIds'));
    return { TotalCount: all.length, SubnetSet: page(all, p) };
  },
  DescribeVpcs: (a, p) => {
    const all = byId(a.vpcs, 'VpcId', ids(p, 'VpcIds'));
    return { TotalCount: all.length, VpcSet: page(all, p) };
  },
  DescribeNetworkAcls: (a, p) => {
    // NetworkAcl.SubnetSet: the subnets bound to it, unless the fixture lists them itself.
    const all = byId(a.networkAcls, 'NetworkAclId', ids(p, 'NetworkAclIds')).map((acl) =>
      'SubnetSet' in acl
        ? acl
        : {
            ...acl,
            SubnetSet: a.subnets
              .filter((s) => s.NetworkAclId === acl.NetworkAclId)
              .map((s) => ({ SubnetId: s.SubnetId, VpcId: s.VpcId, CidrBlock: s.CidrBlock })),
          },
    );
    return { TotalCount: all.length, NetworkAclSet: page(all, p) };
  },
  DescribeNetworkAclQuintupleEntries: (a, p) => {
    const id = String(p.NetworkAclId ?? '');
    const all = a.quintupleEntries?.[id];
    if (all === undefined) throw new ApiError('ResourceNotFound', `${id} not found`);
    return { TotalCount: all.length, NetworkAclQuintupleSet: page(all, p) };
  },
  DescribeNetworkInterfaces: (a, p) => {
    const ips = filterValues(p, 'address-ip');
    const attached = filterValues(p, 'attachment.instance-id');
    const groups = filterValues(p, 'groups.security-group-id');
    const primary = filterValues(p, 'is-primary')?.map((v) => v.toUpperCase() === 'TRUE');
    const subnets = filterValues(p, 'subnet-id');
    const all = byId(a.networkInterfaces ?? [], 'NetworkInterfaceId', ids(p, 'NetworkInterfaceIds')).filter(
      (n) =>
        (ips === undefined ||
          ((n.PrivateIpAddressSet as { PrivateIpAddress: string }[] | undefined) ?? []).some((x) => ips.includes(x.PrivateIpAddress))) &&
        (attached === undefined || attached.includes(String((n.Attachment as { InstanceId?: string } | undefined)?.InstanceId))) &&
        (groups === undefined || strings(n.GroupSet).some((g) => groups.includes(g))) &&
        (primary === undefined || primary.includes(n.Primary === true)) &&
        (subnets === undefined || subnets.includes(String(n.SubnetId))),
    );
    return { TotalCount: all.length, NetworkInterfaceSet: page(all, p) };
  },
  DescribeAddressTemplates: (a, p) => {
    const all = byId(a.addressTemplates, 'AddressTemplateId', filterValues(p, 'address-template-id'));
    return { TotalCount: all.length, AddressTemplateSet: page(all, p) };
  },
  DescribeAddressTemplateGroups: (a, p) => {
    const all = byId(a.addressTemplateGroups, 'AddressTemplateGroupId', filterValues(p, 'address-template-group-id'));
    return { TotalCount: all.length, AddressTemplateGroupSet: page(all, p) };
  },
  DescribeServiceTemplates: (a, p) => {
    const all = byId(a.serviceTemplates, 'ServiceTemplateId', filterValues(p, 'service-template-id'));
    return { TotalCount: all.length, ServiceTemplateSet: page(all, p) };
  },
  DescribeServiceTemplateGroups: (a, p) => {
    const all = byId(a.serviceTemplateGroups, 'ServiceTemplateGroupId', filterValues(p, 'service-template-group-id'));
    return { TotalCount: all.length, ServiceTemplateGroupSet: page(all, p) };
  },
};
