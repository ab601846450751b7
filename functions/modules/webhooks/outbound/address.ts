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
  let address = ipaddr.parse(text);
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6;
    // IPv4-mapped (::ffff:a.b.c.d): judged as the IPv4 address it is.
    if (v6.isIPv4MappedAddress()) address = v6.toIPv4Address();
    // IPv4-compatible (::a.b.c.d, deprecated) and the unspecified address.
    else if (v6.match(ipaddr.IPv6.parse('::'), 96)) return 'ipv4Compatible';
  }
  const range = address.range();
  return range === 'unicast' ? 'public' : range;
}

/** Whether an address literal is public; undefined when `host` is not an address (a host name). */
export function isPublicLiteral(host: string): boolean | undefined {
  const klass = classifyAddress(host);
  return klass === 'invalid' ? undefined : klass === 'public';
}
