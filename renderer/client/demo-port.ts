/** Development only (`vite` dev server, /apps/demo/): the example app on the in-memory demo port, no server needed. */
import type { AppDefinition } from '@tessera/core';
import app from '../../examples/b2b-sales/app.json';
import { createDemoDataPort } from '../src';

export const demoPort = createDemoDataPort(app as unknown as AppDefinition, 7, { latencyMs: 120 });
