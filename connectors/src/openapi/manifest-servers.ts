/**
 * The base URL and the connection's config schema: the first server's URL keeps its `{variable}`
 * placeholders, and each variable becomes a config property with its default, enum and
 * description (Swagger 2: schemes + host + basePath). `baseUrl` in the config overrides it all.
 */
import type { Dialect } from './openapi-document';
import { isObject, type JsonObject, type Schema, type Warn } from './openapi.types';

export interface ServerPart {
  baseUrl?: string;
  config: Schema;
}

export function serversOf(doc: JsonObject, dialect: Dialect, warn: Warn): ServerPart {
  const properties: Record<string, Schema> = {
    baseUrl: { type: 'string', maxLength: 2048, description: 'Overrides the API base URL (another environment, a proxy).' },
  };
  const config = (): Schema => ({ type: 'object', properties });
  if (dialect === '2.0') {
    if (typeof doc.host !== 'string') {
      warn('', 'no "host": set the base URL in the connection');
      return { config: config() };
    }
    const schemes = Array.isArray(doc.schemes) ? doc.schemes : [];
    const scheme = schemes.includes('https') || schemes.length === 0 ? 'https' : String(schemes[0]);
    const basePath = typeof doc.basePath === 'string' ? doc.basePath.replace(/\/$/, '') : '';
    return { baseUrl: `${scheme}://${doc.host}${basePath}`.slice(0, 2048), config: config() };
  }
  const servers = Array.isArray(doc.servers) ? doc.servers.filter(isObject) : [];
  const server = servers[0];
  if (!server || typeof server.url !== 'string') {
    warn('/servers', 'no server: set the base URL in the connection');
    return { config: config() };
  }
  if (servers.length > 1) warn('/servers', `${servers.length} servers; the first ("${server.url}") is the default base URL`);
  const url = server.url.replace(/\/$/, '');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^\{[^}]+\}/.test(url)) {
    warn('/servers/0/url', `"${server.url}" is relative: the connection's base URL must name the host`);
  }
  const variables = isObject(server.variables) ? server.variables : {};
  for (const [name, raw] of Object.entries(variables)) {
    if (!isObject(raw) || name === 'baseUrl') continue;
    const property: Schema = { type: 'string' };
    if (typeof raw.default === 'string') property.default = raw.default;
    if (Array.isArray(raw.enum) && raw.enum.every((v) => typeof v === 'string') && raw.enum.length) property.enum = raw.enum;
    if (typeof raw.description === 'string') property.description = raw.description;
    properties[name] = property;
  }
  return { baseUrl: url.slice(0, 2048), config: config() };
}
