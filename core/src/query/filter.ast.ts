import type { Scalar } from '../store/store.port';

/**
 * The normalized filter both adapters compile. Small on purpose: adapters switch on `op` and
 * never see raw user input. `not` comes only from a field-level `$not`, so every leaf under it
 * names the same field.
 */
export type FilterNode = AndNode | OrNode | NotNode | SearchNode | Leaf;

export interface AndNode {
  op: 'and';
  args: FilterNode[];
}
export interface OrNode {
  op: 'or';
  args: FilterNode[];
}
export interface NotNode {
  op: 'not';
  field: string;
  arg: FilterNode;
}

/**
 * Word-prefix text search (see @tessera/core quick-search): every term must begin a word of one
 * of `fields`, or of any field of the collection's search index when `fields` is null.
 */
export interface SearchNode {
  op: 'search';
  terms: string[];
  fields: string[] | null;
}

export type CompareOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';
export interface CompareLeaf {
  op: CompareOp;
  field: string;
  value: Scalar;
}
export interface InLeaf {
  op: 'in' | 'nin';
  field: string;
  values: Scalar[];
}
export interface ExistsLeaf {
  op: 'exists';
  field: string;
  value: boolean;
}
export interface RegexLeaf {
  op: 'regex';
  field: string;
  pattern: string;
  flags: '' | 'i';
}
export type Leaf = CompareLeaf | InLeaf | ExistsLeaf | RegexLeaf;

export const MATCH_ALL: AndNode = { op: 'and', args: [] };

export function isLeaf(n: FilterNode): n is Leaf {
  return n.op !== 'and' && n.op !== 'or' && n.op !== 'not' && n.op !== 'search';
}
