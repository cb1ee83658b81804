/**
 * Protocols as the security-group engine sees them. Names are case-insensitive in Tencent's APIs
 * (doc examples show `tcp`, `All`); `ALL` matches every protocol. Ports only mean something for
 * TCP and UDP.
 */
export const PROTOCOLS = ['TCP', 'UDP', 'ICMP', 'ICMPV6', 'GRE'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export type ProtocolMatch = 'ALL' | Protocol;

export function parseProtocol(text: string): ProtocolMatch | undefined {
  const upper = text.trim().toUpperCase();
  if (upper === 'ALL') return 'ALL';
  if (upper === 'ICMPV6' || upper === 'ICMP6') return 'ICMPV6';
  return (PROTOCOLS as readonly string[]).includes(upper) ? (upper as Protocol) : undefined;
}

export function hasPorts(protocol: string): boolean {
  return protocol === 'TCP' || protocol === 'UDP';
}

/** The transport a listener's traffic uses towards its backends. QUIC runs over UDP. */
export function transportOf(listenerProtocol: string): Protocol {
  const upper = listenerProtocol.toUpperCase();
  return upper === 'UDP' || upper === 'QUIC' ? 'UDP' : 'TCP';
}
