import { describe, expect, it } from 'vitest';
import { assertAddressAllowed, BlockedAddressError, nonPublicReason } from '../../src/fetch/address-guard.js';

describe('nonPublicReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['fd12:3456:789a::1', 'unique local'],
    ['fc00::1', 'unique local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:192.168.0.10', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:c0a8:0101::1', 'private'],
    ['2001:db8::1', 'documentation'],
    ['ff02::1', 'multicast'],
  ])('%s is %s', (address, reason) => {
    expect(nonPublicReason(address)).toBe(reason);
  });

  it.each(['8.8.8.8', '149.154.167.99', '172.32.0.1', '100.128.0.1', '2001:67c:4e8:f004::9', '::ffff:8.8.8.8', '[2606:4700::1111]'])(
    '%s is public',
    (address) => {
      expect(nonPublicReason(address)).toBeUndefined();
    },
  );
});

describe('assertAddressAllowed', () => {
  it('a listed private address passes, any other private address is refused', () => {
    expect(() => assertAddressAllowed('localhost', '127.0.0.1', ['127.0.0.1'])).not.toThrow();
    expect(() => assertAddressAllowed('intranet', '10.0.0.5', ['127.0.0.1'])).toThrow(BlockedAddressError);
    expect(() => assertAddressAllowed('intranet', '10.0.0.5', true)).not.toThrow();
    expect(() => assertAddressAllowed('t.me', '149.154.167.99', false)).not.toThrow();
  });
});
