import { describe, expect, it } from 'vitest';
import { classifyAddress, isPublicLiteral } from '../../../functions/modules/webhooks/outbound/address';

describe('webhook target addresses', () => {
  it.each([
    ['93.184.216.34', 'public'],
    ['8.8.8.8', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.10.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['192.0.2.10', 'reserved'],
  ])('IPv4 %s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it.each([
    ['2606:4700:4700::1111', 'public'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::a00:1', 'ipv4Compatible'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['2002:7f00:1::', '6to4'],
    ['2001:db8::1', 'reserved'],
  ])('IPv6 %s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:93.184.216.34', 'public'],
    ['[::ffff:192.168.0.1]', 'private'],
  ])('IPv4-mapped or -compatible IPv6 %s is judged by the IPv4 address inside (%s)', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('refuses IPv4-compatible IPv6 whatever the address inside', () => {
    for (const a of ['::127.0.0.1', '::10.0.0.1', '::8.8.8.8']) expect(classifyAddress(a)).not.toBe('public');
  });

  it('tells host names from address literals', () => {
    expect(classifyAddress('hooks.example.az')).toBe('invalid');
    expect(isPublicLiteral('hooks.example.az')).toBeUndefined();
    expect(isPublicLiteral('127.0.0.1')).toBe(false);
    expect(isPublicLiteral('8.8.4.4')).toBe(true);
    // Shorthand forms that some resolvers accept as loopback are not address literals here; the
    // delivery resolves them and checks the addresses it gets.
    expect(classifyAddress('0x7f.1')).not.toBe('public');
  });
});
