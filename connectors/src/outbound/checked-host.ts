/**
 * For protocols other than HTTP (SMTP): the address a host name may be connected to, checked by
 * the same policy and resolver as HTTP calls. The caller connects to the returned address (and
 * keeps the name for TLS), so there is no second resolution to rebind.
 */
import { promisify } from 'node:util';
import { isIP } from 'node:net';
import { AllowList, ALLOW_ENV } from './allow-list';
import { guardedLookup, refuseAddress, systemResolver, type Resolver } from './guarded-lookup';

export function createHostResolver(
  options: { allow?: AllowList | string; resolve?: Resolver } = {},
): (hostname: string) => Promise<string> {
  const allow = options.allow instanceof AllowList ? options.allow : AllowList.parse(options.allow ?? process.env[ALLOW_ENV]);
  const lookup = guardedLookup(options.resolve ?? systemResolver, allow);
  const lookupAsync = promisify((host: string, cb: (err: Error | null, address: string) => void) =>
    lookup(host, {}, (err, address) => cb(err, address as string)),
  );
  return async (hostname) => {
    if (isIP(hostname)) {
      const refusal = refuseAddress(hostname, allow);
      if (refusal) throw refusal;
      return hostname;
    }
    return lookupAsync(hostname);
  };
}
