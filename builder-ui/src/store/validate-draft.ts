/**
 * The definition validator, remembering its last verdicts per draft object: the store (for the
 * problems list) and the canvas (for the renderer's model, defaults applied) ask about the same
 * draft as it loads, and drafts are never mutated, only replaced, so one answer serves both.
 *
 * Connections are checked against the installed connectors (config schema, bound operations)
 * once the builder knows them: `setConnectorSource` gives them per draft (undefined: not known
 * yet, those checks are left to the server) and starts a new generation of verdicts.
 */
import { validateDefinition, type ConnectorResolver, type DefinitionResult } from '@tessera/core';

/** The installed connectors for a draft, once every connector it names is known. */
export type ConnectorSource = (draft: object) => ConnectorResolver | undefined;

let connectorSource: ConnectorSource | undefined;
let generation = 0;
const verdicts = new WeakMap<object, { generation: number; result: DefinitionResult }>();

export function setConnectorSource(source: ConnectorSource | undefined): void {
  connectorSource = source;
  generation++;
}

export function validateDraft(draft: object): DefinitionResult {
  const known = verdicts.get(draft);
  if (known?.generation === generation) return known.result;
  const connectors = connectorSource?.(draft);
  const result = validateDefinition(draft, connectors ? { connectors } : {});
  verdicts.set(draft, { generation, result });
  return result;
}
