#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ after `npm ci` (prepare builds it).
import { main } from '../dist/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
