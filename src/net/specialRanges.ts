import { AddressSet } from './addressSet.js';

/**
 * IPv4 ranges that are never a public CLB VIP: private, shared (100.64/10), loopback,
 * link-local, documentation, benchmarking, multicast and reserved (RFC 6890 registry).
 */
const NON_PUBLIC_V4 = AddressSet.parseAll([
  '0.0.0.0-0.255.255.255',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
])!;

export const PUBLIC_V4 = AddressSet.ALL_V4.subtract(NON_PUBLIC_V4);

export const PRIVATE_V4 = AddressSet.parseAll(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'])!;

/** The range CLB health checks come from when `SourceIpType` is 1. */
export const HEALTH_CHECK_RANGE = AddressSet.parse('100.64.0.0/10')!;
