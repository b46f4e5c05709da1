/** The storage port: the interface every adapter implements and the errors it throws. Browser-safe. */
export type * from './store.port';
export * from './store.errors';
export { createMemoryStore, type MemoryStoreOptions } from './memory';
