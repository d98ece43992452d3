import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Lints source texts as if they were files at the given paths (none needs to exist), with ESLint's Node API and
 * the project's eslint.config.mjs, in a child process: Jest's module sandbox cannot load an ES module config.
 * Returns, per fixture, the messages of the import restrictions.
 */
function lintFixtures(fixtures: { filePath: string; code: string }[]): Promise<string[][]> {
  const script = `
    import { ESLint } from 'eslint';
    const fixtures = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const { filePath, code } of fixtures) {
      const [result] = await eslint.lintText(code, { filePath });
      out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const input = JSON.stringify(fixtures.map((f) => ({ ...f, filePath: path.join(ROOT, f.filePath) })));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script, input],
      { cwd: ROOT, maxBuffer: 10_000_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
  });
}

/** One fixture: a file in a layer importing something. */
interface Case {
  file: string;
  source: string;
}

const importOf = (source: string) => `import * as imported from '${source}';\nexport const used = imported;\n`;

describe('the dependency rule of DESIGN.md is enforced by lint', () => {
  const violations: [string, Case, RegExp][] = [
    ['a domain file importing node:fs', { file: 'teams-app/domain/x.ts', source: 'node:fs' }, /no I\/O/],
    ['a domain file importing fs', { file: 'teams-app/domain/x.ts', source: 'fs/promises' }, /no I\/O/],
    ['a domain file importing crypto', { file: 'teams-app/domain/agenda/x.ts', source: 'crypto' }, /no I\/O/],
    ['a domain file importing express', { file: 'teams-app/domain/x.ts', source: 'express' }, /no I\/O/],
    ['a domain file importing better-sqlite3', { file: 'teams-app/domain/x.ts', source: 'better-sqlite3' }, /no I\/O/],
    [
      'a domain file importing the Graph client',
      { file: 'teams-app/domain/x.ts', source: '@microsoft/microsoft-graph-client' },
      /no I\/O/,
    ],
    [
      'a domain file importing the SQLite store',
      { file: 'teams-app/domain/x.ts', source: '../store/sqlite/sqlite-store' },
      /outside domain/,
    ],
    [
      'a nested domain file importing the store port',
      { file: 'teams-app/domain/minutes/x.ts', source: '../../store' },
      /outside domain/,
    ],
    [
      'a nested domain file importing a service',
      { file: 'teams-app/domain/agenda/x.ts', source: '../../services/meeting-service' },
      /outside domain/,
    ],
    ['a domain file importing the bot', { file: 'teams-app/domain/x.ts', source: '../../bot/handler' }, /outside/],
    ['a domain file importing botbuilder', { file: 'teams-app/domain/x.ts', source: 'botbuilder' }, /botbuilder/],
    ['a service importing express', { file: 'teams-app/services/x.ts', source: 'express' }, /ports, not adapters/],
    [
      'a service importing the bot',
      { file: 'teams-app/services/x.ts', source: '../../bot/handler' },
      /ports, not adapters/,
    ],
    [
      'a nested service importing the bot',
      { file: 'teams-app/services/outbox/x.ts', source: '../../../bot/adapter-sender' },
      /ports, not adapters/,
    ],
    [
      'a service importing the SQLite store',
      { file: 'teams-app/services/x.ts', source: '../store/sqlite/sqlite-store' },
      /ports, not adapters/,
    ],
    [
      'a service importing the Azure Storage adapter',
      { file: 'teams-app/services/outbox/x.ts', source: '../../store/azure' },
      /ports, not adapters/,
    ],
    [
      'a service importing the local file store',
      { file: 'teams-app/services/x.ts', source: '../store/local-files' },
      /ports, not adapters/,
    ],
    [
      'a service importing the HTTP server',
      { file: 'teams-app/services/x.ts', source: '../server/auth' },
      /ports, not adapters/,
    ],
    ['a service importing botbuilder', { file: 'teams-app/services/x.ts', source: 'botbuilder' }, /botbuilder/],
    ['the bot importing the tab', { file: 'bot/x.ts', source: '../tab/src/api' }, /never import each other/],
    [
      'the bot adapter importing the tab',
      { file: 'bot/adapter.ts', source: '../tab/src/api/client' },
      /never import each other/,
    ],
    ['bot code importing botbuilder', { file: 'bot/handler.ts', source: 'botbuilder' }, /bot\/adapter/],
    ['bot code importing botbuilder-core', { file: 'bot/cards/x.ts', source: 'botbuilder-core' }, /bot\/adapter/],
    [
      'bot code importing botframework-connector',
      { file: 'bot/x.ts', source: 'botframework-connector' },
      /bot\/adapter/,
    ],
    ['the server importing botbuilder', { file: 'teams-app/server/app.ts', source: 'botbuilder' }, /bot\/adapter/],
    ['main.ts importing botbuilder', { file: 'teams-app/server/main.ts', source: 'botbuilder' }, /bot\/adapter/],
    ['the store importing botbuilder', { file: 'teams-app/store/x.ts', source: 'botbuilder' }, /bot\/adapter/],
    ['the tab importing the bot', { file: 'tab/src/x.ts', source: '../../bot/handler' }, /never import each other/],
    [
      'the tab importing a service',
      { file: 'tab/src/api/x.ts', source: '../../../teams-app/services' },
      /only through the HTTP API/,
    ],
    [
      'the tab importing the server',
      { file: 'tab/src/x.ts', source: '../../teams-app/server/auth' },
      /only through the HTTP API/,
    ],
    ['the tab importing botbuilder', { file: 'tab/src/x.ts', source: 'botbuilder' }, /bot\/adapter/],
    [
      'the tab importing icons through their barrel',
      { file: 'tab/src/x.ts', source: '@fluentui/react-icons' },
      /each icon from @fluentui\/react-icons\/svg/,
    ],
  ];

  const allowed: [string, Case][] = [
    ['a domain file importing zod', { file: 'teams-app/domain/x.ts', source: 'zod' }],
    ['a domain file importing the HTML tokenizer', { file: 'teams-app/domain/minutes/x.ts', source: 'htmlparser2' }],
    ['a domain file importing a sibling', { file: 'teams-app/domain/x.ts', source: './reference' }],
    ['a nested domain file importing domain code', { file: 'teams-app/domain/agenda/x.ts', source: '../errors' }],
    ['a service importing the domain', { file: 'teams-app/services/x.ts', source: '../domain' }],
    ['a service importing the store port', { file: 'teams-app/services/x.ts', source: '../store' }],
    ['a nested service importing the store port', { file: 'teams-app/services/outbox/x.ts', source: '../../store' }],
    ['the bot importing services', { file: 'bot/x.ts', source: '../teams-app/services' }],
    ['the bot adapter importing botbuilder', { file: 'bot/adapter.ts', source: 'botbuilder' }],
    ['the bot sender adapter importing botbuilder', { file: 'bot/adapter-sender.ts', source: 'botbuilder' }],
    ['main.ts wiring the bot adapter', { file: 'teams-app/server/main.ts', source: '../../bot/adapter' }],
    ['the tab importing domain types', { file: 'tab/src/api/x.ts', source: '../../../teams-app/domain' }],
    ['the tab importing a domain module', { file: 'tab/src/x.ts', source: '../../teams-app/domain/agenda' }],
    ['the tab importing one icon', { file: 'tab/src/x.ts', source: '@fluentui/react-icons/svg/globe' }],
  ];

  const everyViolation = {
    filePath: 'teams-app/domain/x.ts',
    code: [
      "import fs from 'node:fs';",
      "import { openSqliteStore } from '../store/sqlite/sqlite-store';",
      "import { CloudAdapter } from 'botbuilder';",
      'export const used = [fs, openSqliteStore, CloudAdapter];',
    ].join('\n'),
  };

  const reported = new Map<string, string[]>();
  beforeAll(async () => {
    const cases = [...violations, ...allowed].map(([name, { file, source }]) => ({
      name,
      filePath: file,
      code: importOf(source),
    }));
    const results = await lintFixtures([...cases, everyViolation]);
    cases.forEach((c, i) => reported.set(c.name, results[i] ?? []));
    reported.set('every violation', results[cases.length] ?? []);
  }, 60_000);

  it.each(violations)('reports %s', (name, _case, message) => {
    expect(reported.get(name)).toEqual([expect.stringMatching(message)]);
  });

  it.each(allowed)('lets %s pass', (name) => {
    expect(reported.get(name)).toEqual([]);
  });

  it('reports every violation of a file, not only those of the last matching block', () => {
    expect(reported.get('every violation')).toEqual([
      expect.stringMatching(/no I\/O/),
      expect.stringMatching(/outside domain/),
      expect.stringMatching(/botbuilder/),
    ]);
  });
});
