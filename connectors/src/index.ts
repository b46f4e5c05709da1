export * from './openapi/index';
