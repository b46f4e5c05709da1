/** @tessera/connectors: the connector SDK, built-in connectors and the safe outbound client. */
export * from './outbound';
