import type { IncomingMessage } from 'node:http';
export declare const API_KEY_HEADER = "x-api-key";
export declare const generateApiKey: () => string;
export declare function checkApiKey(req: IncomingMessage, apiKey: string): void;
