#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ after `npm ci` (prepare builds it). `launch` runs
// `serve` in a child with V8 flags of its own (see src/cli/launch.ts), everything else here.
import { launch } from '../dist/cli/launch.js';
import { main } from '../dist/cli/main.js';

launch(process.argv, main).then((code) => {
  process.exitCode = code;
});
