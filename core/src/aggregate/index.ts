/** Date buckets, bucketed aggregates and rollups: one implementation for the server and the browser. */
export * from './date-bucket';
export * from './bucketed-aggregate';
export * from './rollup';
