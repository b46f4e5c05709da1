/**
 * The CLI's side of a Tessera registry (any Tessera server: its connector catalogue). Each
 * failure is a sentence a developer can act on; the API key is sent as a bearer token and never
 * printed.
 */
export interface RegistryOptions {
  registry: string;
  token?: string;
}

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly lines: string[] = [],
  ) {
    super(message);
  }
}

interface Problem {
  title?: string;
  detail?: string;
  errors?: Array<{ pointer: string; message: string }>;
}

export async function registryCall<T>(
  opts: RegistryOptions,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  let base: URL;
  try {
    base = new URL(opts.registry);
  } catch {
    throw new RegistryError(`--registry "${opts.registry}" is not a URL (like https://tessera.example.com)`);
  }
  if (!opts.token)
    throw new RegistryError("no API key: pass --token or set TESSERA_TOKEN (a builder's or admin's API key on the registry)");
  const url = new URL(path, base.href.endsWith('/') ? base.href : `${base.href}/`);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${opts.token}`,
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    const c = (err as { cause?: { code?: string; message?: string } }).cause;
    const cause = c?.code ?? c?.message ?? (err as Error).name;
    throw new RegistryError(`the registry ${base.origin} could not be reached (${cause})`);
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    throw new RegistryError(`the registry answered ${res.status} with something other than JSON: is ${base.origin} a Tessera server?`);
  }
  if (res.ok) return { status: res.status, body: parsed as T };
  const p = (parsed ?? {}) as Problem;
  const why = p.detail ?? p.title ?? `status ${res.status}`;
  const lines = (p.errors ?? []).map((e) => `  ${e.pointer || '/'}: ${e.message}`);
  if (res.status === 401) throw new RegistryError(`the registry refused the API key (401): check --token / TESSERA_TOKEN`);
  if (res.status === 403) throw new RegistryError(`the API key may not do this (403): publishing needs a builder or admin on the registry`);
  if (res.status === 409) throw new RegistryError(`conflict (409): ${why}`, lines);
  throw new RegistryError(`the registry refused (${res.status}): ${why}`, lines);
}
