/** English UI strings. Keys are grouped by screen; zh-CN.ts mirrors them. */
export const en = {
  app: { title: 'Tessera Builder', signOut: 'Sign out', language: 'Language' },
  login: { title: 'Sign in to Tessera', email: 'Email', password: 'Password', submit: 'Sign in', failed: 'Sign-in failed' },
  apps: {
    title: 'Apps', create: 'New app', import: 'Import JSON', open: 'Open', empty: 'No apps yet. Create your first one.',
    name: 'Name', id: 'App id', idHelp: 'Lowercase letters, digits and hyphens; used in URLs.', published: 'Published v{{n}}', draft: 'Draft only',
    revision: 'Revision {{n}}', updated: 'Updated', createTitle: 'Create an app', created: 'App created',
  },
  nav: { data: 'Data', pages: 'Pages', access: 'Access', navigation: 'Menu', json: 'JSON', versions: 'Versions', back: 'All apps' },
  toolbar: {
    undo: 'Undo', redo: 'Redo', undoCmd: 'Undo {{cmd}}', redoCmd: 'Redo {{cmd}}', publish: 'Publish', publishBlocked: 'Fix {{count}} error(s) to publish',
    errors: '{{count}} error(s)', noErrors: 'No errors', preview: 'Preview', export: 'Export JSON',
  },
  save: { idle: '', dirty: 'Unsaved changes', saving: 'Saving…', saved: 'All changes saved', error: 'Save failed: {{message}}', conflict: 'Changed elsewhere' },
  conflict: {
    title: 'This draft was changed elsewhere', body: 'Someone else saved this app after you opened it. Your latest edits are not saved.',
    reload: 'Reload theirs (discard mine)', overwrite: 'Overwrite with mine',
  },
  data: {
    entities: 'Entities', addEntity: 'Add entity', entityName: 'Entity name', noEntities: 'No entities yet', noEntitiesHint: 'An entity is a kind of record: Customer, Order…',
    fields: 'Fields', diagram: 'Diagram', indexes: 'Indexes', settings: 'Entity settings', addField: 'Add field', field: 'Field', type: 'Type', label: 'Label',
    flags: 'Flags', required: 'required', unique: 'unique', indexed: 'indexed', deleteField: 'Delete field', deleteEntity: 'Delete entity', confirmDelete: 'Delete "{{name}}"?',
    selectEntity: 'Select an entity to edit its fields', fieldSettings: 'Field settings', selectField: 'Select a field to edit its settings',
    addIndex: 'Add index', uniqueIndex: 'Unique', indexFields: 'Fields', noIndexes: 'No compound indexes', diagramHint: 'Drag from an entity\'s right handle to another entity to add a relation.',
  },
  pages: {
    pages: 'Pages', addPage: 'Add page', pageTitle: 'Page title', noPages: 'No pages yet', palette: 'Components', emptyCanvas: 'Drag components here',
    dropInside: 'Drop here', properties: 'Properties', data: 'Data', selectComponent: 'Select a component to edit it', pageSettings: 'Page settings',
    componentId: 'Component id', deleteComponent: 'Delete component', route: 'Route', title: 'Title',
  },
  source: {
    entity: 'Entity', filter: 'Filter', sort: 'Sort', limit: 'Limit', addRule: 'Add condition', addGroup: 'Add group', and: 'All of', or: 'Any of',
    field: 'Field', operator: 'Operator', value: 'Value', noFilter: 'No conditions: every record', addSort: 'Add sort key', asc: 'Ascending', desc: 'Descending',
    computedColumn: 'Add computed column', computedName: 'Column name',
    not: 'Negate', notShort: 'NOT', notHelp: 'Negate this condition ($not)', raw: 'JSON',
    rawHelp: 'This condition cannot be shown as a rule; it is kept exactly as written.', rawNotObject: 'A condition is a JSON object: { "field": … }',
  },
  bind: {
    title: 'Which records does this {{type}} show?', hint: 'Choose the entity it is bound to. You can change it later in its Data tab.',
    placeholder: 'Choose an entity', add: 'Add',
  },
  computed: {
    title: 'Name the computed column', expression: 'Expression', edit: 'Edit', name: 'Column name', nameHelp: 'Becomes a computed field of {{entity}}; leave empty to use the proposal.',
    resultType: 'Result type', add: 'Add column', hint: 'The value is computed from each record when it is read.',
  },
  rename: {
    button: 'Rename', help: 'Renaming updates every reference to it in the app.', pattern: 'A letter, then letters, digits or _ (at most 64 characters).',
    taken: '"{{id}}" is already used.',
    storedData: 'Records already saved keep their values under the old id (publishing does not move them).',
  },
  access: {
    roles: 'Roles', addRole: 'Add role', roleName: 'Role name', noRoles: 'No roles yet', noRolesHint: 'A role groups what its users may do: Sales rep, Manager…',
    undeclared: 'not declared', undeclaredHint: 'Permissions name this role, but the app does not declare it.', declare: 'Declare this role',
    permissions: 'Permissions', settings: 'Role settings', entity: 'Entity', rows: 'Records', fields: 'Fields', noAccess: 'No access',
    selectRole: 'Select or add a role to edit what its users may do.', deleteRole: 'Delete role', confirmDeleteRole: 'Delete role "{{name}}" and its {{count}} permission(s)?',
    matrixHint: 'What users with this role may do with each entity. Without any action the entity is closed to them.',
    selectEntity: 'Click an entity to set which records and fields the role sees.', giveActionFirst: 'Give this role at least one action on {{entity}} first.',
    rowScope: 'Which records', ownerField: 'Owner field', ownerFieldHelp: 'Own and team compare this field with the signed-in user.', needsOwner: 'Choose the owner field for own / team.',
    fieldAccess: 'Field access', hiddenCount: '{{count}} hidden', readonlyCount: '{{count}} read-only', field: 'Field',
  },
  action: { create: 'Create', read: 'Read', update: 'Update', delete: 'Delete' },
  rowScope: { own: 'Own', team: 'Team', all: 'All', ownHelp: 'Records they own', teamHelp: 'Records owned by their team', allHelp: 'Every record' },
  fieldAccess: { visible: 'Visible', readonly: 'Read-only', hidden: 'Hidden' },
  menu: {
    title: 'Menu', addItem: 'Add item', addChild: 'Add sub-item', newItem: 'New item', empty: 'The menu is empty', emptyHint: 'Menu items open pages; an item with sub-items is a group.',
    item: 'Menu item', selectItem: 'Select a menu item to edit it.', deleteItem: 'Delete item', moveUp: 'Move up', moveDown: 'Move down', indent: 'Indent', outdent: 'Outdent',
    unlisted: 'Pages not in the menu', addPage: 'Add to menu', group: 'group', dragHint: 'Drag items to reorder them, or onto another item to nest them.',
  },
  ops: { $eq: 'equals', $ne: 'is not', $gt: '>', $gte: '≥', $lt: '<', $lte: '≤', $in: 'is one of', $nin: 'is none of', $regex: 'matches', $exists: 'is set' },
  expr: { title: 'Expression', result: 'Result on a sample record', sample: 'Sample record', error: 'Error', apply: 'Apply', cancel: 'Cancel', fields: 'Fields' },
  issues: { title: 'Problems', none: 'No problems. The app can be published.', where: 'Where' },
  json: { title: 'Definition (JSON)', apply: 'Apply changes', invalidJson: 'Not valid JSON: {{message}}', applied: 'Applied as one undoable step', reset: 'Discard edits', hint: 'Schema-aware: completion and squiggles come from the app definition schema.' },
  versions: {
    title: 'Versions', publish: 'Publish', note: 'What changed?', published: 'Published version {{n}}', rollback: 'Roll back', rollbackConfirm: 'Publish a copy of version {{n}} as a new version?',
    diff: 'Compare', left: 'From', right: 'To', draft: 'Draft', none: 'Not published yet', export: 'Export JSON', import: 'Import JSON', imported: 'Imported as one undoable step',
    version: 'Version', date: 'Published', by: 'By', rolledBack: 'Rolled back to version {{n}}',
  },
  form: { add: 'Add', remove: 'Remove', moveUp: 'Move up', moveDown: 'Move down', translate: 'Translate per locale', openExpression: 'Open expression editor' },
  common: { cancel: 'Cancel', ok: 'OK', delete: 'Delete', loading: 'Loading…', error: 'Error', close: 'Close', create: 'Create' },
};
export type Resources = typeof en;
