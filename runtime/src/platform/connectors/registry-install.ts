/**
 * Installing a connector from another Tessera server (every Tessera server is a registry: its
 * catalogue). The list and the manifest are fetched through the platform's outbound client, so
 * a registry on a private address is refused unless TESSERA_OUTBOUND_ALLOW allows it. The
 * integrity the registry lists is checked against the manifest actually received before it is
 * validated and installed, so a manifest altered on the way (or a registry serving other
 * contents than it lists) is refused and nothing is installed.
 */
import semver from 'semver';
import { OutboundError, type OutboundClient } from '@tessera/connectors';
import { Invalid, NotFound, ValidationFailed } from '../../domain-errors';
import { integrityOf, type ConnectorCatalogue, type InstalledConnector } from './connector-catalogue';
import type { ConnectorManifest } from '@tessera/core';

const MAX_REGISTRY_BYTES = 20 * 1024 * 1024;

export interface RegistryInstallRequest {
  registry: string;
  name: string;
  range: string;
  /** An API key on the registry; sent as a bearer token for these two requests only, never stored. */
  token?: string;
}

interface Deps {
  catalogue: ConnectorCatalogue;
  outbound: OutboundClient;
  userId: string | null;
}

async function getJson(url: URL, req: RegistryInstallRequest, outbound: OutboundClient): Promise<unknown> {
  let res;
  try {
    res = await outbound.request({
      method: 'GET',
      url: url.href,
      headers: { accept: 'application/json', ...(req.token ? { authorization: `Bearer ${req.token}` } : {}) },
      maxResponseBytes: MAX_REGISTRY_BYTES,
      timeoutMs: 30_000,
      // A registry answering with a redirect elsewhere would take the key with it.
      maxRedirects: 0,
    });
  } catch (err) {
    if (err instanceof OutboundError)
      throw new Invalid(`the registry could not be reached: ${err.message}`, [{ pointer: '/registry', message: err.code }]);
    throw err;
  }
  if (res.status === 401 || res.status === 403)
    throw new Invalid(`the registry refused (${res.status}): send a builder's API key on it as "token"`, [
      { pointer: '/token', message: `registry answered ${res.status}` },
    ]);
  if (res.status === 404) throw new NotFound(`the registry has no ${url.pathname}`);
  if (res.status !== 200)
    throw new Invalid(`the registry answered ${res.status}`, [{ pointer: '/registry', message: `answered ${res.status}` }]);
  try {
    return JSON.parse(Buffer.from(res.body).toString('utf8'));
  } catch {
    throw new Invalid('the registry did not answer with JSON: is it a Tessera server?', [{ pointer: '/registry', message: 'not JSON' }]);
  }
}

export async function installFromRegistry(
  req: RegistryInstallRequest,
  deps: Deps,
): Promise<{ info: InstalledConnector; created: boolean; integrity: string }> {
  if (!semver.validRange(req.range))
    throw new Invalid(`"${req.range}" is not a semver range (like ^1.2.0, ~1.2, 1.x, >=1.0.0 <2)`, [
      { pointer: '/range', message: 'not a semver range' },
    ]);
  const base = new URL(req.registry.endsWith('/') ? req.registry : `${req.registry}/`);
  const list = (await getJson(new URL('api/connectors', base), req, deps.outbound)) as { items?: InstalledConnector[] };
  if (!Array.isArray(list?.items))
    throw new Invalid('the registry answered without a list of connectors: is it a Tessera server?', [
      { pointer: '/registry', message: 'no items' },
    ]);
  const versions = list.items.filter((i) => i?.name === req.name && typeof i.version === 'string' && semver.valid(i.version));
  if (!versions.length) throw new NotFound(`the registry has no connector "${req.name}"`);
  const inRange = versions.filter((i) => semver.satisfies(i.version, req.range));
  const pick = (l: InstalledConnector[]) => l.sort((a, b) => semver.rcompare(a.version, b.version))[0];
  const chosen = pick(inRange.filter((i) => !i.deprecated)) ?? pick(inRange);
  if (!chosen)
    throw new NotFound(
      `no version of "${req.name}" on the registry satisfies "${req.range}"; it has ${versions.map((v) => v.version).join(', ')}`,
    );
  const manifestUrl = new URL(`api/connectors/${encodeURIComponent(chosen.name)}/${encodeURIComponent(chosen.version)}`, base);
  const manifest = (await getJson(manifestUrl, req, deps.outbound)) as ConnectorManifest;
  const received = integrityOf(manifest);
  if (received !== chosen.integrity)
    throw new ValidationFailed(
      `the manifest of ${chosen.name} ${chosen.version} received does not match the integrity the registry lists; nothing was installed`,
      [{ pointer: '/integrity', message: `listed ${chosen.integrity}, received ${received}` }],
    );
  if (manifest?.name !== chosen.name || manifest.version !== chosen.version)
    throw new ValidationFailed('the registry sent a manifest of another name or version; nothing was installed', [
      { pointer: '/name', message: `asked for ${chosen.name}@${chosen.version}` },
    ]);
  const { info, created } = await deps.catalogue.install(manifest, 'registry', deps.userId);
  return { info, created, integrity: received };
}
