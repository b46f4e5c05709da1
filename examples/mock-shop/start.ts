/**
 * `npm run mock-shop`: starts the shop and prints its URL and API key. Options from the command
 * line or the environment: --port (MOCK_SHOP_PORT, default 4010), --host (MOCK_SHOP_HOST),
 * --api-key (MOCK_SHOP_API_KEY, generated when absent), --seed (MOCK_SHOP_SEED).
 */
import { parseArgs } from 'node:util';
import { startMockShop } from './server';

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' }, 'api-key': { type: 'string' }, seed: { type: 'string' } },
});
const env = process.env;
const integer = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`${name} must be a whole number, not ${JSON.stringify(text)}`);
  return Number(text);
};

async function main() {
  const shop = await startMockShop({
    port: integer('port', values.port ?? env.MOCK_SHOP_PORT) ?? 4010,
    host: values.host ?? env.MOCK_SHOP_HOST,
    apiKey: values['api-key'] ?? env.MOCK_SHOP_API_KEY,
    seed: integer('seed', values.seed ?? env.MOCK_SHOP_SEED),
  });
  console.log(`Mock shop at ${shop.url}  (OpenAPI document: ${shop.url}/openapi.json)`);
  console.log(`API key (header X-Api-Key): ${shop.apiKey}`);
  const stop = () => void shop.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
