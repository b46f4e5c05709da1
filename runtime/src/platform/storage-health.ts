/**
 * Whether writes are failing because the storage is full, for /api/health: set when a write
 * fails with StorageFullError, cleared by the next write that commits (the operator freed space).
 * Without it, health said "ok" while every write answered an error.
 */
export class StorageHealth {
  private fullSince: string | null = null;

  full(now = new Date()): void {
    this.fullSince ??= now.toISOString();
  }

  committed(): void {
    this.fullSince = null;
  }

  /** null when writes go through; otherwise since when they have failed. */
  get fullAt(): string | null {
    return this.fullSince;
  }
}
