/**
 * The durable readers of the store's change log, by name (next: workflow triggers, behaviour
 * segments). Each keeps its position with `store.log.setPosition(name, seq)`, in the same
 * transaction as the work it did for those entries; the live feed's trimmer keeps every entry a
 * registered consumer has not reached (up to its hard age limit). A name registered twice throws.
 */
export class LogConsumers {
  private readonly names = new Set<string>();

  /** Returns the function that removes it again (its position stays in the store). */
  add(name: string): () => void {
    if (this.names.has(name)) throw new Error(`a change log consumer named "${name}" is already registered`);
    this.names.add(name);
    return () => this.names.delete(name);
  }

  list(): readonly string[] {
    return [...this.names];
  }
}
