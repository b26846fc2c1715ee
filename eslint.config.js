// Lint rules. The important ones keep the engine pure: src/engine may not import React, the
// DOM, zustand or the UI, and may not use timers, Math.random or Date.now (determinism).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const enginePurity = {
  'no-restricted-imports': ['error', {
    patterns: [
      { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'The engine is pure: no React.' },
      { group: ['zustand', 'zustand/*', 'zundo'], message: 'The engine is pure: no store.' },
      { group: ['@xyflow/*', 'motion', 'motion/*', 'framer-motion', 'd3-*', 'd3'], message: 'The engine is pure: no UI libraries.' },
      { group: ['**/ui/**', '**/store/**', '**/app/**', '**/share/**', '**/cli/**'], message: 'Nothing in the engine imports outward.' },
      { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The engine runs in the browser too: no Node built-ins.' },
    ],
  }],
  'no-restricted-globals': ['error',
    { name: 'window', message: 'The engine is pure: no DOM.' },
    { name: 'document', message: 'The engine is pure: no DOM.' },
    { name: 'localStorage', message: 'The engine is pure: no storage.' },
    { name: 'sessionStorage', message: 'The engine is pure: no storage.' },
    { name: 'fetch', message: 'The engine is pure: no network.' },
    { name: 'setTimeout', message: 'The engine is pure: no timers.' },
    { name: 'setInterval', message: 'The engine is pure: no timers.' },
    { name: 'requestAnimationFrame', message: 'The engine is pure: no timers.' },
    { name: 'performance', message: 'The engine is pure: no clocks.' },
    { name: 'navigator', message: 'The engine is pure: no DOM.' },
  ],
  'no-restricted-properties': ['error',
    { object: 'Math', property: 'random', message: 'Use the seeded generator in engine/lib/rng.ts.' },
    { object: 'Date', property: 'now', message: 'The engine is deterministic: no clocks.' },
  ],
  'no-restricted-syntax': ['error',
    { selector: "NewExpression[callee.name='Date']", message: 'The engine is deterministic: no clocks.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Names from YAML and URLs are data, never markup.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Names from YAML and URLs are data, never markup.' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: enginePurity,
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/ui/**', 'react-dom'], message: 'The store does not import the UI.' },
      ] }],
    },
  },
);
