import path from 'node:path';
import { isEmailAddress } from '@tessera/core';
import { DEFAULT_MMAP_BYTES } from './store/sqlite/sqlite.store';
import { parseSecretKey } from './platform/credentials/secret-key';
import { AllowList } from '@tessera/connectors';

/** Runtime settings, read once from the environment at start; everything else receives this object. */
export interface RuntimeConfig {
  port: number;
  host: string;
  dataDir: string;
  /** `mongodb://…` selects the mongodb adapter; unset means the embedded SQLite file in dataDir. */
  dbUrl?: string;
  adminEmail?: string;
  adminPassword?: string;
  /** Largest accepted JSON body (app definitions, records). */
  maxBodyBytes: number;
  /** Import and publish the example apps on first start. */
  loadExamples: boolean;
  logLevel: string;
  sessionTtlHours: number;
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  secureCookies: boolean;
  /** How much of the SQLite file is read through a memory map (0 turns it off). */
  sqliteMmapBytes: number;
  /** On SIGTERM, how long requests in flight may take to finish before their connections are cut (TESSERA_SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (the sign-in back-off keys on
   * it): Express's `trust proxy` value (`loopback`, `10.0.0.0/8`, a hop count), TESSERA_TRUST_PROXY.
   * Off by default: a client could otherwise name any address and escape the back-off.
   */
  trustProxy: string | number | false;
  /** TESSERA_SECRET: the credentials vault's key (its form: platform/credentials/secret-key.ts); checked here, never logged. */
  secret?: string;
  /** TESSERA_SECRET_PREVIOUS: older keys, comma-separated, that still decrypt until `tessera secrets rotate` has run. */
  previousSecrets: string[];
  /**
   * TESSERA_OUTBOUND_ALLOW: exceptions to the refusal of private addresses for connector calls
   * (CIDRs, IPs, host names, comma-separated), e.g. `127.0.0.1,shop.internal` for a local API.
   * Checked at start: a malformed entry stops it with the entry named.
   */
  outboundAllow?: string;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** Accepts `5mb`, `512kb` or a byte count. */
export function parseBytes(value: string | undefined, fallback: number, name = 'size'): number {
  if (value === undefined || value === '') return fallback;
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(value.trim());
  if (!m) throw new Error(`${name} must look like 2mb, 512kb or a byte count, got "${value}"`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * unit);
}

function trustProxy(value: string | undefined): string | number | false {
  if (value === undefined || value === '' || value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<RuntimeConfig> = {}): RuntimeConfig {
  const config: RuntimeConfig = {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.TESSERA_DATA_DIR ?? '.tessera'),
    dbUrl: env.TESSERA_DB || undefined,
    adminEmail: env.TESSERA_ADMIN_EMAIL || undefined,
    adminPassword: env.TESSERA_ADMIN_PASSWORD || undefined,
    maxBodyBytes: parseBytes(env.TESSERA_MAX_BODY, 2 * 1024 * 1024, 'TESSERA_MAX_BODY'),
    loadExamples: env.TESSERA_EXAMPLES !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionTtlHours: int(env.TESSERA_SESSION_TTL_HOURS, 24 * 7, 'TESSERA_SESSION_TTL_HOURS'),
    secureCookies: env.TESSERA_SECURE_COOKIES === 'true',
    sqliteMmapBytes: parseBytes(env.TESSERA_SQLITE_MMAP, DEFAULT_MMAP_BYTES, 'TESSERA_SQLITE_MMAP'),
    shutdownGraceMs: int(env.TESSERA_SHUTDOWN_GRACE_MS, 10_000, 'TESSERA_SHUTDOWN_GRACE_MS'),
    trustProxy: trustProxy(env.TESSERA_TRUST_PROXY),
    secret: env.TESSERA_SECRET || undefined,
    previousSecrets: (env.TESSERA_SECRET_PREVIOUS ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
    outboundAllow: env.TESSERA_OUTBOUND_ALLOW || undefined,
    ...overrides,
  };
  // The rule the sign-in and every email field use: refused before anything is opened or created.
  if (config.adminEmail !== undefined && !isEmailAddress(config.adminEmail))
    throw new Error(`TESSERA_ADMIN_EMAIL "${config.adminEmail}" is not an email address (like admin@example.com)`);
  // A malformed or weak key is refused before anything is encrypted with it.
  if (config.secret !== undefined) parseSecretKey(config.secret);
  AllowList.parse(config.outboundAllow);
  config.previousSecrets.forEach((v, i) => parseSecretKey(v, `TESSERA_SECRET_PREVIOUS (key ${i + 1})`));
  return config;
}
