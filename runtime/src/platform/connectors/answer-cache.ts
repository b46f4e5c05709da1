/**
 * Answers of read operations kept for a connection's `cacheSeconds`: a list page or a record
 * the customer's API served moments ago is served again without a call. Bounded by entries
 * (oldest out first); the key holds everything the answer depends on — not the caller, since
 * every allowed caller gets the same answer from the same credential.
 */
import type { OperationResult } from '@tessera/connectors';

const MAX_ENTRIES = 1000;

export class AnswerCache {
  private readonly entries = new Map<string, { at: number; result: OperationResult }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string, seconds: number): OperationResult | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (this.now() - hit.at >= seconds * 1000) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.result;
  }

  set(key: string, result: OperationResult): void {
    this.entries.delete(key);
    this.entries.set(key, { at: this.now(), result });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** A write through the connection may change what reads return: forget its answers. */
  forget(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}
