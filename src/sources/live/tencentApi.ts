// Each client by file path: the bundle then holds only these services, not all 260.
import { Client as ClbClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/clb/v20180317/clb_client.js';
import { Client as CvmClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_client.js';
import { Client as StsClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/sts/v20180813/sts_client.js';
import { Client as VpcClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_client.js';
import { InputError } from '../../errors/inputError.js';

export type Service = 'clb' | 'vpc' | 'cvm' | 'sts';

export interface ApiCredential {
  readonly secretId: string;
  readonly secretKey: string;
  readonly token?: string;
}

/** One Describe call: the seam the live reader talks through (the SDK here, fakes in unit tests). */
export interface TencentApi {
  call(service: Service, action: string, region: string, params: Record<string, unknown>): Promise<Record<string, unknown>>;
}

const CLIENTS = { clb: ClbClient, vpc: VpcClient, cvm: CvmClient, sts: StsClient } as const;

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
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.hostname.startsWith('127.');
  if (url.protocol === 'http:' && !loopback) throw new InputError(`--api-endpoint: plain http is allowed only for loopback addresses, not ${url.hostname}`);
  return { protocol: url.protocol === 'http:' ? 'http://' : 'https://', host: url.host };
}

export function sdkApi(credential: () => Promise<ApiCredential>, options: { endpoint?: string; timeoutSeconds?: number } = {}): TencentApi {
  const target = options.endpoint ? parseApiEndpoint(options.endpoint) : undefined;
  const clients = new Map<string, InstanceType<(typeof CLIENTS)[Service]>>();
  return {
    async call(service, action, region, params) {
      const key = `${service}|${region}`;
      let client = clients.get(key);
      if (client === undefined) {
        client = new CLIENTS[service]({
          // The SDK asks for credentials before each request: refreshed OIDC credentials apply at once.
          credential: { getCredential: credential },
          region,
          profile: { httpProfile: { reqTimeout: options.timeoutSeconds ?? 30, ...(target ? { endpoint: target.host, protocol: target.protocol } : {}) } },
        });
        clients.set(key, client);
      }
      return (await client.request(action, params)) as Record<string, unknown>;
    },
  };
}
