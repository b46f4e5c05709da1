import type { OperationHandler } from '../../../sdk/define-connector';

/** What a builder tells the customer's system: the scheme deliveries are checked with (never the secret). */
export const describe: OperationHandler = async (_input, ctx) => ({
  signature: typeof ctx.config.signature === 'string' ? ctx.config.signature : 'none',
  path: '/api/hooks/{appId}/{connectionId}',
});
