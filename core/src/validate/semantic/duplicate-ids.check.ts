/** Ids must be unique within their list; the second occurrence is reported, pointing at the first. */
import { joinPointer } from '../validation-issue';
import type { SemanticContext } from './semantic.context';

function unique(ctx: SemanticContext, what: string, items: Array<{ id: string; pointer: string }>): void {
  const first = new Map<string, string>();
  for (const { id, pointer } of items) {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, pointer);
    else ctx.report(joinPointer(pointer, 'id'), `duplicate ${what} id "${id}" (first used at ${earlier})`);
  }
}

const listed = <T extends { id: string }>(list: T[], base: string) => list.map((x, i) => ({ id: x.id, pointer: joinPointer(base, i) }));

export function checkDuplicateIds(ctx: SemanticContext): void {
  const { def } = ctx;
  unique(ctx, 'entity', listed(def.entities, '/entities'));
  def.entities.forEach((e, i) => unique(ctx, 'field', listed(e.fields, `/entities/${i}/fields`)));
  unique(ctx, 'role', listed(def.roles, '/roles'));
  unique(ctx, 'connection', listed(def.connections, '/connections'));
  unique(ctx, 'page', listed(def.pages, '/pages'));
  unique(
    ctx,
    'component',
    ctx.components.map(({ component, pointer }) => ({ id: component.id, pointer })),
  );
  unique(ctx, 'workflow', listed(def.workflows, '/workflows'));
  def.workflows.forEach((w, i) => {
    unique(ctx, 'node', listed(w.nodes, `/workflows/${i}/nodes`));
    unique(ctx, 'edge', listed(w.edges, `/workflows/${i}/edges`));
  });
  unique(ctx, 'tag', listed(def.tags, '/tags'));
  unique(ctx, 'segment', listed(def.segments, '/segments'));
}
