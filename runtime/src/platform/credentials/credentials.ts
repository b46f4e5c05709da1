import { VersionConflictError, type Store } from '@tessera/core/store';
import { Invalid, NotFound, Unavailable } from '../../domain-errors';
import { auditCredential } from './credential-audit';
import { parseRef } from './credential-input';
import { CREDENTIAL_TYPES, type CredentialInfo, type CredentialSecret, type OAuthTokens } from './credential-types';
import { CREDENTIALS, credentialAad, credentialId, type CredentialDoc } from './credentials-collection';
import type { Keyring, KeyringResult } from './keyring';
import { CredentialUnreadable, isSealed, open, seal } from './sealed-value';

/** Who stores a credential, as the audit trail and the list name them (null: the runtime or the CLI). */
export type CredentialAuthor = { id: string; email: string; name: string } | null;

export type OAuth2Secret = Extract<CredentialSecret, { type: 'oauth2' }>;

const what = (appId: string, ref: string) => `credential "${ref}" of app "${appId}"`;
/** A token refresh that keeps losing the race to other writers gives up after this many tries. */
const TOKEN_WRITE_TRIES = 5;

/**
 * The credentials vault: the secrets connections name by reference, encrypted at rest. This is
 * the module API the connector executor calls (server-side only); the HTTP routes expose only
 * put, delete and the metadata list. The secret never leaves through `listCredentials`, errors
 * or the audit trail.
 */
export class Credentials {
  private keys: KeyringResult | undefined;

  /** `loadKeys` runs once, on first use (or `prepare`): CLI commands that never touch the vault generate no key. */
  constructor(
    private readonly store: Store,
    private readonly loadKeys: () => KeyringResult,
  ) {}

  /** Loads the keyring now (`tessera start` does, so a bad key file or the key-file warning shows at start). */
  prepare(): void {
    this.keys ??= this.loadKeys();
  }

  get keyring(): Keyring {
    this.prepare();
    if (!this.keys!.ok) throw new Unavailable(this.keys!.reason);
    return this.keys!.keyring;
  }

  /** Metadata of every credential of an app, by ref: never a secret. */
  async listCredentials(appId: string): Promise<CredentialInfo[]> {
    const out: CredentialInfo[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store
        .collection(CREDENTIALS)
        .find({ filter: { appId }, sort: [{ field: 'ref', dir: 'asc' }], limit: 1000, cursor });
      for (const d of page.items as CredentialDoc[]) out.push(infoOf(d));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  /** The decrypted secret of `ref` (NotFound when the app has none; CredentialUnreadable when it cannot be decrypted). */
  async getCredential(appId: string, ref: string): Promise<CredentialSecret> {
    const doc = await this.doc(appId, ref);
    return this.decrypt(doc);
  }

  /** Stores (creates or replaces) a credential, encrypted with the primary key; audited without its value. */
  async putCredential(
    appId: string,
    ref: string,
    secret: CredentialSecret,
    by: CredentialAuthor,
  ): Promise<{ created: boolean; info: CredentialInfo }> {
    parseRef(ref);
    const keyring = this.keyring;
    return this.store.transaction(async (tx) => {
      const coll = tx.collection(CREDENTIALS);
      const id = credentialId(appId, ref);
      const before = (await coll.get(id)) as CredentialDoc | null;
      const doc = { appId, ref, ...sealedFields(keyring, appId, ref, secret), changedAt: new Date().toISOString(), changedBy: by };
      const after = (before ? await coll.replace(id, doc) : await coll.insert({ id, ...doc })) as CredentialDoc;
      await auditCredential(tx, { appId, ref, action: before ? 'update' : 'create', user: by, before, after });
      return { created: !before, info: infoOf(after) };
    });
  }

  /** Removes a credential (NotFound when there is none); audited. */
  async deleteCredential(appId: string, ref: string, by: CredentialAuthor): Promise<void> {
    await this.store.transaction(async (tx) => {
      const before = await this.doc(appId, ref, tx);
      await tx.collection(CREDENTIALS).delete(before.id);
      await auditCredential(tx, { appId, ref, action: 'delete', user: by, before, after: null });
    });
  }

  /**
   * Saves the tokens of an OAuth2 credential after the executor obtained or refreshed them.
   * Absent fields keep their stored value (a refresh that returns no new refresh token keeps the
   * old one). Written with the stored version: a concurrent write makes it read again and merge
   * with what is there, and tokens that expire before the stored ones (a refresh that started
   * earlier and finished later) do not replace them. Returns the credential as stored afterwards,
   * which is what the caller should use.
   */
  async updateOAuthTokens(appId: string, ref: string, tokens: OAuthTokens): Promise<OAuth2Secret> {
    const keyring = this.keyring;
    for (let attempt = 1; ; attempt++) {
      const doc = await this.doc(appId, ref);
      const current = this.decrypt(doc);
      if (current.type !== 'oauth2') throw new Invalid(`${what(appId, ref)} is of type ${current.type}, not oauth2: it has no tokens`);
      if (tokens.expiresAt && current.expiresAt && Date.parse(current.expiresAt) > Date.parse(tokens.expiresAt)) return current;
      const next: OAuth2Secret = {
        ...current,
        ...(tokens.accessToken !== undefined ? { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt } : {}),
        ...(tokens.refreshToken !== undefined ? { refreshToken: tokens.refreshToken } : {}),
      };
      if (next.expiresAt === undefined) delete next.expiresAt;
      try {
        await this.store.collection(CREDENTIALS).update(doc.id, sealedFields(keyring, appId, ref, next), { expectedVersion: doc.version });
        return next;
      } catch (err) {
        if (!(err instanceof VersionConflictError) || attempt >= TOKEN_WRITE_TRIES) throw err;
      }
    }
  }

  /** When an app is deleted its credentials go with it. */
  async removeApp(appId: string): Promise<void> {
    await this.store.collection(CREDENTIALS).deleteMany({ appId });
  }

  /** Decrypts a stored document; a damaged one is a CredentialUnreadable, never a crash. */
  decrypt(doc: CredentialDoc): CredentialSecret {
    const kind = CREDENTIAL_TYPES[doc.type];
    if (!kind || !isSealed(doc)) throw new CredentialUnreadable(`${what(doc.appId, doc.ref)} is damaged (its stored form is incomplete)`);
    const secret = open(this.keyring, doc, credentialAad(doc.appId, doc.ref, doc.type), what(doc.appId, doc.ref)) as Record<
      string,
      unknown
    >;
    const shown = Object.fromEntries(kind.plain.map((f) => [f, (doc as Record<string, unknown>)[f]]));
    return { ...secret, ...shown, type: doc.type } as CredentialSecret;
  }

  private async doc(appId: string, ref: string, store: Store = this.store): Promise<CredentialDoc> {
    const doc = (await store.collection(CREDENTIALS).get(credentialId(appId, ref))) as CredentialDoc | null;
    if (!doc) throw new NotFound(`app "${appId}" has no credential "${ref}"`);
    return doc;
  }
}

/** The stored fields of a secret: its type, the shown fields in clear, the rest sealed (bound to app, ref and type). */
export function sealedFields(keyring: Keyring, appId: string, ref: string, secret: CredentialSecret): Record<string, unknown> {
  const kind = CREDENTIAL_TYPES[secret.type];
  const all = secret as unknown as Record<string, unknown>;
  const hidden = Object.fromEntries([...kind.secret, ...kind.managed].filter((f) => all[f] !== undefined).map((f) => [f, all[f]]));
  const shown = Object.fromEntries(kind.plain.map((f) => [f, all[f]]));
  return { type: secret.type, ...shown, ...seal(keyring, hidden, credentialAad(appId, ref, secret.type)) };
}

function infoOf(d: CredentialDoc): CredentialInfo {
  const shown = Object.fromEntries((CREDENTIAL_TYPES[d.type]?.plain ?? []).map((f) => [f, (d as Record<string, unknown>)[f]]));
  return { ref: d.ref, type: d.type, set: true, ...shown, updatedAt: d.changedAt, updatedBy: d.changedBy ?? null };
}
