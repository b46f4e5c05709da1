import type { Store, StoredDoc } from '@tessera/core/store';
import { UniqueViolationError } from '@tessera/core/store';
import { isEmailAddress } from '@tessera/core';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain-errors';
import { hashPassword, passwordProblem, randomSecret, sha256, verifyPassword } from './passwords';
import { API_KEYS, SESSIONS, USERS } from './platform-collections';
import { narrowScope, parseKeyScope, type KeyScope } from './key-scope';
import { endSessionsOf, revokeDescendants } from './key-revocation';

/** Platform roles. App-level roles (rep, manager…) are defined per app and assigned separately. */
export type PlatformRole = 'admin' | 'builder' | 'member';
export const PLATFORM_ROLES: PlatformRole[] = ['admin', 'builder', 'member'];

export interface User {
  id: string;
  email: string;
  name: string;
  role: PlatformRole;
  disabled: boolean;
  createdAt: string;
}

/** Who is making a request. */
export interface Principal {
  user: User;
  via: 'session' | 'apiKey';
  /** Signed in by cookie: the session's id (sha256 of its token), recorded as the parent of keys it mints. */
  sessionId?: string;
  /** Signed in by API key: its id and scope (enforced for every route by http/key-scope.middleware.ts). */
  key?: { id: string; scope: KeyScope };
}

export interface ApiKeyInfo {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  createdAt: string;
  lastUsedAt?: string;
  /** Only these apps (absent: every app the user may use). */
  apps?: string[];
  readOnly: boolean;
  /** What minted it: revoking that (signing out, a password change, deleting the key) revokes this key too. */
  createdBy?: { via: 'session' } | { via: 'apiKey'; keyId: string };
}

/** How an email is stored and looked up (and keyed by the sign-in limiter): trimmed, lower case. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

function toUser(doc: StoredDoc): User {
  return {
    id: doc.id,
    email: doc.email as string,
    name: (doc.name as string) ?? '',
    role: doc.role as PlatformRole,
    disabled: Boolean(doc.disabled),
    createdAt: doc.createdAt,
  };
}

/**
 * Users, sessions and API keys. Principals looked up by key are cached for a few seconds: every
 * API request authenticates, and a store round trip per request is the single largest cost of a
 * small read. A revoked key is dropped from this process's cache at once; other processes sharing
 * the database notice within `cacheMs`. Keys die with what minted them: signing out revokes the
 * session's keys, a password change the keys of the sessions it ends, a deleted key its children.
 */
/** How far up a key's chain of parents a lookup checks (each step is one read, once per cache period). */
const MAX_KEY_CHAIN = 8;

export class Accounts {
  private readonly keyCache = new Map<string, { principal: Principal; until: number }>();
  /** Bumped whenever keys or users change: a lookup that started before must not cache what it read. */
  private keyGeneration = 0;

  constructor(
    private readonly store: Store,
    private readonly options: { sessionTtlHours: number; cacheMs?: number; now?: () => Date } = { sessionTtlHours: 168 },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async createUser(input: { email: unknown; password: unknown; name?: unknown; role?: unknown }): Promise<User> {
    const email = typeof input.email === 'string' ? normalizeEmail(input.email) : '';
    if (!isEmailAddress(email))
      throw new Invalid(`"${email}" is not an email address (like name@example.com)`, [
        { pointer: '/email', message: 'not an email address' },
      ]);
    const pwProblem = passwordProblem(input.password, email);
    if (pwProblem) throw new Invalid(pwProblem, [{ pointer: '/password', message: pwProblem }]);
    const role = (input.role ?? 'member') as PlatformRole;
    if (!PLATFORM_ROLES.includes(role)) {
      throw new Invalid(`role must be one of ${PLATFORM_ROLES.join(', ')}`, [{ pointer: '/role', message: 'unknown role' }]);
    }
    const name = typeof input.name === 'string' ? input.name.slice(0, 200) : email.split('@')[0];
    try {
      const doc = await this.store.collection(USERS).insert({
        email,
        name,
        role,
        disabled: false,
        passwordHash: await hashPassword(input.password as string),
      });
      return toUser(doc);
    } catch (err) {
      if (err instanceof UniqueViolationError) throw new Conflict(`a user with email ${email} already exists`);
      throw err;
    }
  }

  async listUsers(): Promise<User[]> {
    const page = await this.store.collection(USERS).find({ sort: [{ field: 'email', dir: 'asc' }], limit: 1000 });
    return page.items.map(toUser);
  }

  async getUser(id: string): Promise<User> {
    const doc = await this.store.collection(USERS).get(id);
    if (!doc) throw new NotFound(`no user ${id}`);
    return toUser(doc);
  }

  async findUserByEmail(email: string): Promise<(User & { passwordHash: string }) | null> {
    const page = await this.store.collection(USERS).find({ filter: { email: normalizeEmail(email) }, limit: 1 });
    const doc = page.items[0];
    return doc ? { ...toUser(doc), passwordHash: doc.passwordHash as string } : null;
  }

  /**
   * A new password ends every session of the user but `options.keepSession` (an admin changing
   * their own password stays signed in) and revokes the keys those sessions minted.
   */
  async updateUser(
    id: string,
    patch: { name?: unknown; role?: unknown; disabled?: unknown; password?: unknown },
    options: { keepSession?: string } = {},
  ): Promise<User> {
    const changes: Record<string, unknown> = {};
    if (patch.name !== undefined) changes.name = String(patch.name).slice(0, 200);
    if (patch.role !== undefined) {
      if (!PLATFORM_ROLES.includes(patch.role as PlatformRole)) throw new Invalid(`role must be one of ${PLATFORM_ROLES.join(', ')}`);
      changes.role = patch.role;
    }
    if (patch.disabled !== undefined) changes.disabled = Boolean(patch.disabled);
    const existing = await this.store.collection(USERS).get(id);
    if (!existing) throw new NotFound(`no user ${id}`);
    if (patch.password !== undefined) {
      const problem = passwordProblem(patch.password, existing.email as string);
      if (problem) throw new Invalid(problem, [{ pointer: '/password', message: problem }]);
      changes.passwordHash = await hashPassword(patch.password as string);
    }
    const doc = await this.store.collection(USERS).update(id, changes);
    if (changes.passwordHash) await endSessionsOf(this.store, id, options.keepSession);
    this.forgetKeys();
    return toUser(doc);
  }

  /**
   * The signed-in user's own password: the current one must match (Forbidden otherwise, nothing
   * changed), the new one must pass the password rules. Every other session of the user ends and
   * the keys they minted are revoked; the caller's session (if signed in by cookie) stays.
   */
  async changeOwnPassword(principal: Principal, input: { currentPassword?: unknown; newPassword?: unknown }): Promise<void> {
    if (typeof input.currentPassword !== 'string' || !input.currentPassword)
      throw new Invalid('send the current password', [{ pointer: '/currentPassword', message: 'required' }]);
    const doc = await this.store.collection(USERS).get(principal.user.id);
    if (!doc || doc.disabled) throw new NotFound(`no user ${principal.user.id}`);
    if (!(await verifyPassword(input.currentPassword, doc.passwordHash as string)))
      throw new Forbidden('the current password is wrong', { issues: [{ pointer: '/currentPassword', message: 'wrong password' }] });
    const problem = passwordProblem(input.newPassword, doc.email as string);
    if (problem) throw new Invalid(problem, [{ pointer: '/newPassword', message: problem }]);
    if (input.newPassword === input.currentPassword)
      throw new Invalid('the new password is the current one', [{ pointer: '/newPassword', message: 'same as the current password' }]);
    await this.updateUser(principal.user.id, { password: input.newPassword }, { keepSession: principal.sessionId });
  }

  /** Returns the user when email and password match an enabled account, otherwise null. */
  async authenticate(email: string, password: string): Promise<User | null> {
    const found = await this.findUserByEmail(email);
    if (!found || found.disabled) {
      // Hash anyway so a missing account takes as long as a wrong password.
      await verifyPassword(password, 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      return null;
    }
    const { passwordHash, ...user } = found;
    return (await verifyPassword(password, passwordHash)) ? user : null;
  }

  async createSession(userId: string): Promise<{ token: string; expiresAt: string }> {
    const token = randomSecret(32);
    const expiresAt = new Date(this.now().getTime() + this.options.sessionTtlHours * 3600_000).toISOString();
    await this.store.collection(SESSIONS).insert({ id: sha256(token), userId, expiresAt });
    return { token, expiresAt };
  }

  /** Signing out: the session ends and the keys it minted (and theirs) are revoked. */
  async endSession(token: string): Promise<void> {
    const id = sha256(token);
    await this.store.collection(SESSIONS).deleteMany({ id });
    if ((await revokeDescendants(this.store, { sessions: [id] })).length) this.forgetKeys();
  }

  async principalForSession(token: string): Promise<Principal | null> {
    const session = await this.store.collection(SESSIONS).get(sha256(token));
    if (!session || (session.expiresAt as string) < this.now().toISOString()) return null;
    const user = await this.store.collection(USERS).get(session.userId as string);
    if (!user || user.disabled) return null;
    return { user: toUser(user), via: 'session', sessionId: session.id };
  }

  /**
   * Creates an API key for a user; the key is returned once and only its hash is kept. `mintedBy`
   * is the principal asking (absent for keys made by the platform itself): the key records it as
   * its parent, dies with it, and gets no wider a scope than a parent key's.
   */
  async createApiKey(
    userId: string,
    name: unknown,
    options: { apps?: unknown; readOnly?: unknown; mintedBy?: Principal } = {},
  ): Promise<{ key: string; info: ApiKeyInfo }> {
    const parent = options.mintedBy;
    const scope = narrowScope(parseKeyScope(options), parent?.key?.scope);
    await this.getUser(userId);
    const key = `tsk_${randomSecret(24)}`;
    const doc = await this.store.collection(API_KEYS).insert({
      id: sha256(key),
      userId,
      name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 100) : 'API key',
      prefix: key.slice(0, 8),
      apps: scope.apps ?? null,
      readOnly: scope.readOnly,
      createdBySession: parent?.sessionId ?? null,
      createdByKey: parent?.key?.id ?? null,
    });
    // Checked after the insert: a parent revoked meanwhile either found this key or is gone now.
    if (parent && !(await this.parentExists(parent))) {
      await this.store.collection(API_KEYS).deleteMany({ id: doc.id });
      throw new Forbidden('the session or API key minting this key has ended');
    }
    return { key, info: toKeyInfo(doc) };
  }

  private async parentExists(parent: Principal): Promise<boolean> {
    if (parent.sessionId) return !!(await this.store.collection(SESSIONS).get(parent.sessionId));
    if (parent.key) return !!(await this.store.collection(API_KEYS).get(parent.key.id));
    return true;
  }

  async listApiKeys(userId?: string): Promise<ApiKeyInfo[]> {
    const page = await this.store.collection(API_KEYS).find({ filter: userId ? { userId } : {}, limit: 1000 });
    return page.items.map(toKeyInfo);
  }

  /** Revokes a key (of `userId` only, when given) and every key minted by it, transitively. */
  async deleteApiKey(id: string, userId?: string): Promise<void> {
    const doc = await this.store.collection(API_KEYS).get(id);
    if (!doc || (userId && doc.userId !== userId)) throw new NotFound(`no API key ${id}`);
    await this.store.collection(API_KEYS).deleteMany({ id });
    await revokeDescendants(this.store, { keys: [id] });
    this.forgetKeys();
  }

  /** Whether the session or key that minted `doc` (and its own parent, and so on) still exists and has not expired. */
  private async parentAlive(doc: StoredDoc, depth = 0): Promise<boolean> {
    if (doc.createdBySession) {
      const session = await this.store.collection(SESSIONS).get(doc.createdBySession as string);
      return !!session && (session.expiresAt as string) >= this.now().toISOString();
    }
    if (!doc.createdByKey) return true; // made by the platform or by an admin's tooling
    if (depth >= MAX_KEY_CHAIN) return true; // deeper chains are ended by revocation alone
    const parent = await this.store.collection(API_KEYS).get(doc.createdByKey as string);
    return !!parent && this.parentAlive(parent, depth + 1);
  }

  private forgetKeys(): void {
    this.keyCache.clear();
    this.keyGeneration++;
  }

  async principalForApiKey(key: string): Promise<Principal | null> {
    // Keyed by the key itself so a hit costs no hashing; the map lives only in this process's memory.
    const cached = this.keyCache.get(key);
    const now = Date.now();
    const generation = this.keyGeneration;
    if (cached && cached.until > now) return cached.principal;
    const doc = await this.store.collection(API_KEYS).get(sha256(key));
    if (!doc) return null;
    if (!(await this.parentAlive(doc))) {
      // Its session expired (nothing revoked it then) or a revocation was cut short: it goes now.
      await this.store.collection(API_KEYS).deleteMany({ id: doc.id });
      await revokeDescendants(this.store, { keys: [doc.id] });
      this.forgetKeys();
      return null;
    }
    const user = await this.store.collection(USERS).get(doc.userId as string);
    if (!user || user.disabled) return null;
    const principal: Principal = { user: toUser(user), via: 'apiKey', key: { id: doc.id, scope: scopeOf(doc) } };
    if (this.keyCache.size > 10_000) this.keyCache.clear();
    if (generation === this.keyGeneration) this.keyCache.set(key, { principal, until: now + (this.options.cacheMs ?? 10_000) });
    return principal;
  }
}

/** Keys made before scopes existed have neither field: every app, read and write. */
function scopeOf(doc: StoredDoc): KeyScope {
  return { ...(Array.isArray(doc.apps) ? { apps: doc.apps as string[] } : {}), readOnly: doc.readOnly === true };
}

function toKeyInfo(doc: StoredDoc): ApiKeyInfo {
  const createdBy: ApiKeyInfo['createdBy'] = doc.createdByKey
    ? { via: 'apiKey', keyId: doc.createdByKey as string }
    : doc.createdBySession
      ? { via: 'session' } // the session id stays private: it is the key of the sessions table
      : undefined;
  return {
    id: doc.id,
    name: doc.name as string,
    prefix: doc.prefix as string,
    userId: doc.userId as string,
    createdAt: doc.createdAt,
    ...scopeOf(doc),
    ...(createdBy ? { createdBy } : {}),
  };
}
