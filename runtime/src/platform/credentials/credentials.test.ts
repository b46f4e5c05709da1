/**
 * The vault's module API (what the connector executor calls) on a real SQLite file: each type
 * round-trips, lists show no secret, changes are audited without values, damaged or moved values
 * are reported, concurrent token refreshes keep the newest tokens, and a key rotation in batches
 * can be cut short and resumed.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Store } from '@tessera/core/store';
import { createSqliteStore } from '../../store/sqlite/sqlite.store';
import { AUDIT, PLATFORM_COLLECTIONS } from '../platform-collections';
import { Credentials } from './credentials';
import { CREDENTIALS, credentialId } from './credentials-collection';
import { Keyring } from './keyring';
import { rotateCredentials, type RotationProgress } from './rotate-credentials';

const SECRET = 'Vault-Module-Secret-9f3b';
const ANN = { id: 'u1', email: 'ann@t.test', name: 'Ann' };

let dir: string;
let store: Store;
const oldKey = randomBytes(32);
const vault = (ring: Keyring) => new Credentials(store, () => ({ ok: true, keyring: ring, source: 'env' }));
let credentials: Credentials;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-vault-'));
  store = createSqliteStore({ file: path.join(dir, 'tessera.db') });
  for (const spec of PLATFORM_COLLECTIONS) await store.ensureCollection(spec);
  credentials = vault(Keyring.of(oldKey));
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the credentials vault', () => {
  it('stores each type encrypted and returns it decrypted; the list shows only what may be shown', async () => {
    await credentials.putCredential('crm', 'shop', { type: 'apiKey', key: SECRET }, ANN);
    await credentials.putCredential('crm', 'erp', { type: 'basic', username: 'svc', password: SECRET }, ANN);
    await credentials.putCredential('crm', 'tickets', { type: 'bearer', token: SECRET }, null);
    await credentials.putCredential('crm', 'wechat', { type: 'oauth2', clientId: 'cid', clientSecret: SECRET }, ANN);
    await credentials.putCredential('other', 'shop', { type: 'apiKey', key: 'another app' }, ANN);

    expect(await credentials.getCredential('crm', 'shop')).toEqual({ type: 'apiKey', key: SECRET });
    expect(await credentials.getCredential('crm', 'erp')).toEqual({ type: 'basic', username: 'svc', password: SECRET });
    expect(await credentials.getCredential('crm', 'tickets')).toEqual({ type: 'bearer', token: SECRET });
    expect(await credentials.getCredential('crm', 'wechat')).toEqual({ type: 'oauth2', clientId: 'cid', clientSecret: SECRET });
    expect(await credentials.getCredential('other', 'shop')).toEqual({ type: 'apiKey', key: 'another app' });

    const list = await credentials.listCredentials('crm');
    expect(list.map((c) => [c.ref, c.type])).toEqual([
      ['erp', 'basic'],
      ['shop', 'apiKey'],
      ['tickets', 'bearer'],
      ['wechat', 'oauth2'],
    ]);
    expect(list[0]).toEqual({ ref: 'erp', type: 'basic', set: true, username: 'svc', updatedAt: expect.any(String), updatedBy: ANN });
    expect(list[3]).toMatchObject({ clientId: 'cid', set: true });
    expect(JSON.stringify(list)).not.toContain(SECRET);
    const stored = await store.collection(CREDENTIALS).find({ limit: 100 });
    expect(JSON.stringify(stored)).not.toContain(SECRET);
  });

  it('replaces a credential (type included), deletes it, and audits both without the value', async () => {
    expect((await credentials.putCredential('crm', 'erp', { type: 'basic', username: 'svc', password: SECRET }, ANN)).created).toBe(true);
    const replaced = await credentials.putCredential('crm', 'erp', { type: 'bearer', token: `${SECRET}-2` }, ANN);
    expect(replaced).toEqual({ created: false, info: expect.not.objectContaining({ username: expect.anything() }) });
    expect(await credentials.getCredential('crm', 'erp')).toEqual({ type: 'bearer', token: `${SECRET}-2` });
    await credentials.deleteCredential('crm', 'erp', ANN);
    await expect(credentials.getCredential('crm', 'erp')).rejects.toThrow('app "crm" has no credential "erp"');
    await expect(credentials.deleteCredential('crm', 'erp', ANN)).rejects.toThrow(/no credential "erp"/);

    const audit = (await store.collection(AUDIT).find({ filter: { appId: 'crm' }, sort: [{ field: 'at', dir: 'asc' }] })).items;
    expect(audit.map((a) => [a.entity, a.recordId, a.action])).toEqual([
      ['_credentials', 'erp', 'create'],
      ['_credentials', 'erp', 'update'],
      ['_credentials', 'erp', 'delete'],
    ]);
    expect(audit[0]).toMatchObject({
      user: ANN,
      changes: expect.arrayContaining([{ field: 'password', from: null, to: null, secret: true }]),
    });
    expect(audit[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'type', from: 'basic', to: 'bearer' },
        { field: 'username', from: 'svc', to: null },
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });

  it('refuses a credential reference the definition could not name', async () => {
    await expect(credentials.putCredential('crm', '1bad ref', { type: 'bearer', token: SECRET }, ANN)).rejects.toThrow(
      /a credential reference is a letter/,
    );
  });

  it('reports a tampered value, or one copied to another reference, with an error that names it', async () => {
    await credentials.putCredential('crm', 'shop', { type: 'apiKey', key: SECRET }, ANN);
    await credentials.putCredential('crm', 'erp', { type: 'apiKey', key: 'other' }, ANN);
    const coll = store.collection(CREDENTIALS);
    const shop = (await coll.get(credentialId('crm', 'shop')))!;
    // An attacker with write access to the store copies the shop key into erp: it does not decrypt there.
    await coll.update(credentialId('crm', 'erp'), { iv: shop.iv, tag: shop.tag, ciphertext: shop.ciphertext });
    await expect(credentials.getCredential('crm', 'erp')).rejects.toThrow(/credential "erp" of app "crm" failed its integrity check/);
    const bytes = Buffer.from(String(shop.ciphertext), 'base64');
    bytes[1] ^= 0xff;
    await coll.update(shop.id, { ciphertext: bytes.toString('base64') });
    await expect(credentials.getCredential('crm', 'shop')).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/altered/),
    });
    await coll.update(shop.id, { tag: null });
    await expect(credentials.getCredential('crm', 'shop')).rejects.toThrow(/is damaged/);
  });

  it('keeps the newest OAuth tokens when two refreshes race, and a refresh without a new refresh token keeps the old one', async () => {
    await credentials.putCredential('crm', 'wechat', { type: 'oauth2', clientId: 'cid', clientSecret: SECRET, refreshToken: 'r0' }, ANN);
    const soon = new Date(Date.now() + 60_000).toISOString();
    const later = new Date(Date.now() + 120_000).toISOString();
    // Both started with r0; the one whose tokens live longer is the newer; it must survive whatever order the writes land in.
    const results = await Promise.all([
      credentials.updateOAuthTokens('crm', 'wechat', { accessToken: 'a-later', refreshToken: 'r-later', expiresAt: later }),
      credentials.updateOAuthTokens('crm', 'wechat', { accessToken: 'a-soon', refreshToken: 'r-soon', expiresAt: soon }),
    ]);
    const stored = await credentials.getCredential('crm', 'wechat');
    expect(stored).toMatchObject({ accessToken: 'a-later', refreshToken: 'r-later', expiresAt: later, clientSecret: SECRET });
    expect(results[1]).toMatchObject({ refreshToken: stored.type === 'oauth2' ? stored.refreshToken : '' });
    const next = new Date(Date.now() + 300_000).toISOString();
    await credentials.updateOAuthTokens('crm', 'wechat', { accessToken: 'a-next', expiresAt: next });
    expect(await credentials.getCredential('crm', 'wechat')).toMatchObject({
      accessToken: 'a-next',
      refreshToken: 'r-later',
      expiresAt: next,
    });
    // A token refresh is not a person's change: the list's updatedBy/updatedAt stay, and nothing is audited.
    expect((await credentials.listCredentials('crm'))[0].updatedBy).toEqual(ANN);
    expect(await store.collection(AUDIT).count({ appId: 'crm' })).toBe(1);
    await credentials.putCredential('crm', 'plain', { type: 'bearer', token: 't' }, ANN);
    await expect(credentials.updateOAuthTokens('crm', 'plain', { accessToken: 'x' })).rejects.toThrow(/is of type bearer, not oauth2/);
  });

  it('says the vault needs TESSERA_SECRET when there is no key', async () => {
    const none = new Credentials(store, () => ({ ok: false, reason: 'the credentials vault needs TESSERA_SECRET' }));
    await expect(none.putCredential('crm', 'x', { type: 'bearer', token: SECRET }, ANN)).rejects.toMatchObject({
      kind: 'unavailable',
      message: 'the credentials vault needs TESSERA_SECRET',
    });
  });
});

describe('key rotation', () => {
  it('re-encrypts in batches with progress, resumes after being cut short, and leaves the old key unused', async () => {
    for (let i = 0; i < 25; i++) await credentials.putCredential(`app${i % 3}`, `ref${i}`, { type: 'apiKey', key: `${SECRET}-${i}` }, ANN);
    const newKey = randomBytes(32);
    const rotating = vault(Keyring.of(newKey, [oldKey]));
    await rotating.putCredential('app0', 'fresh', { type: 'bearer', token: SECRET }, ANN); // already under the new key

    // The first run dies after its first batch.
    const seen: RotationProgress[] = [];
    await expect(
      rotateCredentials(store, rotating, {
        batchSize: 10,
        onProgress: (p) => {
          seen.push(p);
          throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(seen).toEqual([{ done: 10, total: 25 }]);
    expect(await store.collection(CREDENTIALS).count({ keyId: rotating.keyring.primaryId })).toBe(11);

    const progress: RotationProgress[] = [];
    const result = await rotateCredentials(store, rotating, { batchSize: 10, onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([
      { done: 10, total: 15 },
      { done: 15, total: 15 },
    ]);
    expect(result).toMatchObject({ done: 15, total: 15, failed: [], stillUsed: [] });

    // The old key can go: everything decrypts with the new one alone.
    const onlyNew = vault(Keyring.of(newKey));
    for (let i = 0; i < 25; i++)
      expect(await onlyNew.getCredential(`app${i % 3}`, `ref${i}`)).toEqual({ type: 'apiKey', key: `${SECRET}-${i}` });
    expect(await rotateCredentials(store, onlyNew)).toEqual({ done: 0, total: 0, failed: [], stillUsed: [] });
  });

  it('passes over a credential it cannot decrypt, reports it and the key it still uses', async () => {
    await credentials.putCredential('crm', 'ok', { type: 'bearer', token: SECRET }, ANN);
    const lost = randomBytes(32);
    await vault(Keyring.of(lost)).putCredential('crm', 'orphan', { type: 'bearer', token: SECRET }, ANN);
    const rotating = vault(Keyring.of(randomBytes(32), [oldKey]));
    const result = await rotateCredentials(store, rotating, { batchSize: 1 });
    expect(result.done).toBe(1);
    expect(result.failed).toEqual([
      { appId: 'crm', ref: 'orphan', reason: expect.stringMatching(/encrypted with key "[0-9a-f]{16}", which is not configured/) },
    ]);
    expect(result.stillUsed).toEqual([Keyring.of(lost).primaryId]);
  });
});
