/**
 * Operations of a manifest for the builder's lists: filtered by a search text (id, title,
 * group, description), ordered by group (the manifest's group order, then ungrouped), with the
 * group's title. A connector may have thousands; callers page over the result.
 */
import type { ConnectorManifest } from '@tessera/core';

export type ManifestOperation = ConnectorManifest['operations'][number];

export interface OperationRow {
  op: ManifestOperation;
  group: string;
}

export function groupTitle(manifest: ConnectorManifest, id: string | undefined): string {
  if (!id) return '';
  const g = (manifest.groups ?? []).find((x) => x.id === id) as { title?: string } | undefined;
  return g?.title ?? id;
}

export function operationRows(manifest: ConnectorManifest, search: string, kinds?: string[]): OperationRow[] {
  const q = search.trim().toLowerCase();
  const order = new Map((manifest.groups ?? []).map((g, i) => [g.id, i]));
  const rows = manifest.operations
    .filter((op) => !kinds || kinds.includes(op.kind ?? 'action'))
    .map((op) => ({ op, group: groupTitle(manifest, op.group) }))
    .filter(({ op, group }) => !q || [op.id, op.title, group, op.description ?? ''].some((s) => s.toLowerCase().includes(q)));
  const rank = (op: ManifestOperation) => (op.group === undefined ? Number.MAX_SAFE_INTEGER : (order.get(op.group) ?? order.size));
  // A stable sort keeps the manifest's order inside a group.
  return rows.sort((a, b) => rank(a.op) - rank(b.op) || a.group.localeCompare(b.group));
}
