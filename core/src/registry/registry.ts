/**
 * A registry of descriptors keyed by `type`. Registering a type twice throws (as amis' factory
 * does): two folders claiming one type is always a mistake, and silently keeping either hides it.
 */
export interface Registry<T extends { type: string }> {
  register(descriptor: T): Registry<T>;
  get(type: string): T | undefined;
  has(type: string): boolean;
  /** In registration order (the generated index registers them `inOrder`). */
  list(): T[];
  types(): string[];
}

/**
 * Descriptors in their `order` (palette position; lower first), then by type: the generated
 * index files list type folders alphabetically, so the order a kind shows is the folders' own.
 */
export function inOrder<T extends { type: string; order?: number }>(descriptors: T[]): T[] {
  return [...descriptors].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.type.localeCompare(b.type));
}

export function createRegistry<T extends { type: string }>(kind: string, descriptors: T[] = []): Registry<T> {
  const byType = new Map<string, T>();
  const registry: Registry<T> = {
    register(descriptor) {
      if (byType.has(descriptor.type)) {
        throw new Error(`${kind} "${descriptor.type}" is already registered`);
      }
      byType.set(descriptor.type, descriptor);
      return registry;
    },
    get: (type) => byType.get(type),
    has: (type) => byType.has(type),
    list: () => [...byType.values()],
    types: () => [...byType.keys()],
  };
  descriptors.forEach((d) => registry.register(d));
  return registry;
}
