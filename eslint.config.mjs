// Lint rules, including the dependency rule of DESIGN.md: a wrong import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['teams-app/domain/**'],
    rules: restrict([
      { group: ['../*', '!../domain'], message: 'domain imports nothing of ours' },
      {
        group: [
          'node:*',
          'fs',
          'path',
          'http',
          'https',
          'better-sqlite3',
          'express',
          'botbuilder',
          '@microsoft/*',
          'pino',
          'docx',
        ],
        message: 'domain is pure: no I/O',
      },
    ]),
  },
  {
    files: ['teams-app/services/**'],
    rules: restrict([
      {
        group: [
          '**/store/sqlite*',
          '**/store/sharepoint*',
          '**/server/*',
          '**/bot/*',
          '**/tab/*',
          'better-sqlite3',
          'express',
          'botbuilder',
        ],
        message: 'services use ports, not adapters',
      },
    ]),
  },
  {
    files: ['bot/**'],
    ignores: ['bot/adapter*'],
    rules: restrict([
      { group: ['**/tab/*', '../tab', '../../tab'], message: 'bot and tab never import each other' },
      { group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'botbuilder stays inside bot/adapter*' },
    ]),
  },
  {
    files: ['bot/adapter*'],
    rules: restrict([{ group: ['**/tab/*'], message: 'bot and tab never import each other' }]),
  },
  {
    files: ['teams-app/**'],
    ignores: ['teams-app/server/main.ts'],
    rules: restrict([{ group: ['botbuilder', 'botbuilder-*'], message: 'botbuilder stays inside bot/adapter*' }]),
  },
  {
    files: ['tab/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        { group: ['**/bot/*', '../bot', '../../bot'], message: 'bot and tab never import each other' },
        {
          group: ['**/teams-app/*', '!**/teams-app/domain', '!**/teams-app/domain/*'],
          message: 'the tab reaches the server only through the HTTP API; it may import domain types',
        },
      ]),
    },
  },
);
