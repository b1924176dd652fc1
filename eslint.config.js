// Lint rules that keep the layers pointing inward (see shared STYLE conventions 1 and 14).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const capabilities = ['artifacts', 'license', 'lineage', 'providers', 'eval', 'redteam', 'guard', 'store', 'report'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'modelgate-demo/**', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-default-export': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // core imports nothing else from the project
            { target: './src/core', from: './src', except: ['./core'] },
            // the library never imports the CLI, gateway or web layers
            ...[...capabilities, 'core'].map((c) => ({ target: `./src/${c}`, from: ['./src/cli', './src/gateway', './src/web'] })),
            { target: './src/gateway', from: './src/cli' },
            { target: './src/web', from: './src/cli' },
          ],
        },
      ],
    },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.js'] } } },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.{js,mjs}', 'bench/**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['*.config.ts', '*.config.js'],
    rules: { 'import-x/no-default-export': 'off' },
  },
);
