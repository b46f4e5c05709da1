import type { Store, StoredDoc } from '@tessera/core/store';
import { Invalid, NotFound, ValidationFailed, type Issue } from '../../domain-errors';
import type { Accounts } from '../accounts';
import { APP_MEMBERS } from '../platform-collections';

export interface Membership {
  userId: string;
  email: string;
  name: string;
  roles: string[];
  team: string | null;
}

/** One app's members, indexed the two ways requests need them. */
export interface AppMembers {
  byUser: Map<string, Membership>;
  /** team -> owner values (emails and ids) of its members. */
  teams: Map<string, string[]>;
}

const TEAM = /^[\p{L}\p{N} _.-]{1,100}$/u;

function toMembership(doc: StoredDoc): Membership {
  return {
    userId: doc.userId as string,
    email: doc.email as string,
    name: (doc.name as string) ?? '',
    roles: (doc.roles as string[]) ?? [],
    team: (doc.team as string | null) ?? null,
  };
}

/**
 * App memberships. Every request of a member needs theirs, so an app's whole member list is
 * cached for `cacheMs` (like API keys): one store round trip per app per few seconds, not one per
 * request. Changes made in this process drop the app's cache at once; other processes sharing the
 * database see them within `cacheMs`.
 */
/** What is wrong with `{ roles, team }` for an app declaring `knownRoles` (pointers under `base`). */
export function membershipIssues(input: unknown, knownRoles: string[], base = ''): Issue[] {
  const { roles, team } = (input ?? {}) as { roles?: unknown; team?: unknown };
  const issues: Issue[] = [];
  if (!Array.isArray(roles) || roles.length > 50) issues.push({ pointer: `${base}/roles`, message: 'must be an array of role ids' });
  else {
    roles.forEach((r, i) => {
      if (typeof r !== 'string' || !knownRoles.includes(r))
        issues.push({
          pointer: `${base}/roles/${i}`,
          message: `unknown role ${JSON.stringify(r)}; the app has ${knownRoles.join(', ') || 'no roles'}`,
        });
    });
  }
  if (team !== undefined && team !== null && (typeof team !== 'string' || !TEAM.test(team))) {
    issues.push({ pointer: `${base}/team`, message: 'must be a name of 1-100 letters, digits, spaces, _ . -' });
  }
  return issues;
}

export class Memberships {
  private readonly cache = new Map<string, { value: AppMembers; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly options: { cacheMs?: number } = {},
  ) {}

  private coll() {
    return this.store.collection(APP_MEMBERS);
  }

  async forApp(appId: string): Promise<AppMembers> {
    const now = Date.now();
    const hit = this.cache.get(appId);
    if (hit && hit.until > now) return hit.value;
    const byUser = new Map<string, Membership>();
    const teams = new Map<string, string[]>();
    let cursor: string | undefined;
    do {
      const page = await this.coll().find({ filter: { appId }, limit: 1000, cursor });
      for (const doc of page.items) {
        const m = toMembership(doc);
        byUser.set(m.userId, m);
        if (m.team) {
          const owners = teams.get(m.team) ?? [];
          owners.push(m.email, m.userId);
          teams.set(m.team, owners);
        }
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const value = { byUser, teams };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(appId, { value, until: now + (this.options.cacheMs ?? 5000) });
    return value;
  }

  async list(appId: string): Promise<Membership[]> {
    return [...(await this.forApp(appId)).byUser.values()].sort((a, b) => a.email.localeCompare(b.email));
  }

  /** Creates or replaces a membership. `knownRoles` are the app's role ids (an unknown role is refused). */
  async put(appId: string, userId: string, input: unknown, knownRoles: string[]): Promise<Membership> {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Invalid('send {"roles": ["…"], "team": "…"}');
    const { roles, team } = input as { roles?: unknown; team?: unknown };
    const issues = membershipIssues(input, knownRoles);
    if (issues.length) throw new ValidationFailed('the membership is not valid', issues);
    const user = await this.accounts.getUser(userId).catch(() => {
      throw new NotFound(`no user ${userId}`);
    });
    const doc = {
      appId,
      userId,
      email: user.email,
      name: user.name,
      roles: [...new Set(roles as string[])].sort(),
      team: (team as string | null | undefined) ?? null,
    };
    const existing = (await this.coll().find({ filter: { appId, userId }, limit: 1 })).items[0];
    if (existing) await this.coll().update(existing.id, doc);
    else await this.coll().insert(doc);
    this.cache.delete(appId);
    return toMembership(doc as unknown as StoredDoc);
  }

  async remove(appId: string, userId: string): Promise<void> {
    const existing = (await this.coll().find({ filter: { appId, userId }, limit: 1 })).items[0];
    if (!existing) throw new NotFound(`user ${userId} is not a member of "${appId}"`);
    await this.coll().delete(existing.id);
    this.cache.delete(appId);
  }

  /** App ids the user is a member of (for the app list of members). */
  async appsOf(userId: string): Promise<Set<string>> {
    const page = await this.coll().find({ filter: { userId }, limit: 1000 });
    return new Set(page.items.map((d) => d.appId as string));
  }

  /** When an app is deleted, its memberships go with it. */
  async removeApp(appId: string): Promise<void> {
    for (;;) {
      const page = await this.coll().find({ filter: { appId }, limit: 500 });
      if (!page.items.length) break;
      for (const doc of page.items) await this.coll().delete(doc.id);
    }
    this.cache.delete(appId);
  }
}
