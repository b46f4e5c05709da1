/** The in-memory Store adapter (browser-safe). */
export { createMemoryStore, type MemoryStoreOptions } from './memory.store';
