import { Forbidden, Invalid, type Issue } from '../domain-errors';

/**
 * What an API key may reach: only these apps' routes (`/apps/<id>/…`), and only reads. Absent
 * `apps` means every app the user may use; a scope only ever narrows the user's own rights.
 */
export interface KeyScope {
  apps?: string[];
  readOnly: boolean;
}

/** The app slug rule of the definition schema (AppId): a key cannot name an app that could never exist. */
const APP_ID = /^[a-z][a-z0-9-]{1,62}$/;
const MAX_APPS = 100;

/** Reads `{ apps?, readOnly? }` as sent to `POST /api-keys`; throws Invalid with a pointer at each bad value. */
export function parseKeyScope(input: { apps?: unknown; readOnly?: unknown }): KeyScope {
  const issues: Issue[] = [];
  let apps: string[] | undefined;
  if (input.apps !== undefined) {
    if (!Array.isArray(input.apps) || input.apps.length === 0 || input.apps.length > MAX_APPS) {
      issues.push({ pointer: '/apps', message: `a list of 1 to ${MAX_APPS} app ids (leave it out for every app)` });
    } else {
      input.apps.forEach((id, i) => {
        if (typeof id !== 'string' || !APP_ID.test(id)) issues.push({ pointer: `/apps/${i}`, message: 'not an app id' });
      });
      apps = [...new Set(input.apps as string[])];
    }
  }
  if (input.readOnly !== undefined && typeof input.readOnly !== 'boolean') {
    issues.push({ pointer: '/readOnly', message: 'must be true or false' });
  }
  if (issues.length) throw new Invalid(`bad API key scope: ${issues.map((i) => `${i.pointer} ${i.message}`).join('; ')}`, issues);
  return { ...(apps ? { apps } : {}), readOnly: input.readOnly === true };
}

/**
 * A key minted by a key gets no more than its parent: its apps must be among the parent's (and
 * default to them), and a read-only parent makes a read-only child.
 */
export function narrowScope(requested: KeyScope, parent: KeyScope | undefined): KeyScope {
  if (!parent) return requested;
  const outside = parent.apps && requested.apps?.filter((a) => !parent.apps!.includes(a));
  if (outside?.length) throw new Forbidden(`this API key may not mint keys for ${outside.join(', ')}`);
  const apps = requested.apps ?? parent.apps;
  return { ...(apps ? { apps } : {}), readOnly: requested.readOnly || parent.readOnly };
}

const READS = new Set(['GET', 'HEAD']);
/** `/apps/<id>` or `/apps/<id>/…`; express matches routes case-insensitively, so this does too. */
const APP_ROUTE = /^\/apps\/([^/]+)(?:\/|$)/i;

/**
 * Why a request with a key of this scope is refused, or null. `path` is relative to `/api`.
 * An app-scoped key reaches its apps' routes and `GET /auth/me`, nothing else (not the app list,
 * users or keys): anything not shown to be inside the scope is outside it.
 */
export function scopeRefusal(scope: KeyScope, method: string, path: string): string | null {
  if (scope.readOnly && !READS.has(method)) return `this API key is read-only: ${method} is refused`;
  if (!scope.apps) return null;
  if (READS.has(method) && path.replace(/\/+$/, '').toLowerCase() === '/auth/me') return null;
  const m = APP_ROUTE.exec(path);
  let appId: string | undefined;
  try {
    appId = m ? decodeURIComponent(m[1]) : undefined; // as express decodes `:appId`
  } catch {
    appId = undefined;
  }
  if (appId === undefined) return 'this API key is limited to some apps and may not call this route';
  if (!scope.apps.includes(appId)) return `this API key is not for app ${appId}`;
  return null;
}
