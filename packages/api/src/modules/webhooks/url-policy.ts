import { MAX_WEBHOOK_URL_LENGTH } from '@csp/domain';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { badInput } from '../../shared/errors.js';

/**
 * W2 / decision 017: where webhook requests may go. In production only `https://`; never to a
 * private, loopback, link-local or otherwise internal address unless WEBHOOK_ALLOW_PRIVATE=true
 * (a partner's automation inside the operator's own network, and the tests' local receiver).
 * The check runs on the address the name resolves to, at registration and again on every
 * connection (the socket connects only to the address just checked: no DNS rebinding).
 */
export interface UrlPolicy {
  readonly production: boolean;
  readonly allowPrivate: boolean;
}

export function urlPolicy(env: NodeJS.ProcessEnv = process.env): UrlPolicy {
  return {
    production: env['NODE_ENV'] === 'production',
    allowPrivate: env['WEBHOOK_ALLOW_PRIVATE'] === 'true',
  };
}

const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  internal.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 of any IPv4 address
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  internal.addSubnet(net, prefix, 'ipv6');
}

/** True for an address no webhook may reach unless private addresses are allowed. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return internal.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return internal.check(mapped[1]!, 'ipv4');
    return internal.check(address, 'ipv6');
  }
  return true; // not an address at all: refuse
}

export class UrlRefused extends Error {}

/** The URL's form: absolute, http(s), no credentials, https in production. Answers the parsed URL. */
export function checkUrlForm(text: string, policy: UrlPolicy): URL {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_WEBHOOK_URL_LENGTH)
    badInput('url', 'URL_LENGTH', { max: MAX_WEBHOOK_URL_LENGTH });
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return badInput('url', 'URL_NOT_ABSOLUTE');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') badInput('url', 'URL_SCHEME');
  if (url.protocol === 'http:' && policy.production && !policy.allowPrivate)
    badInput('url', 'URL_NOT_HTTPS');
  if (url.username || url.password) badInput('url', 'URL_CREDENTIALS');
  if (url.hash) badInput('url', 'URL_FRAGMENT');
  return url;
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Every address a host name resolves to (an IP literal resolves to itself). */
function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );
}

/** Registration: the form, then the resolved addresses. Refusals are BAD_USER_INPUT on `url`. */
export async function checkEndpointUrl(text: string, policy: UrlPolicy): Promise<string> {
  const url = checkUrlForm(text, policy);
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(hostOf(url));
  } catch {
    return badInput('url', 'URL_HOST_NOT_FOUND', { host: url.hostname });
  }
  if (!policy.allowPrivate && addresses.some((a) => isInternalAddress(a.address)))
    badInput('url', 'URL_PRIVATE_ADDRESS');
  return url.href;
}

/**
 * For http(s).request's `lookup`: resolves, refuses internal addresses, and hands the socket only
 * the addresses it checked, so a name that changes its answer between check and connect cannot
 * reach an internal address.
 */
export function guardedLookup(policy: UrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const allowed = policy.allowPrivate
        ? list
        : list.filter((a) => !isInternalAddress(a.address));
      if (allowed.length === 0 || allowed.length !== list.length) {
        const refusal = Object.assign(new UrlRefused(`refused address for ${hostname}`), {
          code: 'WEBHOOK_ADDRESS_REFUSED',
        });
        return callback(refusal, '', 0);
      }
      if ((options as { all?: boolean }).all) return callback(null, allowed);
      return callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}
