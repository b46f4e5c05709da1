/** Modules made by the builder's Vite plugins (vite.config.mts). */
declare module 'virtual:tessera/definition-validator' {
  const validate: import('ajv').ValidateFunction;
  export default validate;
}
