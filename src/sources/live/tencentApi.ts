// Each client by file path: the bundle then holds only these services, not all 260.

import { type ClientRequest, Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIPv4 } from 'node:net';
import createHttpsProxyAgent from 'https-proxy-agent';
import { Client as ClbClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/clb/v20180317/clb_client.js';
import { Client as CvmClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_client.js';
import { Client as RegionClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/region/v20220627/region_client.js';
import { Client as StsClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/sts/v20180813/sts_client.js';
import { Client as VpcClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_client.js';
import { InputError } from '../../errors/inputError.js';

export type Service = 'clb' | 'vpc' | 'cvm' | 'sts' | 'region';

export interface ApiCredential {
  readonly secretId: string;
  readonly secretKey: string;
  readonly token?: string;
}

/** One Describe call: the seam the live reader talks through (the SDK here, fakes in unit tests). */
export interface TencentApi {
  call(service: Service, action: string, region: string, params: Record<string, unknown>): Promise<Record<string, unknown>>;
}

const CLIENTS = { clb: ClbClient, vpc: VpcClient, cvm: CvmClient, sts: StsClient, region: RegionClient } as const;

/**
 * Plain http may go only to these: 127.0.0.0/8 written as a dotted IPv4 literal, `::1` and
 * `localhost`. The host is parsed, never matched as text, so `127.0.0.1.example.invalid` (a
 * name anyone can point anywhere) is refused.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return isIPv4(host) && host.split('.')[0] === '127';
}

/**
 * `--api-endpoint` sends every call to one place (emulators, proxies). Plain http is allowed only
 * for loopback addresses, so credentials never cross a network unencrypted.
 */
export function parseApiEndpoint(endpoint: string): { protocol: 'http://' | 'https://'; host: string } {
  let url: URL;
  try {
    url = new URL(endpoint.includes('://') ? endpoint : `https://${endpoint}`);
  } catch {
    throw new InputError(`--api-endpoint "${endpoint}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`--api-endpoint must be http(s), not ${url.protocol}`);
  if (url.username !== '' || url.password !== '') throw new InputError('--api-endpoint must not carry a user name or password');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    throw new InputError(
      `--api-endpoint: plain http is allowed only for loopback addresses (127.0.0.0/8, ::1, localhost), not ${url.hostname}`,
    );
  return { protocol: url.protocol === 'http:' ? 'http://' : 'https://', host: url.host };
}

type AgentLike = { addRequest(request: ClientRequest, options: unknown): unknown };

/**
 * The SDK fetches with node-fetch, which follows redirects and carries `X-TC-Token` (and the
 * signed headers) to wherever `Location` points, over plain http too. The only per-request seam
 * the SDK offers is the HTTP agent: ours removes `Location` from every 3xx answer before the
 * fetch sees it, so the redirect is never followed and the call fails with its status.
 */
export function refuseRedirects<T extends object>(agent: T): T {
  const target = agent as unknown as AgentLike;
  const addRequest = target.addRequest.bind(target);
  target.addRequest = (request: ClientRequest, options: unknown) => {
    request.prependListener('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        delete response.headers.location;
        response.statusMessage = 'redirect refused';
      }
    });
    return addRequest(request, options);
  };
  return agent;
}

/** The agent every SDK client uses: redirects refused; the SDK's `http_proxy` still honoured. */
export function apiAgent(protocol: 'http://' | 'https://', env: Readonly<Record<string, string | undefined>> = process.env): HttpAgent {
  const proxy = env.http_proxy;
  if (proxy) return refuseRedirects(createHttpsProxyAgent(proxy)) as unknown as HttpAgent;
  return refuseRedirects(protocol === 'http://' ? new HttpAgent({ keepAlive: true }) : new HttpsAgent({ keepAlive: true }));
}

/**
 * A call that did not give an answer: what went wrong, said without any of the response's text
 * (a hostile or broken endpoint can put anything there, the caller's secret included).
 */
export class ApiCallError extends Error {
  constructor(
    /** The API's error code when it is a well-formed code (`RequestLimitExceeded`, `AuthFailure.SignatureFailure`…). */
    readonly code: string | undefined,
    readonly httpCode: number | undefined,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const ERROR_CODE = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$/;

/** Any error the SDK or fetch threw → an `ApiCallError` whose text comes from us, never the body. */
export function sanitizeCallError(error: unknown): ApiCallError {
  if (error instanceof ApiCallError) return error;
  const e = (error ?? {}) as { code?: unknown; httpCode?: unknown; type?: unknown; message?: unknown; name?: unknown };
  if (typeof e.httpCode === 'number') {
    const redirect = e.httpCode >= 300 && e.httpCode < 400;
    return new ApiCallError(
      undefined,
      e.httpCode,
      `HTTP ${e.httpCode}${redirect ? ' (a redirect, refused: API calls are never redirected)' : ''}`,
    );
  }
  if (typeof e.code === 'string' && e.code !== '' && !/^E[A-Z]+$/.test(e.code)) {
    return ERROR_CODE.test(e.code) && e.code.length <= 80
      ? new ApiCallError(e.code, undefined, e.code)
      : new ApiCallError('Unreadable', undefined, 'an error whose code is not a well-formed API code');
  }
  const message = typeof e.message === 'string' ? e.message : '';
  if (e.type === 'invalid-json' || /invalid json|JSON/i.test(message))
    return new ApiCallError(undefined, undefined, 'the response is not JSON');
  if (e.name === 'TypeError') return new ApiCallError(undefined, undefined, 'the response has no "Response" object');
  if (/timeout|timed out|ETIMEDOUT/i.test(message)) return new ApiCallError(undefined, undefined, 'timed out');
  if (/ECONNREFUSED/.test(message)) return new ApiCallError(undefined, undefined, 'connection refused');
  if (/ECONNRESET|socket hang up|EPIPE/.test(message)) return new ApiCallError(undefined, undefined, 'connection dropped');
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) return new ApiCallError(undefined, undefined, 'host not found');
  return new ApiCallError(undefined, undefined, 'network error');
}

export function sdkApi(credential: () => Promise<ApiCredential>, options: { endpoint?: string; timeoutSeconds?: number } = {}): TencentApi {
  const target = options.endpoint ? parseApiEndpoint(options.endpoint) : undefined;
  const agent = apiAgent(target?.protocol ?? 'https://');
  const clients = new Map<string, InstanceType<(typeof CLIENTS)[Service]>>();
  return {
    async call(service, action, region, params) {
      // Asked here first, so that credentials that cannot be had (an OIDC refusal) end the run
      // with their own one line instead of going through the SDK, which hides the error.
      await credential();
      const key = `${service}|${region}`;
      let client = clients.get(key);
      if (client === undefined) {
        client = new CLIENTS[service]({
          // The SDK asks for credentials before each request: refreshed OIDC credentials apply at once.
          credential: { getCredential: credential },
          region,
          profile: {
            httpProfile: {
              reqTimeout: options.timeoutSeconds ?? 30,
              agent,
              ...(target ? { endpoint: target.host, protocol: target.protocol } : {}),
            },
          },
        });
        clients.set(key, client);
      }
      let response: unknown;
      try {
        response = await client.request(action, params);
      } catch (error) {
        throw sanitizeCallError(error);
      }
      if (typeof response !== 'object' || response === null || Array.isArray(response))
        throw new ApiCallError(undefined, undefined, 'the "Response" is not an object');
      return response as Record<string, unknown>;
    },
  };
}
