import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may connect in AWS: only to public unicast addresses. Everything else is refused
 * — loopback, private (RFC 1918, IPv6 unique-local), link-local (with the instance metadata
 * service 169.254.169.254 and fd00:ec2::254), carrier-grade NAT, multicast, reserved and
 * documentation ranges, and the IPv6 forms that carry an IPv4 address inside (IPv4-mapped and
 * -compatible, NAT64, 6to4, Teredo), whose embedded address could be any of those.
 */
export type AddressClass = 'public' | 'invalid' | string;

/** The class of one address literal: `public`, `invalid`, or the name of the special range it is in. */
export function classifyAddress(raw: string): AddressClass {
  const text = raw.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(text)) return 'invalid';
  // `::a.b.c.d` is IPv4-compatible (::/96), though the library reads it as IPv4-mapped.
  if (/^::(\d{1,3}\.){3}\d{1,3}$/.test(text)) return 'ipv4Compatible';
  let address = ipaddr.parse(text);
  // IPv4-mapped (::ffff:a.b.c.d): judged as the IPv4 address it is.
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress())
    address = (address as ipaddr.IPv6).toIPv4Address();
  const range = address.range();
  // IPv4-compatible (::a.b.c.d, deprecated): never a public target.
  if (range === 'unicast' && address.kind() === 'ipv6' && address.match(ipaddr.IPv6.parse('::'), 96))
    return 'ipv4Compatible';
  return range === 'unicast' ? 'public' : range;
}

/** Whether an address literal is public; undefined when `host` is not an address (a host name). */
export function isPublicLiteral(host: string): boolean | undefined {
  const klass = classifyAddress(host);
  return klass === 'invalid' ? undefined : klass === 'public';
}
