/**
 * The one interface every renderer component talks to. Two adapters implement it: HTTP (the
 * end-user API contract, docs/end-user-api.md) and an in-memory demo store (the builder's
 * preview). Components never call fetch themselves, so the builder canvas, the tests and the
 * real app render the same code.
 */
import type { Filter } from '@tessera/core';
import type { EntityPermissions, OperationAnswer, OperationInfo, RuntimeInfo } from '@tessera/core/wire';

export type { EntityPermissions, OperationAnswer, OperationInfo, RuntimeInfo };

export interface RecordData {
  id: string;
  version: number;
  createdAt?: string;
  updatedAt?: string;
  createdBy?: string;
  [field: string]: unknown;
}

export interface SortSpec {
  field: string;
  dir: 'asc' | 'desc';
}

export interface ListQuery {
  filter?: Filter;
  sort?: SortSpec[];
  limit?: number;
  cursor?: string;
  /** Ask for `total` too (costs a count on the server). */
  count?: boolean;
  /** false: skip rollups (aggregates over other entities), e.g. when only display names are needed. */
  rollups?: boolean;
}

export interface RecordPage {
  items: RecordData[];
  nextCursor: string | null;
  total?: number;
  /** The server stopped counting at `total` (lists show "more than 1,000"). */
  totalCapped?: boolean;
}

export type MetricOp = 'count' | 'sum' | 'avg' | 'min' | 'max';
export type Bucket = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface AggregateQuery {
  filter?: Filter;
  groupBy?: string[];
  metrics: Array<{ op: MetricOp; field?: string; as: string }>;
  bucket?: Bucket;
}

export interface AggregateResult {
  rows: Array<Record<string, unknown>>;
}

export interface AuditEntry {
  id: string;
  at: string;
  action: 'create' | 'update' | 'delete';
  user: { id: string; email: string; name?: string } | null;
  changes: Array<{ field: string; from: unknown; to: unknown }>;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export type LiveEvent =
  /** `omitted`: fields left out for this reader (rollups over their own rows only): keep the value shown. */
  | {
      kind: 'change';
      type: 'created' | 'updated' | 'deleted';
      entity: string;
      id: string;
      version: number;
      record?: RecordData;
      omitted?: string[];
    }
  | { kind: 'published'; version: number }
  | { kind: 'reset' };

export type LiveListener = (event: LiveEvent) => void;

/** One row problem: `code` + `params` say it in the user's language (validationText), `message` in English. */
export interface ImportError {
  line: number;
  field?: string;
  code?: string;
  params?: Record<string, string | number>;
  message: string;
}

export interface ImportJob {
  id: string;
  entity: string;
  /** `interrupted`: the servers running it stopped three times (a stopped server's import is otherwise resumed); rows up to `lastLine` are settled, later ones were not imported. */
  status: 'running' | 'done' | 'failed' | 'interrupted';
  total: number;
  processed: number;
  created: number;
  failed: number;
  errors: ImportError[];
  lastLine?: number;
}

export interface ViewState {
  filter?: Filter;
  sort?: SortSpec[];
  columns?: string[];
  pageSize?: number;
}

export interface SavedView {
  id: string;
  name: string;
  component: string;
  state: ViewState;
  shared: boolean;
}

export interface ExportQuery {
  filter?: Filter;
  sort?: SortSpec[];
  fields?: string[];
}

export interface OperationRequest {
  input?: Record<string, unknown>;
  page?: { size?: number; cursor?: string };
}

export interface DataPort {
  /** The published definition, the caller and what the caller may do. */
  runtime(): Promise<RuntimeInfo>;
  list(entity: string, query?: ListQuery): Promise<RecordPage>;
  get(entity: string, id: string): Promise<RecordData>;
  create(entity: string, values: Record<string, unknown>): Promise<RecordData>;
  /** `version` is sent as If-Match: a stale version fails with a 412 ApiError. */
  update(entity: string, id: string, patch: Record<string, unknown>, version?: number): Promise<RecordData>;
  remove(entity: string, id: string, version?: number): Promise<void>;
  aggregate(entity: string, query: AggregateQuery): Promise<AggregateResult>;
  audit(entity: string, id: string, page?: { limit?: number; cursor?: string }): Promise<AuditPage>;
  /** Live changes of every entity the caller may read; returns the unsubscribe function. */
  subscribe(listener: LiveListener): () => void;
  importCsv(entity: string, csv: Blob | string): Promise<{ jobId: string }>;
  importStatus(jobId: string): Promise<ImportJob>;
  /** A URL the browser can download (an attachment link). */
  exportUrl(entity: string, query?: ExportQuery): string;
  /**
   * Calls a connection's operation on the server (the browser never reaches the customer's API):
   * `page` asks for one page of a list operation, `cursor` from the previous answer's `nextCursor`.
   */
  callOperation(connection: string, operation: string, request?: OperationRequest): Promise<OperationAnswer>;
  views: {
    list(component: string): Promise<SavedView[]>;
    create(view: Omit<SavedView, 'id'>): Promise<SavedView>;
    update(id: string, view: Omit<SavedView, 'id'>): Promise<SavedView>;
    remove(id: string): Promise<void>;
  };
}
