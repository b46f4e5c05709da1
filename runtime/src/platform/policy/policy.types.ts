/** What one caller may do with one entity: the result of combining their roles' permission entries. */
export type Action = 'create' | 'read' | 'update' | 'delete';
export type RowScope = 'own' | 'team' | 'all';

export interface EntityPolicy {
  create: boolean;
  read: boolean;
  update: boolean;
  delete: boolean;
  /** Row scope per action (the widest among the roles granting that action). */
  rows: Record<Action, RowScope>;
  /** Fields the caller never receives (and cannot filter, sort or write). */
  hidden: ReadonlySet<string>;
  /**
   * Also left out of live events for this caller: rollups over an entity of which the caller
   * reads only some rows, and computed fields reading them. Reads compute those rollups over the
   * caller's own rows; a live event carries one value for every subscriber, so it cannot.
   */
  liveHidden: ReadonlySet<string>;
  /** Fields the caller sees but cannot write. */
  readonly: ReadonlySet<string>;
  /** The entity's owner field (row scopes go through it). */
  ownerField?: string;
  /** Platform admins/builders: every check short-circuits. */
  bypass: boolean;
}

/** Who is asking, as far as app permissions care. */
export interface Caller {
  user: { id: string; email: string; name: string };
  /** Platform admin or builder: every permission in every app. */
  bypass: boolean;
  /** App roles from the membership (sorted). */
  roles: readonly string[];
  team: string | null;
  /** Owner values that count as the caller's team: emails and ids of every member of the team (the caller included). */
  teamOwners: readonly string[];
}

export const WIDTH: Record<RowScope, number> = { own: 0, team: 1, all: 2 };
