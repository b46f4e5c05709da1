import { defineConnector } from '../../sdk/define-connector';
import manifest from './http.manifest.json';
import get from './operations/get.operation.json';
import post from './operations/post.operation.json';
import put from './operations/put.operation.json';
import patch from './operations/patch.operation.json';
import del from './operations/delete.operation.json';

export const httpConnector = defineConnector({ manifest: { ...manifest, operations: [get, post, put, patch, del] }, handlers: {} });
