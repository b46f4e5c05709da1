import { generateKeyFile, keyFilePath, keyIdOf, parseSecretKey, readKeyFile } from './secret-key';

/**
 * The keys the vault knows: the primary encrypts every new write; the others still decrypt what
 * they encrypted, until `tessera secrets rotate` has re-encrypted it with the primary.
 */
export class Keyring {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(
    readonly primaryId: string,
    keys: Map<string, Buffer>,
  ) {
    if (!keys.has(primaryId)) throw new Error('the primary key must be in the keyring');
    this.keys = keys;
  }

  static of(primary: Buffer, others: Buffer[] = []): Keyring {
    const keys = new Map<string, Buffer>();
    for (const k of [primary, ...others]) keys.set(keyIdOf(k), k);
    return new Keyring(keyIdOf(primary), keys);
  }

  get primary(): Buffer {
    return this.keys.get(this.primaryId)!;
  }

  key(id: string): Buffer | undefined {
    return this.keys.get(id);
  }

  get ids(): string[] {
    return [...this.keys.keys()];
  }
}

export interface KeySources {
  /** TESSERA_SECRET. */
  secret?: string;
  /** TESSERA_SECRET_PREVIOUS: older keys, still read during a rotation. */
  previous: string[];
  dataDir: string;
  /** The embedded store (no TESSERA_DB): a key may be generated into the data directory. */
  embedded: boolean;
}

export type KeyringResult =
  | { ok: true; keyring: Keyring; source: 'env' | 'generated' | 'file' }
  /** No key: the vault refuses to store or read credentials, with this reason. */
  | { ok: false; reason: string };

/**
 * The keyring from configuration. With TESSERA_SECRET it is the primary, and a key file left in
 * the data directory by an embedded start before it was set still decrypts (so moving to
 * TESSERA_SECRET is: set it, run `tessera secrets rotate`, delete the file). Without it, the
 * embedded mode uses (or generates) the data directory's key file; several runtimes sharing a
 * MongoDB have no common directory, so they need TESSERA_SECRET.
 */
export function loadKeyring(src: KeySources): KeyringResult {
  const previous = src.previous.map((v, i) => parseSecretKey(v, `TESSERA_SECRET_PREVIOUS (key ${i + 1})`));
  const fileKey = readKeyFile(src.dataDir);
  if (src.secret !== undefined) {
    const primary = parseSecretKey(src.secret);
    return { ok: true, keyring: Keyring.of(primary, [...previous, ...(fileKey ? [fileKey] : [])]), source: 'env' };
  }
  if (!src.embedded)
    return { ok: false, reason: 'the credentials vault needs TESSERA_SECRET (a shared store has no data directory to keep a key in)' };
  if (fileKey) return { ok: true, keyring: Keyring.of(fileKey, previous), source: 'file' };
  return { ok: true, keyring: Keyring.of(generateKeyFile(src.dataDir), previous), source: 'generated' };
}

/** The warning logged at start when credentials are encrypted with a key kept beside the data. */
export function keyFileWarning(dataDir: string, source: 'generated' | 'file'): string {
  const file = keyFilePath(dataDir);
  return source === 'generated'
    ? `TESSERA_SECRET is not set: generated the credentials key ${file}; back it up with the data (without it stored credentials cannot be read), or set TESSERA_SECRET`
    : `TESSERA_SECRET is not set: credentials are encrypted with the key in ${file}, stored beside the data; set TESSERA_SECRET in production`;
}
