import type { OutgoingActivity, Turn } from '../../../bot/activity';
import { IscBot, type BotDeps } from '../../../bot/handler';
import { AppError } from '../../../teams-app/domain';
import { ConversationService, RegisterService } from '../../../teams-app/services';
import { seedDemoData } from '../../../teams-app/store/demo/seed';
import { openSqliteStore } from '../../../teams-app/store/sqlite/sqlite-store';
import type { Store } from '../../../teams-app/store';
import { cardActionActivity } from '../../support/activities';

const logged: { level: string; obj: object; msg?: string }[] = [];
let store: Store;

beforeEach(async () => {
  logged.length = 0;
  store = openSqliteStore({ file: ':memory:' });
  await seedDemoData(store);
});
afterEach(async () => {
  await store.close();
});

function bot(): IscBot {
  const deps: BotDeps = {
    register: new RegisterService(store),
    conversations: new ConversationService(store),
    savePersonLocale: async () => undefined,
    tabUrl: 'http://localhost:3978',
    now: () => '2026-11-30T08:00:00.000Z',
    tenantAllowed: () => true,
    log: {
      info: (obj, msg) => void logged.push({ level: 'info', obj, msg }),
      warn: (obj, msg) => void logged.push({ level: 'warn', obj, msg }),
      error: (obj, msg) => void logged.push({ level: 'error', obj, msg }),
    },
  };
  return new IscBot(deps);
}

/** A turn for a click on an Action.Execute button; what the bot sends is recorded. */
function click(verb: string, data: Record<string, unknown>): { turn: Turn; sent: OutgoingActivity[] } {
  const sent: OutgoingActivity[] = [];
  const turn: Turn = {
    activity: cardActionActivity('http://127.0.0.1:9/', verb, data),
    send: async (activity) => {
      sent.push(activity);
      return { id: 'reply' };
    },
    update: async (activity) => void sent.push(activity),
  };
  return { turn, sent };
}

/** The text of the notice card an invoke response carries. */
function noticeText(response: unknown): string {
  const body = (response as { body?: { value?: { body?: { text?: string }[] } } } | undefined)?.body;
  return body?.value?.body?.map((block) => block.text).join(' ') ?? '';
}

describe('IscBot card actions', () => {
  it('answers an action that fails unexpectedly with a notice card and logs the failure', async () => {
    const isc = bot();
    isc.addCardAction('test.explode', async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id') at /srv/app/bot.js:12");
    });
    const { turn, sent } = click('test.explode', { meetingId: 'isc-tf-32' });
    const response = await isc.onTurn(turn);
    expect(response).toMatchObject({ status: 200, body: { statusCode: 200 } });
    expect(noticeText(response)).toBe('Something went wrong on my side. Please try again in a moment.');
    expect(noticeText(response)).not.toContain('/srv/');
    expect(sent).toEqual([]);
    expect(logged.some((entry) => entry.level === 'error' && entry.msg === 'card action failed')).toBe(true);
  });

  it("answers a coded refusal with the refusal's message on a notice card", async () => {
    const isc = bot();
    isc.addCardAction('test.refuse', async () => {
      throw new AppError('meeting.not-found', 'There is no meeting "x".');
    });
    const response = await isc.onTurn(click('test.refuse', {}).turn);
    expect(response).toMatchObject({ status: 200, body: { statusCode: 200 } });
    expect(noticeText(response)).toBe('There is no meeting "x".');
  });
});
