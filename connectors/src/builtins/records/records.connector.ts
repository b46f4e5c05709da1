import { defineConnector } from '../../sdk/define-connector';
import manifest from './records.manifest.json';
import listRecords from './operations/list-records.operation.json';
import getRecord from './operations/get-record.operation.json';
import createRecord from './operations/create-record.operation.json';
import updateRecord from './operations/update-record.operation.json';
import deleteRecord from './operations/delete-record.operation.json';

export const recordsConnector = defineConnector({
  manifest: { ...manifest, operations: [listRecords, getRecord, createRecord, updateRecord, deleteRecord] },
  handlers: {},
});
