export declare const DEFAULT_LIMIT = 20;
export declare const MAX_LIMIT = 100;
export interface Page<T> {
    data: T[];
    next_cursor: string | null;
}
export declare const encodeCursor: (list: string, after: string) => string;
/** Numeric order of ids with a common prefix: `tkt_99999` before `tkt_100000`. */
export declare const compareIds: (a: string, b: string) => number;
/** One page of `items` (already filtered, in ascending id order) after the cursor's id. */
export declare function paginate<T extends {
    id: string;
}>(list: string, items: readonly T[], query: {
    limit?: number;
    cursor?: string;
}): Page<T>;
