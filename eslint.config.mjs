// Lint rules, including the dependency rule of DESIGN.md: a wrong import fails `npm test`.
//
// Flat config replaces a rule's settings instead of merging them, so each source file must fall in exactly one
// `no-restricted-imports` block holding every restriction of its layer (tests/contract/layering.test.ts checks
// that each one fires).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
/** A package name as a literal in a regular expression (ESLint compiles them with the `u` flag). */
const literal = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The restrictions, by what they keep out. Each matches the import path as written.
const BOTBUILDER = {
  regex: '^(botbuilder|botframework-[\\w-]+)(-[\\w-]+)?(/|$)',
  message: 'botbuilder stays inside bot/adapter*',
};
const IO_PACKAGES = [...builtinModules, 'better-sqlite3', 'express', 'pino', 'docx', 'jose', 'croner'];
const NO_IO = {
  regex: `^(node:|(${IO_PACKAGES.map(literal).join('|')}|@microsoft/[\\w.-]+)(/|$))`,
  message: 'domain is pure: no I/O',
};
/** Leaving domain/ from a file `depth` folders below it (`../` once more than the depth). */
const outsideDomain = (depth) => ({
  regex: `^(\\.\\./){${depth + 1},}`,
  message: 'domain imports nothing of ours outside domain/',
});
const NO_ADAPTERS = {
  regex:
    '((^|/)(store/(sqlite|sharepoint|azure|local-files|demo)|graph|server|bot|tab)(/|$)|^(better-sqlite3|express)(/|$))',
  message: 'services use ports, not adapters (store adapters, graph, server, express, bot, tab)',
};
const NO_TAB = { regex: '(^|/)tab(/|$)', message: 'bot and tab never import each other' };
const NO_BOT = { regex: '(^|/)bot(/|$)', message: 'bot and tab never import each other' };
const ICON_BARREL = {
  regex: '^@fluentui/react-icons$',
  message:
    'import each icon from @fluentui/react-icons/svg/<name>: through the barrel, icons of lazy views land in the first chunk',
};
const TAB_SERVER_SIDE = {
  regex: '(^|/)teams-app(/(?!domain(/|$))|$)',
  message: 'the tab reaches the server only through the HTTP API; it may import domain types',
};

/** domain/: one block per folder depth, since leaving the folder takes one more `../` at each level. */
const DOMAIN_DEPTHS = [0, 1, 2, 3];

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
  ...DOMAIN_DEPTHS.map((depth) => ({
    files: [`teams-app/domain/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: restrict(outsideDomain(depth), NO_IO, BOTBUILDER),
  })),
  {
    files: ['teams-app/services/**'],
    rules: restrict(NO_ADAPTERS, BOTBUILDER),
  },
  {
    files: ['teams-app/**'],
    ignores: ['teams-app/domain/**', 'teams-app/services/**'],
    rules: restrict(BOTBUILDER),
  },
  {
    files: ['bot/**'],
    ignores: ['bot/adapter*'],
    rules: restrict(NO_TAB, BOTBUILDER),
  },
  {
    files: ['bot/adapter*'],
    rules: restrict(NO_TAB),
  },
  {
    files: ['tab/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(NO_BOT, TAB_SERVER_SIDE, BOTBUILDER, ICON_BARREL),
    },
  },
);
