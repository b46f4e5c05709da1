/**
 * "Import OpenAPI": a document pasted or uploaded (text), or fetched from a URL through the safe
 * outbound client (private addresses refused like any connector call), turned into a manifest and
 * installed. A broken document is refused with pointers into it; nothing is installed then.
 */
import { importOpenApi, OutboundError, type OutboundClient } from '@tessera/connectors';
import { Invalid, ValidationFailed } from '../../domain-errors';
import type { ConnectorCatalogue, InstalledConnector } from './connector-catalogue';

const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface OpenApiImportRequest {
  document?: string;
  url?: string;
  name?: string;
  version?: string;
}

export async function installOpenApi(
  req: OpenApiImportRequest,
  deps: { catalogue: ConnectorCatalogue; outbound: OutboundClient; userId: string | null },
): Promise<{ connector: InstalledConnector; created: boolean; warnings: Array<{ pointer: string; message: string }> }> {
  const text = req.document ?? (await fetchDocument(req.url!, deps.outbound));
  const result = await importOpenApi(text, { name: req.name, version: req.version });
  if (!result.ok) throw new ValidationFailed(`the OpenAPI document cannot be imported: ${result.errors.length} problem(s)`, result.errors);
  const { info, created } = await deps.catalogue.install(result.manifest, 'openapi', deps.userId);
  return { connector: info, created, warnings: result.warnings };
}

async function fetchDocument(url: string, outbound: OutboundClient): Promise<string> {
  try {
    const res = await outbound.request({
      method: 'GET',
      url,
      headers: { accept: 'application/json, application/yaml, text/yaml, */*' },
      maxResponseBytes: MAX_DOCUMENT_BYTES,
      timeoutMs: 30_000,
    });
    if (res.status >= 400)
      throw new Invalid(`fetching the document answered ${res.status}`, [{ pointer: '/url', message: `answered ${res.status}` }]);
    return Buffer.from(res.body).toString('utf8');
  } catch (err) {
    if (err instanceof OutboundError)
      throw new Invalid(`the document could not be fetched: ${err.message}`, [{ pointer: '/url', message: err.code }]);
    throw err;
  }
}
