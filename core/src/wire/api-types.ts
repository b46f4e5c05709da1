/**
 * The request and response shapes of the platform API (docs/api.md) that the server, the builder
 * and the app renderer share. The server builds them, the browser clients read them: one
 * declaration, so a field added on one side is seen on the other by the type checker.
 */
import type { AppDefinition } from '../generated/app-definition';
import type { ValidationIssue } from '../validate/validation-issue';

/** One entry of a problem+json `errors` list: a JSON pointer into what was sent, and why (the validator's issue shape). */
export type ProblemIssue = ValidationIssue;

/** A field renamed since the last publish: `entity` is the entity's id now, `from` the field's id at the last publish. */
export interface FieldRenameEntry {
  entity: string;
  from: string;
  to: string;
}

/** An entity renamed since the last publish. */
export interface EntityRenameEntry {
  from: string;
  to: string;
}

export type RenameEntry = FieldRenameEntry | EntityRenameEntry;

/** What a publish moved for the renames it applied (kept on the version). */
export interface RenameReport {
  entities: Array<EntityRenameEntry & { moved: number }>;
  fields: Array<FieldRenameEntry & { moved: number }>;
  /** Saved table views whose columns, sort or filter followed a field rename. */
  views?: number;
}

/** `GET /api/apps` items. */
export interface AppSummary {
  id: string;
  name: string;
  revision: number;
  publishedVersion: number | null;
  updatedAt: string;
  publishedAt: string | null;
}

/** `GET/PUT /api/apps/:appId`: the draft, its validation issues and its rename log. */
export interface AppDraft<D = Record<string, unknown>> extends AppSummary {
  draft: D;
  /** Validation issues of the draft (a draft may be saved invalid; publishing refuses it). */
  issues: ValidationIssue[];
  /** The renames since the last publish, stored with the draft (entries whose new id left the draft are left out). */
  renames: RenameEntry[];
  /** The entries of `renames` whose stored data the next publish moves (their old id is in the published version). */
  renamesToPublish: RenameEntry[];
}

/** The body of `PUT /api/apps/:appId` when it carries the rename log too (else the body is the definition itself). */
export interface DraftSave<D = Record<string, unknown>> {
  definition: D;
  /** The renames since the last publish, in the order they were made; replaces the stored log (the server composes them). */
  renames?: RenameEntry[];
}

/** `POST /api/apps/:appId/publish` (the renames come from the draft's log). */
export interface PublishRequest {
  note?: string;
}

/** `POST /api/apps/:appId/rollback`: `renames` are the inverse renames that move data back (checked like a publish's). */
export interface RollbackRequest {
  version: number;
  renames?: RenameEntry[];
}

/** A published version (`GET /api/apps/:appId/versions`, and the answer of publish and rollback). */
export interface VersionInfo {
  version: number;
  note: string;
  publishedAt: string;
  publishedBy: string | null;
  revision: number;
  /** What the publish moved for renamed entities and fields (only when it applied renames). */
  migrated?: RenameReport;
}

/** `GET /api/apps/:appId/versions/:n`. */
export interface VersionDetail<D = AppDefinition> extends VersionInfo {
  definition: D;
}

/** What the caller may do with one entity (`/runtime` permissions). */
export interface EntityPermissions {
  create: boolean;
  read: boolean;
  update: boolean;
  delete: boolean;
  rows: 'own' | 'team' | 'all';
  hidden: string[];
  readonly: string[];
}

/** `GET /api/apps/:appId/runtime`: what the app client needs to start. */
export interface RuntimeInfo {
  app: { id: string; name: string; version: number; locales: string[] };
  /** The published definition as this caller may see it (hidden fields removed). */
  definition: AppDefinition;
  /**
   * `role` is the platform role: admins and builders may manage members. `roles` and `team` are
   * the caller's in this app (`$user.roles` in `visible` rules).
   */
  user: { id: string; email: string; name?: string; role?: string; roles?: string[]; team?: string | null };
  roles: string[];
  permissions: Record<string, EntityPermissions>;
  /**
   * Connection id → operation id → what the app's components bound to it need (title, kind and
   * schemas), for the operations this caller may call. A component bound to an operation missing
   * here is not shown, and nothing is sent for it.
   */
  operations?: Record<string, Record<string, OperationInfo>>;
}

export interface OperationInfo {
  title: string;
  kind: 'list' | 'get' | 'create' | 'update' | 'delete' | 'action';
  input: unknown;
  output: unknown;
  /** List operations that page through the API (tables show next/previous). */
  paged?: boolean;
  /** Query parameters the paging itself sets (cursor, limit…): not offered as filters. */
  pagingParams?: string[];
}

/** POST /api/apps/:appId/connections/:connection/operations/:operation → this. */
export interface OperationAnswer {
  output: unknown;
  status: number;
  pages: number;
  nextCursor?: string;
  durationMs: number;
  warnings: Array<{ pointer: string; message: string }>;
  cached?: boolean;
}
