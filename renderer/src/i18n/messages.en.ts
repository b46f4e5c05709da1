/**
 * Texts of the renderer itself (labels of the app come from its definition; a type's own texts,
 * kanban's or a relation's, come from its folder: type-messages.ts).
 */
export const en = {
  common: {
    loading: 'Loading…', retry: 'Retry', cancel: 'Cancel', save: 'Save', delete: 'Delete', close: 'Close',
    yes: 'Yes', no: 'No', empty: 'No data', error: 'Something went wrong', reload: 'Reload', apply: 'Apply', reset: 'Reset',
    signOut: 'Sign out', language: 'Language', noPermission: 'You do not have access to this.',
  },
  table: {
    search: 'Search…', loadMore: 'Load more', next: 'Next', previous: 'Previous', columns: 'Columns', export: 'Export CSV',
    import: 'Import CSV', views: 'Views', saveView: 'Save view…', viewName: 'View name', shared: 'Share with everyone',
    defaultView: 'Default view', total: '{{count, number}} records', totalCapped: 'more than {{count, number}} records', shown: '{{shown}} of {{total}}', pageN: 'Page {{n}}', perPage: '{{n}} / page',
    filterContains: 'Contains…', min: 'Min', max: 'Max', new: 'New', deleteView: 'Delete view', viewSaved: 'View saved',
    selected: '{{count}} selected', deleteSelected: 'Delete selected', confirmDelete: 'Delete {{count}} records?',
  },
  import: {
    title: 'Import {{entity}} from CSV', drop: 'Click or drag a CSV file here', hint: 'The first line names the columns (field ids or labels).',
    running: 'Importing… {{processed}} of {{total}} rows', done: 'Imported {{created}} records; {{failed}} rows failed.',
    failed: 'The import failed.', line: 'Line', field: 'Field', message: 'Problem', start: 'Import',
    interrupted: 'The import was interrupted after line {{line}} (the server stopped): {{created}} records were created, {{failed}} rows failed. The {{rest}} rows after line {{line}} were not imported; import them again.',
    wholeFile: 'File',
  },
  form: {
    create: 'Create', save: 'Save', saved: 'Saved', created: 'Created', fixErrors: 'Please fix the highlighted fields.',
    required: 'Required', conflictTitle: 'Changed by someone else',
    conflict: 'This record was changed by someone else since you opened it. Reload to see their changes (your edits will be lost), or keep editing.',
    keepEditing: 'Keep editing', unique: 'This value is already used by another record.', notFound: 'This record does not exist or you cannot see it.',
    invalidJson: 'Not valid JSON', readonly: 'Read-only', noRecord: 'Open a record to edit it.',
  },
  detail: { history: 'History', activity: 'Activity', audit: 'Audit log', edit: 'Edit', noHistory: 'No changes recorded yet.', created: 'created the record', updated: 'changed', deleted: 'deleted the record', system: 'System' },
  validation: {
    email: 'Enter a valid email address', url: 'Enter a full link starting with http:// or https://', date: 'Enter a valid date',
    datetime: 'Enter a valid date and time', pattern: 'This value is not in the expected format', maxLength: 'At most {{n}} characters',
    minLength: 'At least {{n}} characters', max: 'At most {{n}}', min: 'At least {{n}}', number: 'Enter a number',
    option: 'Choose one of the options', maxItems: 'Choose at most {{n}}', duplicates: 'Each value only once',
    boolean: 'Enter yes or no', relation: 'There is no {{entity}} with id "{{id}}"', forbidden: 'Your role may not set this',
    duplicateInFile: 'This value is already on line {{line}} of the file', cellCount: 'This row has {{cells}} cells, the header {{columns}}',
    csvSyntax: 'This line is not valid CSV (check its quotes)', stopped: 'The import stopped: {{reason}}',
  },
  app: {
    notFound: 'Page not found', notFoundHint: 'The address does not match any page of this app.', home: 'Back to the start page',
    published: 'A new version of this app was published.', loadFailed: 'The app could not be loaded.', noPages: 'This app has no pages yet.',
    unknownComponent: 'Unknown component type "{{type}}"', componentFailed: 'This component failed to render.',
    noSource: 'This component needs an entity source.', unknownEntity: 'Unknown entity "{{entity}}"', live: 'Live', offline: 'Reconnecting…',
  },
};

export type Messages = typeof en;
