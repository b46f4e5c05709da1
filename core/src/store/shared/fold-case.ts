/**
 * How `ignoreCase` unique fields compare: lower case as JavaScript folds it ("Ann@X.com" and
 * "ann@x.com" are one value). The SQLite adapter indexes the same fold (SQL `lower()` for ASCII,
 * this function for the rest); MongoDB's case-insensitive collation (strength 2) agrees on
 * letter case, and may also equate a few letters this keeps apart (German ß and ss).
 */
export const foldCase = (value: string): string => value.toLowerCase();
