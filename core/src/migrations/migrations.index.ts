/**
 * Every migration, oldest first. Version 1 is the first published format, so the list is empty;
 * the next format change adds `v1-to-v2.migration.ts` here and bumps CURRENT_SCHEMA_VERSION.
 */
import { defineMigrations, type Migration } from './migration';

export const migrations: Migration[] = defineMigrations([]);
