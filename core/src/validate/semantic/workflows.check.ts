/** Workflows: trigger and node refs, edges between existing nodes and handles, no cycles. */
import type { Workflow } from '../../generated/app-definition';
import { nodeTypes } from '../../node-types/node-types.index';
import { triggerTypes } from '../../trigger-types/trigger-types.index';
import { didYouMean } from '../suggest';
import { joinPointer } from '../validation-issue';
import { checkRefs } from './refs.check';
import type { SemanticContext } from './semantic.context';

const entityOf = (config: unknown) => (config as { entity?: string } | undefined)?.entity;

function checkEdges(ctx: SemanticContext, w: Workflow, base: string): void {
  const nodes = new Map(w.nodes.map((n) => [n.id, n]));
  w.edges.forEach((edge, i) => {
    const at = joinPointer(base, 'edges', i);
    const source = nodes.get(edge.source);
    if (!source) ctx.report(joinPointer(at, 'source'), `unknown node "${edge.source}"${didYouMean(edge.source, nodes.keys())}`);
    if (!nodes.has(edge.target))
      ctx.report(joinPointer(at, 'target'), `unknown node "${edge.target}"${didYouMean(edge.target, nodes.keys())}`);
    const outputs = source
      ? (nodeTypes.get(source.type)?.outputs((source.config ?? {}) as unknown as Record<string, unknown>) ?? [])
      : undefined;
    if (!outputs) return;
    if (edge.sourceHandle === undefined && outputs.length) {
      ctx.report(at, `missing sourceHandle: node "${source!.id}" (${source!.type}) has outputs ${outputs.join(', ')}`);
    } else if (edge.sourceHandle !== undefined && !outputs.includes(edge.sourceHandle)) {
      const expected = outputs.length ? `expected one of ${outputs.join(', ')}` : 'it has a single unnamed output';
      ctx.report(joinPointer(at, 'sourceHandle'), `unknown handle "${edge.sourceHandle}" of node "${source!.id}" (${expected})`);
    }
  });
}

/** Loops go through forEach, never through edges: a cycle would run forever. */
function checkAcyclic(ctx: SemanticContext, w: Workflow, base: string): void {
  const next = new Map<string, Array<{ target: string; index: number }>>();
  w.edges.forEach((e, index) => next.set(e.source, [...(next.get(e.source) ?? []), { target: e.target, index }]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): boolean => {
    state.set(id, 'visiting');
    for (const { target, index } of next.get(id) ?? []) {
      if (state.get(target) === 'visiting') {
        ctx.report(joinPointer(base, 'edges', index), `edge "${w.edges[index].id}" closes a cycle (use a forEach node to loop)`);
        return true;
      }
      if (!state.has(target) && visit(target)) return true;
    }
    state.set(id, 'done');
    return false;
  };
  for (const n of w.nodes) if (!state.has(n.id) && visit(n.id)) return;
}

export function checkWorkflows(ctx: SemanticContext): void {
  ctx.def.workflows.forEach((w, i) => {
    const base = `/workflows/${i}`;
    const trigger = triggerTypes.get(w.trigger.type);
    if (trigger) checkRefs(ctx, trigger.refs, w.trigger.config, joinPointer(base, 'trigger', 'config'), entityOf(w.trigger.config));
    w.nodes.forEach((node, j) => {
      const type = nodeTypes.get(node.type);
      if (type) checkRefs(ctx, type.refs, node.config, joinPointer(base, 'nodes', j, 'config'), entityOf(node.config));
    });
    checkEdges(ctx, w, base);
    checkAcyclic(ctx, w, base);
  });
}
