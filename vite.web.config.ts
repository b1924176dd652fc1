// Builds the dashboard app (src/web/app) into dist/web/, beside the compiled server; see src/web/README.md.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./src/web/app'),
  base: './',
  logLevel: 'warn',
  // Preact through esbuild's automatic JSX runtime: no framework plugin needed.
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: here('./dist/web'),
    // dist/web also holds the compiled server (tsc runs first): never empty it.
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
