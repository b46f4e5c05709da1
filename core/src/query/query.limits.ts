/** Bounds on what a caller may ask of the store. They keep one request from pinning a core. */
export const LIMITS = {
  maxDepth: 8,
  maxConditions: 200,
  maxRegexLength: 200,
  maxSearchLength: 200,
  maxInValues: 1000,
  maxSortKeys: 8,
  defaultLimit: 50,
  maxLimit: 1000,
  maxGroupBy: 8,
  maxMetrics: 32,
  maxCursorLength: 4096,
} as const;
