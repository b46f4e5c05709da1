/** What every adapter shares: spec validation, document preparation, ids, the transaction gate. Browser-safe. */
export * from './ids';
export * from './doc.prepare';
export * from './spec.validate';
export * from './store.gate';
