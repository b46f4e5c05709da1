/**
 * Security schemes -> the manifest's `auth`: API keys in a header or the query, HTTP basic and
 * bearer, OAuth2 client credentials and authorization code (one entry per flow). What a
 * connection cannot do (cookies, implicit and password flows, OpenID Connect discovery, other
 * HTTP schemes) is left out with a warning.
 */
import type { AuthScheme } from '@tessera/core';
import type { Dialect } from './openapi-document';
import { deref } from './openapi-refs';
import { escapePointer, isObject, type JsonObject, type Warn } from './openapi.types';

const MAX_AUTH = 10;

export function authOf(doc: JsonObject, dialect: Dialect, baseUrl: string | undefined, warn: Warn): AuthScheme[] {
  const container = dialect === '2.0' ? doc.securityDefinitions : isObject(doc.components) ? doc.components.securitySchemes : undefined;
  const at = dialect === '2.0' ? '/securityDefinitions' : '/components/securitySchemes';
  if (!isObject(container)) return [];
  const auth: AuthScheme[] = [];
  for (const [id, raw] of Object.entries(container)) {
    const pointer = `${at}/${escapePointer(id)}`;
    const s = deref(doc, raw);
    if (!isObject(s)) continue;
    for (const scheme of schemesOf(id.slice(0, 100), s, pointer, baseUrl, warn)) {
      if (auth.length >= MAX_AUTH) {
        warn(pointer, `more than ${MAX_AUTH} authentication schemes; "${id}" left out`);
        break;
      }
      auth.push(scheme);
    }
  }
  return auth;
}

function schemesOf(id: string, s: JsonObject, pointer: string, baseUrl: string | undefined, warn: Warn): AuthScheme[] {
  const skip = (why: string): AuthScheme[] => {
    warn(pointer, `security scheme "${id}": ${why}; left out`);
    return [];
  };
  switch (s.type) {
    case 'apiKey':
      if (s.in !== 'header' && s.in !== 'query') return skip(`an API key in "${String(s.in)}" cannot be sent`);
      if (typeof s.name !== 'string') return skip('no parameter name');
      return [{ type: 'apiKey', id, in: s.in, name: s.name.slice(0, 200) }];
    case 'basic':
      return [{ type: 'basic', id }];
    case 'http': {
      const scheme = String(s.scheme).toLowerCase();
      if (scheme === 'basic') return [{ type: 'basic', id }];
      if (scheme === 'bearer') return [{ type: 'bearer', id }];
      return skip(`HTTP "${String(s.scheme)}" authentication is not supported`);
    }
    case 'oauth2':
      return oauth2(id, s, pointer, baseUrl, warn);
    case 'openIdConnect':
      return skip("OpenID Connect discovery is not supported (configure it as OAuth2 with the provider's URLs)");
    default:
      return skip(`type "${String(s.type)}" is not supported`);
  }
}

function oauth2(id: string, s: JsonObject, pointer: string, baseUrl: string | undefined, warn: Warn): AuthScheme[] {
  // OpenAPI 3 `flows`; Swagger 2 one `flow` with its URLs on the scheme.
  const flows: Array<[string, JsonObject, string]> = isObject(s.flows)
    ? Object.entries(s.flows).flatMap(([name, f]): Array<[string, JsonObject, string]> =>
        isObject(f) ? [[name, f, `${pointer}/flows/${escapePointer(name)}`]] : [],
      )
    : [[SWAGGER2_FLOWS[String(s.flow)] ?? String(s.flow), s, pointer]];
  const out: AuthScheme[] = [];
  for (const [name, f, at] of flows) {
    if (name !== 'clientCredentials' && name !== 'authorizationCode') {
      warn(at, `OAuth2 flow "${name}" is not supported (client credentials and authorization code are); left out`);
      continue;
    }
    const scheme: AuthScheme = { type: 'oauth2', id: flows.length > 1 ? `${id}:${name}`.slice(0, 100) : id, flow: name };
    for (const key of ['authorizationUrl', 'tokenUrl', 'refreshUrl'] as const) {
      if (typeof f[key] !== 'string') continue;
      const url = absolute(f[key] as string, baseUrl);
      if (url) scheme[key] = url;
      else warn(`${at}/${key}`, `"${String(f[key])}" is not an absolute URL; left out`);
    }
    if (isObject(f.scopes))
      scheme.scopes = Object.keys(f.scopes)
        .slice(0, 100)
        .map((k) => k.slice(0, 200));
    if (!scheme.tokenUrl || (name === 'authorizationCode' && !scheme.authorizationUrl)) {
      warn(at, `OAuth2 flow "${name}" has no usable token or authorization URL; left out`);
      continue;
    }
    out.push(scheme);
  }
  return out;
}

const SWAGGER2_FLOWS: Record<string, string> = { application: 'clientCredentials', accessCode: 'authorizationCode' };

/** OpenAPI allows URLs relative to the server; the manifest needs absolute ones. */
function absolute(url: string, baseUrl: string | undefined): string | undefined {
  try {
    const resolved = new URL(url, baseUrl && !/\{/.test(baseUrl) ? baseUrl : undefined);
    return /^https?:$/.test(resolved.protocol) && resolved.href.length <= 2048 ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}
