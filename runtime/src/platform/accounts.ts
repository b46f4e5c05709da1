import type { Store, StoredDoc } from '@tessera/core/store';
import { UniqueViolationError } from '@tessera/core/store';
import { isEmailAddress } from '@tessera/core';
import { Conflict, Invalid, NotFound } from '../domain-errors';
import { hashPassword, passwordProblem, randomSecret, sha256, verifyPassword } from './passwords';
import { API_KEYS, SESSIONS, USERS } from './platform-collections';

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
}

export interface ApiKeyInfo {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  createdAt: string;
  lastUsedAt?: string;
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
 * the database notice within `cacheMs`.
 */
export class Accounts {
  private readonly keyCache = new Map<string, { principal: Principal; until: number }>();

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

  async updateUser(id: string, patch: { name?: unknown; role?: unknown; disabled?: unknown; password?: unknown }): Promise<User> {
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
    this.keyCache.clear();
    return toUser(doc);
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

  async endSession(token: string): Promise<void> {
    const id = sha256(token);
    if (await this.store.collection(SESSIONS).get(id)) await this.store.collection(SESSIONS).delete(id);
  }

  async principalForSession(token: string): Promise<Principal | null> {
    const session = await this.store.collection(SESSIONS).get(sha256(token));
    if (!session || (session.expiresAt as string) < this.now().toISOString()) return null;
    const user = await this.store.collection(USERS).get(session.userId as string);
    if (!user || user.disabled) return null;
    return { user: toUser(user), via: 'session' };
  }

  /** Creates an API key for a user; the key is returned once and only its hash is kept. */
  async createApiKey(userId: string, name: unknown): Promise<{ key: string; info: ApiKeyInfo }> {
    await this.getUser(userId);
    const key = `tsk_${randomSecret(24)}`;
    const doc = await this.store.collection(API_KEYS).insert({
      id: sha256(key),
      userId,
      name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 100) : 'API key',
      prefix: key.slice(0, 8),
    });
    return { key, info: toKeyInfo(doc) };
  }

  async listApiKeys(userId?: string): Promise<ApiKeyInfo[]> {
    const page = await this.store.collection(API_KEYS).find({ filter: userId ? { userId } : {}, limit: 1000 });
    return page.items.map(toKeyInfo);
  }

  async deleteApiKey(id: string, userId?: string): Promise<void> {
    const doc = await this.store.collection(API_KEYS).get(id);
    if (!doc || (userId && doc.userId !== userId)) throw new NotFound(`no API key ${id}`);
    await this.store.collection(API_KEYS).delete(id);
    this.keyCache.clear();
  }

  async principalForApiKey(key: string): Promise<Principal | null> {
    // Keyed by the key itself so a hit costs no hashing; the map lives only in this process's memory.
    const cached = this.keyCache.get(key);
    const now = Date.now();
    if (cached && cached.until > now) return cached.principal;
    const doc = await this.store.collection(API_KEYS).get(sha256(key));
    if (!doc) return null;
    const user = await this.store.collection(USERS).get(doc.userId as string);
    if (!user || user.disabled) return null;
    const principal: Principal = { user: toUser(user), via: 'apiKey' };
    if (this.keyCache.size > 10_000) this.keyCache.clear();
    this.keyCache.set(key, { principal, until: now + (this.options.cacheMs ?? 10_000) });
    return principal;
  }
}

function toKeyInfo(doc: StoredDoc): ApiKeyInfo {
  return { id: doc.id, name: doc.name as string, prefix: doc.prefix as string, userId: doc.userId as string, createdAt: doc.createdAt };
}
