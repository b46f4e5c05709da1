/** The tests' way to call a running shop: JSON in and out, with the shop's key unless told otherwise. */
import { expect } from '@jest/globals';
import type { MockShop } from './server';

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read answers of every shape
}

export interface CallOptions {
  method?: string;
  /** The key to send; `null` sends none. Defaults to the shop's key. */
  apiKey?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export function shopClient(shop: MockShop) {
  return async (path: string, options: CallOptions = {}): Promise<Answer> => {
    const key = options.apiKey === undefined ? shop.apiKey : options.apiKey;
    const res = await fetch(`${shop.url}${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(key === null ? {} : { 'x-api-key': key }),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return { status: res.status, body: await res.json() };
  };
}

/** Every item of a list, following `next_cursor` from the first page to the last. */
export async function walk(call: ReturnType<typeof shopClient>, path: string): Promise<Array<{ id: string }>> {
  const items: Array<{ id: string }> = [];
  let cursor: string | null = null;
  const join = path.includes('?') ? '&' : '?';
  do {
    const page: Answer = await call(cursor === null ? path : `${path}${join}cursor=${encodeURIComponent(cursor)}`);
    expect(page.status).toBe(200);
    items.push(...page.body.data);
    cursor = page.body.next_cursor;
  } while (cursor !== null);
  return items;
}
