/** @tessera/connectors: what the runtime and third-party connectors build on. */
export * from './executor';
export * from './outbound/outbound.types';
export * from './sdk/define-connector';
export { BUILTIN_CONNECTORS } from './builtins';
