/**
 * Renaming ids in a definition and the rename log (`@tessera/core/renames`): pure code shared by
 * the builder's commands, the server's publish and the CLI.
 */
export { renameInExpression, replaceRecordNames, fieldsRead } from './expression-rename';
export { renameFieldRefs } from './field-rename';
export { renameIdRefs, type IdKind } from './id-rename';
export { mapRefPath } from './ref-path';
export { mapRefSites, mapRefs, type SiteMapper } from './ref-sites';
export { IDENTIFIER, assertNewId, idProblem } from './new-id';
export { withRenamedComponent, withRenamedEntity, withRenamedField, withRenamedPage, withRenamedRole } from './rename-ids';
export {
  composeRenames,
  entityIdsOf,
  eventOf,
  isFieldEntry,
  logRename,
  reconcileRenames,
  renamesToPublish,
  sameRename,
  type EntityIds,
  type EntityRenameEntry,
  type FieldRenameEntry,
  type RenameEntry,
  type RenameEvent,
} from './rename-log';
export { parseRenameSpec } from './rename-spec';
