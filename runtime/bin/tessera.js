#!/usr/bin/env node
'use strict';
// The runtime is TypeScript run directly: tsx compiles each module on load (esbuild), so there is
// no build step between editing a file and `npm start`.
require('tsx/cjs');
require('../src/cli/main.ts');
