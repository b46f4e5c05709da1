/**
 * `ChangeLog.onAppend` subscribers of one store (shared by its `tx` facades). Called after the
 * commit, on a later microtask: a listener never runs inside the store's own bookkeeping, and
 * one that throws does not disturb the others or the writer.
 */
export class LogListeners {
  private readonly listeners = new Set<(lastSeq: number) => void>();

  add(listener: (lastSeq: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(lastSeq: number): void {
    if (this.listeners.size === 0) return;
    queueMicrotask(() => {
      for (const l of [...this.listeners]) {
        try {
          l(lastSeq);
        } catch {
          // A listener's failure is its own; the append committed.
        }
      }
    });
  }
}
