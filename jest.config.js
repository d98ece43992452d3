/** Jest runs every suite under tests/; TypeScript is compiled by swc (type-checking is `npm run typecheck`). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  // ES-module-only packages jest (CommonJS) must compile: jose, nanoid, strip-bom, htmlparser2 with its
  // own dependencies (entities, domhandler, domelementtype, domutils, dom-serializer), and intl-messageformat
  // with its @formatjs parser.
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|nanoid|strip-bom|htmlparser2|entities|domhandler|domelementtype|domutils|dom-serializer|intl-messageformat|@formatjs)/)',
  ],
  testTimeout: 30000,
  maxWorkers: 2,
};
