/**
 * Every place whose type declares its references (RefSpec): entity fields (relation `to`, rollup
 * `entity`/`via`…), component props, workflow trigger and node configs. Renames walk them with
 * one loop, so a new field, component or node type is covered by declaring its refs — no rename
 * code per type.
 */
import { componentTypes } from '../component-types/component-types.index';
import { mapAllComponents } from '../definition/draft-components';
import type { Draft } from '../definition/draft.types';
import { fieldTypes } from '../field-types/field-types.index';
import { nodeTypes } from '../node-types/node-types.index';
import type { RefSpec } from '../ref-spec';
import { triggerTypes } from '../trigger-types/trigger-types.index';
import { mapRefPath } from './ref-path';

type Config = Record<string, unknown>;
/** Maps one site's value; `entityId` is the entity its field refs are about, if any. */
export type SiteMapper = (value: Config, refs: RefSpec[], entityId: string | undefined) => Config;

interface DraftTyped {
  type: string;
  config?: Config;
}
interface DraftWorkflow {
  trigger?: DraftTyped;
  nodes?: DraftTyped[];
  [key: string]: unknown;
}

const entityOf = (config: Config | undefined) => (typeof config?.entity === 'string' ? config.entity : undefined);

function mapTyped<T extends DraftTyped>(item: T, refs: RefSpec[] | undefined, fn: SiteMapper): T {
  if (!refs?.length || !item.config) return item;
  const config = fn(item.config, refs, entityOf(item.config));
  return config === item.config ? item : { ...item, config };
}

/** Fields whose type declares refs; their field refs are about the entity the field's `entity` names. */
function mapFieldSites(def: Draft, fn: SiteMapper): Draft {
  const entities = (def.entities ?? []).map((e) => {
    const fields = e.fields.map((f) => {
      const refs = fieldTypes.get(f.type)?.refs;
      return refs?.length ? (fn(f, refs, entityOf(f)) as typeof f) : f;
    });
    return fields.some((f, i) => f !== e.fields[i]) ? { ...e, fields } : e;
  });
  return entities.some((e, i) => e !== def.entities[i]) ? { ...def, entities } : def;
}

export function mapRefSites(def: Draft, fn: SiteMapper): Draft {
  let next = mapAllComponents(mapFieldSites(def, fn), (c) => {
    const refs = componentTypes.get(c.type)?.refs;
    if (!refs?.length || !c.props) return c;
    const props = fn(c.props, refs, c.source?.kind === 'entity' ? c.source.entity : undefined);
    return props === c.props ? c : { ...c, props };
  });
  const workflows = next.workflows as DraftWorkflow[] | undefined;
  if (workflows?.length) {
    const mapped = workflows.map((w) => {
      const trigger = w.trigger ? mapTyped(w.trigger, triggerTypes.get(w.trigger.type)?.refs, fn) : w.trigger;
      const nodes = w.nodes?.map((n) => mapTyped(n, nodeTypes.get(n.type)?.refs, fn));
      const nodesChanged = !!nodes && nodes.some((n, i) => n !== w.nodes![i]);
      return trigger === w.trigger && !nodesChanged ? w : { ...w, trigger, ...(nodes ? { nodes: nodesChanged ? nodes : w.nodes } : {}) };
    });
    if (mapped.some((w, i) => w !== workflows[i])) next = { ...next, workflows: mapped };
  }
  return next;
}

/** Applies `fn` to every value of the given ref kinds at one site. */
export function mapRefs(value: Config, refs: RefSpec[], kinds: ReadonlySet<string>, fn: (kind: string, v: unknown) => unknown): Config {
  return refs.filter((r) => kinds.has(r.kind)).reduce((v, r) => mapRefPath(v, r.path, (x) => fn(r.kind, x)) as Config, value);
}
