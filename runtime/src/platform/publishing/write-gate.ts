/**
 * Keeps edits made while a publish moves data (renamed entities and fields) from being lost.
 *
 * While records of an entity are being moved, the published definition is still the old one, so
 * a write through the API would land in the old shape: on a record already moved it would bring
 * back the old key (or collection), and the move would then drop it. So the move fences the
 * entities it touches: it first waits until writes already running there have finished, and
 * writes arriving meanwhile wait at the gate. When the move ends and the new version is
 * recorded, each waiting write is routed to the new shape (entity and field names renamed, see
 * `Route`) and lands; nothing is refused for being in the old shape. If the publish fails after
 * moving part of the data, the entity is left half-moved under the old definition: the fence
 * stays up (writes answer 503) until a publish finishes the move, instead of accepting writes a
 * later move would discard.
 *
 * The gate covers this process's writers; a publish resumed after a crash fences again at
 * startup from the durable publish job (publish.job.ts).
 */
import { Conflict, Unavailable } from '../../domain-errors';
import type { RenamePlan } from '../renames/renames.check';

/** How a write held during a move reaches the new shape. */
export interface Route {
  /** The entity's new id, when it was renamed. */
  entity: string;
  /** Old field id → new one, for the body of the write. */
  fields: Map<string, string>;
}

type Outcome = 'done' | 'failed';

interface Fence {
  jobId: string;
  plan: RenamePlan;
  entities: Set<string>;
  stuck: boolean;
  ended: Promise<Outcome>;
  end(outcome: Outcome): void;
}

/** Writes wait at most this long for a move; then 503 with Retry-After. */
const WAIT_MS = 60_000;

/** The entities (old and new ids) whose data a rename plan moves. */
export function fencedEntities(plan: RenamePlan): Set<string> {
  const out = new Set<string>();
  for (const r of plan.entities) out.add(r.from).add(r.to);
  for (const r of plan.fields) out.add(r.entity).add(r.oldEntity);
  return out;
}

/** Where a write to `entity` (an id of the old definition) goes once `plan` is published. */
export function routeThrough(plan: RenamePlan, entity: string): Route | null {
  const to = plan.entities.find((r) => r.from === entity)?.to ?? entity;
  const fields = new Map(plan.fields.filter((r) => r.entity === to).map((r) => [r.from, r.to]));
  return to === entity && fields.size === 0 ? null : { entity: to, fields };
}

export class WriteGate {
  private readonly fences = new Map<string, Fence[]>();
  private readonly inflight = new Map<string, number>();
  private readonly drainWaiters = new Map<string, Array<() => void>>();

  constructor(private readonly waitMs = WAIT_MS) {}

  private fenceOn(appId: string, entity: string): Fence | undefined {
    return this.fences.get(appId)?.find((f) => f.entities.has(entity));
  }

  /**
   * A writer to (app, entity) comes in: waits while a move fences the entity, then is counted
   * until `leave`. `route` says how to rewrite the write if a move finished while it waited.
   */
  async enter(appId: string, entity: string): Promise<{ route: Route | null; leave: () => void }> {
    let route = null as Route | null;
    const deadline = Date.now() + this.waitMs;
    for (let f = this.fenceOn(appId, entity); f; f = this.fenceOn(appId, entity)) {
      if (f.stuck)
        throw new Unavailable(`a publish of "${appId}" stopped while moving the data of "${entity}"; publish again to finish the move`, {
          details: { retryAfter: 30 },
        });
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        f.ended,
        new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), Math.max(0, deadline - Date.now())))),
      ]);
      clearTimeout(timer);
      if (outcome === 'timeout')
        throw new Unavailable(`the data of "${entity}" is being moved by a publish; try again shortly`, { details: { retryAfter: 5 } });
      const next = outcome === 'done' ? routeThrough(f.plan, entity) : null;
      if (next) {
        route = { entity: next.entity, fields: new Map([...(route?.fields ?? []), ...next.fields]) };
        entity = next.entity;
      }
    }
    const key = `${appId}\n${entity}`;
    this.inflight.set(key, (this.inflight.get(key) ?? 0) + 1);
    let left = false;
    return {
      route,
      leave: () => {
        if (left) return;
        left = true;
        const n = (this.inflight.get(key) ?? 1) - 1;
        if (n > 0) return void this.inflight.set(key, n);
        this.inflight.delete(key);
        for (const wake of this.drainWaiters.get(key)?.splice(0) ?? []) wake();
      },
    };
  }

  /**
   * Fences the entities `plan` moves, once writes already running there are done. Returns the
   * function that lifts it: 'done' (the new version is recorded: held writes go to the new
   * shape) or 'failed' (held writes go on in the old shape, unless data was moved: `moved`).
   */
  async fence(appId: string, jobId: string, plan: RenamePlan): Promise<(outcome: Outcome, moved?: boolean) => void> {
    const entities = fencedEntities(plan);
    if (entities.size === 0) return () => undefined;
    // A job resumed here was fenced at startup already: the same fence, so its waiters are woken.
    let fence = this.fences.get(appId)?.find((f) => f.jobId === jobId && !f.stuck);
    if (!fence) {
      let end!: (o: Outcome) => void;
      const ended = new Promise<Outcome>((r) => (end = r));
      fence = { jobId, plan, entities, stuck: false, ended, end: (o) => end(o) };
      this.fences.set(appId, [...(this.fences.get(appId) ?? []), fence]);
    }
    const held = fence;
    const deadline = Date.now() + this.waitMs;
    for (const entity of entities) {
      const key = `${appId}\n${entity}`;
      while ((this.inflight.get(key) ?? 0) > 0) {
        if (Date.now() > deadline) {
          this.remove(appId, held);
          held.end('failed');
          throw new Conflict(`writes to "${entity}" (an import?) are still running; publish again when they are done`);
        }
        await new Promise<void>((wake) => {
          const waiters = this.drainWaiters.get(key) ?? [];
          this.drainWaiters.set(key, [...waiters, wake]);
          setTimeout(wake, 250);
        });
      }
    }
    return (outcome, moved = false) => {
      if (outcome === 'failed' && moved) {
        held.stuck = true;
      } else {
        this.remove(appId, held);
        // A finished move also ends earlier failed attempts at it.
        if (outcome === 'done')
          this.fences.set(
            appId,
            (this.fences.get(appId) ?? []).filter((f) => !(f.stuck && [...f.entities].every((e) => entities.has(e)))),
          );
      }
      held.end(outcome);
    };
  }

  /** A failed move found at startup (its job is a dead letter with data moved): writes refused until a publish finishes it. */
  markStuck(appId: string, jobId: string, plan: RenamePlan): void {
    const entities = fencedEntities(plan);
    if (entities.size === 0) return;
    const fence: Fence = { jobId, plan, entities, stuck: true, ended: new Promise(() => undefined), end: () => undefined };
    this.fences.set(appId, [...(this.fences.get(appId) ?? []), fence]);
  }

  private remove(appId: string, fence: Fence): void {
    const rest = (this.fences.get(appId) ?? []).filter((f) => f !== fence);
    if (rest.length) this.fences.set(appId, rest);
    else this.fences.delete(appId);
  }
}
