import { createHash, createHmac } from 'node:crypto';

/**
 * TC3-HMAC-SHA256, as Tencent Cloud API 3.0 documents it. The SDK signs requests itself; this is
 * here so the local emulator can verify them, and it is tested against the official example.
 */
export interface Tc3Input {
  readonly method: string;
  /** The host without a port (the SDK signs `URL.hostname`). */
  readonly host: string;
  readonly path?: string;
  readonly query?: string;
  readonly contentType: string;
  readonly payload: string | Buffer;
  readonly timestamp: number;
  readonly service: string;
  readonly secretId: string;
  readonly secretKey: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

export function tc3Signature(input: Tc3Input): { signature: string; authorization: string } {
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.path ?? '/',
    input.query ?? '',
    `content-type:${input.contentType}\nhost:${input.host}\n`,
    'content-type;host',
    sha256Hex(input.payload),
  ].join('\n');
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const kDate = hmac(`TC3${input.secretKey}`, date);
  const kService = hmac(kDate, input.service);
  const kSigning = hmac(kService, 'tc3_request');
  const signature = createHmac('sha256', kSigning).update(stringToSign).digest('hex');
  return {
    signature,
    authorization: `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
  };
}
