/**
 * Published app versions this process does not serve, and why: a version whose storage could
 * not be brought up to date at start (data an older Tessera or a hand edit left that the
 * definition's constraints now refuse, a failing store). The server starts anyway and serves
 * every other app; the app's records answer 503 with the reason until a new version is
 * published (by any process: the quarantine names the version it is about).
 */
export interface QuarantinedApp {
  appId: string;
  version: number;
  reason: string;
  since: string;
}

export class Quarantine {
  private readonly apps = new Map<string, QuarantinedApp>();

  add(appId: string, version: number, reason: string): void {
    this.apps.set(appId, { appId, version, reason, since: new Date().toISOString() });
  }

  /** Why `version` of `appId` is not served, or undefined (a later version is served again). */
  reasonFor(appId: string, version: number): string | undefined {
    const entry = this.apps.get(appId);
    if (!entry) return undefined;
    if (entry.version === version) return entry.reason;
    this.apps.delete(appId);
    return undefined;
  }

  list(): QuarantinedApp[] {
    return [...this.apps.values()];
  }
}
