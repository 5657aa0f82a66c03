import { isIPv6 } from 'node:net';

/**
 * Whom the abuse limits count a request for: the client's IPv4 address, or the /64 network of an
 * IPv6 address (one connection gets a whole /64 and can change the rest at will).
 *
 * The address is the socket's peer (Express `request.ip`); behind a reverse proxy, Express's
 * "trust proxy" must name that proxy, or all clients share the proxy's address.
 */
export function clientAddressOf(request: {
  readonly ip?: string;
  readonly socket: { readonly remoteAddress?: string };
}): string {
  const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
  const mappedIPv4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mappedIPv4) return mappedIPv4[1];
  if (!isIPv6(address)) return address;
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/**
 * The client as a log line may name it: its IPv4 /24 or IPv6 /48 network, as web analytics
 * anonymise addresses. A full address is personal data; the network still shows where a wave of
 * failed sign-ins comes from. `client` is what clientAddressOf returned.
 */
export function networkForLog(client: string): string {
  const ipv4 = /^(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}$/.exec(client);
  if (ipv4) return `${ipv4[1]}.0/24`;
  const ipv6 = /^([0-9a-f]+:[0-9a-f]+:[0-9a-f]+):[0-9a-f]+::\/64$/.exec(client);
  if (ipv6) return `${ipv6[1]}::/48`;
  return 'unknown';
}

/** The eight groups of an IPv6 address, `::` expanded, without leading zeros. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('%')[0].split('::');
  const groupsOf = (part: string) => (part ? part.split(':') : []);
  const known = [...groupsOf(head), ...groupsOf(tail ?? '')];
  const groups =
    tail === undefined
      ? known
      : [...groupsOf(head), ...Array<string>(Math.max(0, 8 - known.length)).fill('0'), ...groupsOf(tail)];
  return groups.map((group) => (group.includes('.') ? group : parseInt(group, 16).toString(16)));
}
