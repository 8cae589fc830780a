import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Import patterns of the named top-level folders (src/NAME, or the root workers/). Patterns match the import text,
 * so they rely on no folder inside a layer having one of these names.
 */
const LAYER = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);

/** Browser globals core must not touch: it runs the same in Node, workers and the page. */
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'indexedDB',
  'HTMLElement',
  'self',
  'postMessage',
  'Worker',
].map((name) => ({ name, message: 'core knows no screen or thread.' }));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/data/', 'artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Never build HTML from data: use textContent.',
        },
      ],
    },
  },
  // The layer rules (../shared/DESIGN.md): shells (app, ui, map, cli, workers) over io and data over core.
  // tests/unit/lint/layers.test.ts shows each rule failing on a bad import.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: LAYER('data', 'io', 'app', 'ui', 'map', 'cli', 'workers'), message: 'core imports only core.' },
            { group: ['maplibre-gl', '@deck.gl/*', 'comlink'], message: 'core knows no screen or thread.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    files: ['src/io/**/*.ts', 'src/data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: LAYER('app', 'ui', 'map', 'cli', 'workers'), message: 'io and data are under the shells.' },
          ],
        },
      ],
    },
  },
  {
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: LAYER('app', 'ui', 'map'), message: 'a worker imports no page code (app, ui, map).' }] },
      ],
    },
  },
  {
    files: ['src/map/**/*.ts', 'src/ui/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/workers/**'],
              allowTypeImports: true,
              message: 'map and ui take worker types only; the page talks to workers through src/app.',
            },
          ],
        },
      ],
    },
  },
);
