import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OutgoingActivity, Turn } from '../../../bot/activity';
import { helpCard, commandUsage } from '../../../bot/cards/help-card';
import {
  COMMANDS,
  COMMAND_IDS,
  commandsIn,
  parseCommand,
  type CommandScope,
  type CommandSpec,
  type ParsedCommand,
} from '../../../bot/commands';
import { IscBot } from '../../../bot/handler';
import { LOCALES, type Locale } from '../../../teams-app/domain';
import { ConversationService, RegisterService } from '../../../teams-app/services';
import { seedDemoData } from '../../../teams-app/store/demo/seed';
import { openSqliteStore } from '../../../teams-app/store/sqlite/sqlite-store';
import type { Store } from '../../../teams-app/store';
import { messageActivity } from '../../support/activities';

/** A message as each command is typed: its word, with an argument when it needs one and the option word. */
function typed(spec: CommandSpec, word: string, locale: Locale): { text: string; expected: ParsedCommand } {
  const option = spec.option?.words[locale][0];
  if (spec.id === 'meeting')
    return { text: `${word} 32 ${option}`, expected: { id: spec.id, arg: '32', option: true } };
  if (spec.id === 'agenda') return { text: `${word} ${option} 32`, expected: { id: spec.id, arg: '32', option: true } };
  if (spec.arg === 'none') return { text: word, expected: { id: spec.id, option: false } };
  return { text: `${word} 32`, expected: { id: spec.id, arg: '32', option: false } };
}

/** Every way the registry lets a command be typed, with the scope it is offered in first. */
const CASES = COMMANDS.flatMap((spec) =>
  LOCALES.flatMap((locale) =>
    spec.words[locale].map((word) => ({ spec, locale, word, scope: spec.scopes[0] as CommandScope })),
  ),
);

describe('the command registry', () => {
  it('gives every command words in the six languages and a description', () => {
    expect(COMMANDS.map((c) => c.id)).toEqual([...COMMAND_IDS]);
    for (const spec of COMMANDS) {
      for (const locale of LOCALES)
        expect({ id: spec.id, locale, words: spec.words[locale].length > 0 }).toEqual({
          id: spec.id,
          locale,
          words: true,
        });
      expect(spec.description).toMatch(/^help\.cmd\./);
      expect(spec.scopes.length).toBeGreaterThan(0);
    }
  });

  it('gives no word to two commands, in any language', () => {
    const owner = new Map<string, string>();
    for (const spec of COMMANDS) {
      for (const word of new Set(LOCALES.flatMap((locale) => spec.words[locale].map((w) => w.toLowerCase())))) {
        expect({ word, owner: owner.get(word) ?? spec.id }).toEqual({ word, owner: spec.id });
        owner.set(word, spec.id);
      }
    }
  });

  it.each(CASES.map((c) => [c.spec.id, c.locale, c.word, c]))(
    'reads "%s" in %s typed as "%s"',
    (_id, _locale, _word, { spec, locale, word, scope }) => {
      const { text, expected } = typed(spec, word, locale);
      expect(parseCommand(text, scope)).toEqual(expected);
      expect(parseCommand(text.toUpperCase(), scope)).toEqual({
        ...expected,
        ...(expected.arg ? { arg: expected.arg.toUpperCase() } : {}),
      });
    },
  );

  it('reads a command typed with extra spaces or right-to-left marks', () => {
    expect(parseCommand('  my   topics ', 'personal')).toEqual({ id: 'my topics', option: false });
    expect(parseCommand('\u200fجدول   الأعمال\u200f 32', 'chat')).toEqual({ id: 'agenda', arg: '32', option: false });
  });

  it('keeps the argument of free-text commands whole and that of the others to one word', () => {
    expect(parseCommand('update climate change', 'personal')).toEqual({
      id: 'update',
      arg: 'climate change',
      option: false,
    });
    expect(parseCommand('status isc-tf-32', 'personal')).toEqual({ id: 'status', arg: 'isc-tf-32', option: false });
    expect(parseCommand('status of the ITU-D project', 'personal')).toBeNull();
    expect(parseCommand('meeting', 'chat')).toBeNull();
  });

  it('does not take meeting discussion for a command', () => {
    for (const line of [
      'Status of the ITU-D project was discussed',
      'Update: the plan is ready',
      'open questions remain',
      'agenda item 3 was discussed',
      'minutes of the last meeting are fine',
      'help is on the way',
    ]) {
      expect({ line, command: parseCommand(line, 'chat') }).toEqual({ line, command: null });
    }
  });

  it('offers each command only where it works', () => {
    expect(parseCommand('update climate', 'chat')).toBeNull();
    expect(parseCommand('open 32', 'chat')).toBeNull();
    expect(parseCommand('language fr', 'chat')).toBeNull();
    expect(parseCommand('meeting 32', 'personal')).toBeNull();
    expect(commandsIn('chat').map((c) => c.id)).toEqual([
      'help',
      'my topics',
      'status',
      'agenda',
      'minutes',
      'meeting',
    ]);
  });
});

describe('routing by the registry', () => {
  let store: Store;

  beforeEach(async () => {
    store = openSqliteStore({ file: ':memory:' });
    await seedDemoData(store);
  });
  afterEach(async () => {
    await store.close();
  });

  /** A bot whose every command records what it was asked. */
  function recordingBot(): { bot: IscBot; routed: ParsedCommand[] } {
    const bot = new IscBot({
      register: new RegisterService(store),
      conversations: new ConversationService(store),
      savePersonLocale: async () => undefined,
      tabUrl: 'http://localhost:3978',
      now: () => '2026-11-30T08:00:00.000Z',
      tenantAllowed: () => true,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    const routed: ParsedCommand[] = [];
    for (const id of COMMAND_IDS) bot.onCommand(id, async (_ctx, command) => void routed.push(command));
    return { bot, routed };
  }

  function turn(text: string, scope: CommandScope): Turn {
    const activity = messageActivity('http://127.0.0.1:9/', text, {
      conversationType: scope === 'personal' ? 'personal' : 'groupChat',
      conversationId: scope === 'personal' ? undefined : '19:group@thread.v2',
    });
    return {
      activity: activity as unknown as Turn['activity'],
      send: async (_sent: OutgoingActivity) => ({ id: 'reply' }),
      update: async () => undefined,
    };
  }

  it.each(COMMANDS.flatMap((spec) => LOCALES.map((locale) => [spec.id, locale, spec] as const)))(
    'routes "%s" in %s wherever it is offered, also after an @mention of the bot',
    async (_id, locale, spec) => {
      const { bot, routed } = recordingBot();
      const { text, expected } = typed(spec, spec.words[locale][0] ?? '', locale);
      for (const scope of spec.scopes) {
        await bot.onTurn(turn(text, scope));
        await bot.onTurn(turn(`<at>ISC Coordinator</at> ${text}`, scope));
      }
      expect(routed).toEqual(Array(spec.scopes.length * 2).fill(expected));
    },
  );
});

describe('the help card and the Teams command menu', () => {
  const template = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../../manifest/manifest.template.json'), 'utf8'),
  ) as { bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[] };
  const lists = template.bots[0]?.commandLists ?? [];

  function helpTitles(): string[] {
    const card = helpCard('en', { publicUrl: 'http://localhost:3978', teamsAppId: null }).content as {
      body: { type: string; facts?: { title: string }[] }[];
    };
    return card.body.flatMap((element) => element.facts?.map((f) => f.title) ?? []);
  }

  it('lists every command of the registry on the help card', () => {
    expect(helpTitles()).toEqual(expect.arrayContaining(COMMANDS.map(commandUsage)));
    expect(COMMANDS.map(commandUsage)).toEqual(expect.arrayContaining(['help', 'update [topic]', 'language [code]']));
  });

  it('offers in the manifest, per scope, the commands the registry offers there, in its order', () => {
    const personal = lists.find((l) => l.scopes.includes('personal'));
    const chats = lists.find((l) => l.scopes.includes('groupChat'));
    expect(personal?.commands.map((c) => c.title)).toEqual(commandsIn('personal').map((c) => c.id));
    expect(chats?.scopes.sort()).toEqual(['groupChat', 'team']);
    expect(chats?.commands.map((c) => c.title)).toEqual(commandsIn('chat').map((c) => c.id));
  });

  it('lists the same commands on the help card as in the manifest', () => {
    const inManifest = new Set(lists.flatMap((l) => l.commands.map((c) => c.title)));
    const onCard = helpTitles()
      .map((title) => COMMANDS.find((c) => commandUsage(c) === title)?.id)
      .filter((id) => id !== undefined);
    expect(new Set(onCard)).toEqual(inManifest);
  });
});
