/** The platform API's wire shapes and its error type, shared by the server and the browser clients (`@tessera/core/wire`). */
export * from './api-types';
export * from './api-error';
