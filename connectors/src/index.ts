/** @tessera/connectors: the connector SDK (executor, defineConnector), OpenAPI import, the built-in connectors and the safe outbound client. */
export * from './executor';
export * from './outbound';
export * from './openapi/index';
export * from './sdk/define-connector';
export { BUILTIN_CONNECTORS } from './builtins';
