import { clientAddressOf, networkForLog } from './client-address';

const from = (ip: string) => ({ ip, socket: {} });

describe(clientAddressOf.name, () => {
  it('counts an IPv4 client by its address, also when it comes mapped into IPv6', () => {
    expect(clientAddressOf(from('203.0.113.7'))).toBe('203.0.113.7');
    expect(clientAddressOf(from('::ffff:203.0.113.7'))).toBe('203.0.113.7');
  });

  it('counts an IPv6 client by its /64 network, however the address is written', () => {
    const network = '2001:db8:0:1::/64';
    expect(clientAddressOf(from('2001:db8:0:1::1'))).toBe(network);
    expect(clientAddressOf(from('2001:0DB8:0000:0001:abcd:ef01:2345:6789'))).toBe(network);
    expect(clientAddressOf(from('2001:db8:0:1:ffff::'))).toBe(network);
    expect(clientAddressOf(from('2001:db8:0:2::1'))).not.toBe(network);
    expect(clientAddressOf(from('::1'))).toBe('0:0:0:0::/64');
  });
});

describe(networkForLog.name, () => {
  it('names only the network of a client in a log line: IPv4 /24, IPv6 /48', () => {
    expect(networkForLog(clientAddressOf(from('203.0.113.7')))).toBe('203.0.113.0/24');
    expect(networkForLog(clientAddressOf(from('2001:db8:0:1::1')))).toBe('2001:db8:0::/48');
    expect(networkForLog(clientAddressOf(from('::1')))).toBe('0:0:0::/48');
    expect(networkForLog(clientAddressOf({ socket: {} }))).toBe('unknown');
  });
});
