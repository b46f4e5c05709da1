/**
 * The address check inside the connection step. The socket's `lookup` resolves the name, refuses
 * the answer when any address is not public (and not allowed), and hands the checked addresses to
 * the socket, which connects to exactly those: there is no second resolution an attacker's DNS
 * could answer differently (DNS rebinding).
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { classifyAddress, describeBlocked } from './address-policy';
import { ALLOW_ENV, type AllowList } from './allow-list';
import { OutboundError } from './outbound.types';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Name to addresses; the default asks the operating system (hosts file, then DNS). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

/**
 * The refusal of one address, or undefined when it may be called. `hostname` is the name that
 * resolved to it (undefined for an IP-literal URL).
 */
export function refuseAddress(address: string, allow: AllowList, hostname?: string): OutboundError | undefined {
  const verdict = classifyAddress(address);
  if (verdict.blocked === null || allow.allowsAddress(address)) return undefined;
  const { one, many } = describeBlocked(verdict.blocked);
  const shown = verdict.embeddedIPv4 ? `${verdict.address} (IPv4 ${verdict.embeddedIPv4})` : verdict.address;
  const subject = hostname === undefined ? `${shown} is` : `${hostname} resolves to ${shown},`;
  return new OutboundError(`${subject} ${one}; outbound calls to ${many} are refused unless ${ALLOW_ENV} allows them`, 'BLOCKED_ADDRESS');
}

function dnsError(hostname: string, err: unknown): OutboundError {
  const code = (err as { code?: unknown })?.code;
  const why = typeof code === 'string' ? ` (${code})` : '';
  return new OutboundError(`${hostname} does not resolve${why}; check the host name`, 'DNS');
}

/** A `lookup` for net/tls sockets that resolves with `resolve` and applies the address policy. */
export function guardedLookup(resolve: Resolver, allow: AllowList): LookupFunction {
  return (hostname, options, callback) => {
    const done = (err: OutboundError | null, answers: ResolvedAddress[]) => {
      if (err) return callback(err, '', 0);
      if (options.all) return callback(null, answers);
      callback(null, answers[0].address, answers[0].family);
    };
    resolve(hostname).then(
      (answers) => {
        const wanted = options.family === 4 || options.family === 6 ? answers.filter((a) => a.family === options.family) : answers;
        if (wanted.length === 0) return done(dnsError(hostname, { code: 'ENODATA' }), []);
        if (!allow.allowsHost(hostname)) {
          // Every address is checked, not only the first: the socket may try them all.
          for (const answer of wanted) {
            const refusal = refuseAddress(answer.address, allow, hostname);
            if (refusal) return done(refusal, []);
          }
        }
        done(null, wanted);
      },
      (err) => done(dnsError(hostname, err), []),
    );
  };
}
