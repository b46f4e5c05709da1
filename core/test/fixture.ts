/** A fresh, mutable copy of the full fixture app for each test. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export const fullApp = (): Loose => JSON.parse(readFileSync(join(__dirname, 'fixtures', 'full-app.json'), 'utf8'));
