/**
 * The connectors installed on this server: the built-ins (code, always there) and the manifests
 * installed from an OpenAPI import or a registry (stored in `_connectors`, one document per
 * name and version). A version, once installed, never changes: installing it again with other
 * contents is refused (the integrity hash says so). Connections pick the highest installed
 * version that satisfies their semver range, so resolution is synchronous over a cache that
 * `refresh()` reloads from the store (at start, and before a publish checks a definition).
 */
import { createHash } from 'node:crypto';
import semver from 'semver';
import { validateConnectorManifest, type ConnectorManifest, type ConnectorResolver } from '@tessera/core';
import type { CodeConnector, OperationHandler } from '@tessera/connectors';
import type { CollectionSpec, Store, StoredDoc } from '@tessera/core/store';
import { Conflict, Invalid, NotFound, ValidationFailed } from '../../domain-errors';

export const CONNECTORS = '_connectors';
export const CONNECTORS_COLLECTION: CollectionSpec = { name: CONNECTORS, fields: [{ name: 'name', kind: 'string', indexed: true }] };

export type ConnectorSource = 'builtin' | 'openapi' | 'registry' | 'manifest';

export interface InstalledConnector {
  name: string;
  version: string;
  title: string;
  description?: string;
  source: ConnectorSource;
  /** sha256 of the manifest's canonical JSON, `sha256-<base64>` (Subresource Integrity style). */
  integrity: string;
  operations: number;
  deprecated?: string;
  installedAt?: string;
  installedBy?: string;
}

interface Entry {
  manifest: ConnectorManifest;
  info: InstalledConnector;
  /** Built-in code connectors: their operations' functions. */
  handlers?: CodeConnector['handlers'];
}

/** JSON with keys sorted at every level: the same manifest always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export const integrityOf = (manifest: ConnectorManifest) => `sha256-${createHash('sha256').update(canonical(manifest)).digest('base64')}`;

const docId = (name: string, version: string) => `${name}:${version}`;

export class ConnectorCatalogue {
  private readonly builtins = new Map<string, Entry>();
  private installed = new Map<string, Entry>();

  constructor(
    private readonly store: Store,
    builtins: readonly CodeConnector[] = [],
  ) {
    for (const { manifest, handlers } of builtins) {
      const info = describe(manifest, 'builtin', integrityOf(manifest));
      this.builtins.set(docId(manifest.name, manifest.version), { manifest, info, handlers });
    }
  }

  /** The function of a built-in code operation (undefined for declarative ones). */
  handlerFor(manifest: ConnectorManifest, operation: string): OperationHandler | undefined {
    return this.builtins.get(docId(manifest.name, manifest.version))?.handlers?.[operation];
  }

  private get docs() {
    return this.store.collection(CONNECTORS);
  }

  async refresh(): Promise<void> {
    const next = new Map<string, Entry>();
    let cursor: string | undefined;
    do {
      const page = await this.docs.find({ limit: 1000, cursor });
      for (const doc of page.items) next.set(doc.id, fromDoc(doc));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    this.installed = next;
  }

  private all(): Entry[] {
    return [...this.builtins.values(), ...this.installed.values()];
  }

  list(): InstalledConnector[] {
    return this.all()
      .map((e) => e.info)
      .sort((a, b) => a.name.localeCompare(b.name) || semver.rcompare(a.version, b.version));
  }

  get(name: string, version: string): ConnectorManifest {
    const entry = this.builtins.get(docId(name, version)) ?? this.installed.get(docId(name, version));
    if (!entry) throw new NotFound(`connector ${name} ${version} is not installed`);
    return entry.manifest;
  }

  /** `name@range` → the highest installed version in range (deprecated versions only when nothing else fits). */
  resolve: ConnectorResolver = (ref) => {
    const at = ref.lastIndexOf('@');
    const name = ref.slice(0, at);
    const range = ref.slice(at + 1);
    const candidates = this.all().filter(
      (e) => e.manifest.name === name && semver.satisfies(e.manifest.version, range, { includePrerelease: false }),
    );
    const pick = (list: Entry[]) => list.sort((a, b) => semver.rcompare(a.manifest.version, b.manifest.version))[0]?.manifest;
    return pick(candidates.filter((e) => !e.info.deprecated)) ?? pick(candidates);
  };

  /** `created` false: this very manifest was installed already (installing is idempotent). */
  async install(
    input: unknown,
    source: Exclude<ConnectorSource, 'builtin'>,
    userId: string | null,
  ): Promise<{ info: InstalledConnector; created: boolean }> {
    const result = validateConnectorManifest(input);
    if (!result.ok) throw new ValidationFailed(`the connector manifest has ${result.errors.length} error(s)`, result.errors);
    const manifest = result.manifest;
    if (manifest.kind === 'code')
      throw new Invalid('connectors with code from third parties cannot be installed on this server yet; publish a declarative manifest', [
        { pointer: '/kind', message: 'must be "declarative"' },
      ]);
    if (semver.parse(manifest.version)?.build.length)
      throw new Invalid('an installed version has no build metadata ("+…"); publish it as its own version', [
        { pointer: '/version', message: 'no build metadata' },
      ]);
    const id = docId(manifest.name, manifest.version);
    const integrity = integrityOf(manifest);
    if (this.builtins.has(id) || [...this.builtins.values()].some((b) => b.manifest.name === manifest.name))
      throw new Conflict(`"${manifest.name}" is a built-in connector; choose another name`);
    const existing = await this.docs.get(id);
    if (existing) {
      if ((existing.info as InstalledConnector).integrity === integrity) return { info: fromDoc(existing).info, created: false };
      throw new Conflict(
        `${manifest.name} ${manifest.version} is already installed with other contents; a version never changes — give the new one a higher version`,
      );
    }
    const info = {
      ...describe(manifest, source, integrity),
      installedAt: new Date().toISOString(),
      ...(userId ? { installedBy: userId } : {}),
    };
    await this.docs.insert({ id, name: manifest.name, version: manifest.version, manifest, info });
    this.installed.set(id, { manifest, info });
    return { info, created: true };
  }

  async deprecate(name: string, version: string, message: string): Promise<InstalledConnector> {
    const id = docId(name, version);
    const doc = await this.docs.get(id);
    if (!doc)
      throw new NotFound(
        `connector ${name} ${version} is not installed${this.builtins.has(id) ? ' from a registry (built-ins cannot be deprecated)' : ''}`,
      );
    const info = { ...(doc.info as InstalledConnector), deprecated: message || 'deprecated' };
    await this.docs.update(id, { info });
    this.installed.set(id, { manifest: doc.manifest as ConnectorManifest, info });
    return info;
  }
}

function describe(manifest: ConnectorManifest, source: ConnectorSource, integrity: string): InstalledConnector {
  return {
    name: manifest.name,
    version: manifest.version,
    title: manifest.title,
    ...(manifest.description ? { description: manifest.description } : {}),
    source,
    integrity,
    operations: manifest.operations.length,
  };
}

function fromDoc(doc: StoredDoc): Entry {
  return { manifest: doc.manifest as ConnectorManifest, info: doc.info as InstalledConnector };
}
