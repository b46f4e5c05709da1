/** What every adapter shares: spec validation, document preparation, ids, the transaction gate, patches with `$inc`, expiry, argument checks, and the port methods' defaults built from the generic ones (an adapter may override them atomically). Browser-safe. */
export * from './ids';
export * from './doc.prepare';
export * from './spec.validate';
export * from './store.gate';
export * from './patch.inc';
export * from './ttl.expire';
export * from './write.validate';
export * from './ids.collect';
export * from './log.validate';
export * from './log.listeners';
export * from './update-many.default';
export * from './delete-many.default';
export * from './upsert.default';
export * from './claim.default';
export * from './fold-case';
