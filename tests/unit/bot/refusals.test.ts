import type { OutgoingActivity, Turn } from '../../../bot/activity';
import { addCollectionHandlers } from '../../../bot/collection-handlers';
import { IscBot } from '../../../bot/handler';
import { AppError } from '../../../teams-app/domain';
import { CATALOGUES } from '../../../teams-app/i18n';
import { CollectionService, ConversationService, RegisterService } from '../../../teams-app/services';
import { Outbox } from '../../../teams-app/services/outbox';
import type { CollectionMessages } from '../../../teams-app/services';
import { seedDemoData } from '../../../teams-app/store/demo/seed';
import { openSqliteStore } from '../../../teams-app/store/sqlite/sqlite-store';
import type { Store } from '../../../teams-app/store';
import { AAD, cardActionActivity, messageActivity } from '../../support/activities';

const NOW = '2026-11-30T08:00:00.000Z';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const messages: CollectionMessages = {
  prompt: () => ({ type: 'message', text: 'prompt' }),
  reminder: () => ({ type: 'message', text: 'reminder' }),
  delegationNotice: () => ({ type: 'message', text: 'delegation' }),
};

let store: Store;

beforeEach(async () => {
  store = openSqliteStore({ file: ':memory:' });
  await seedDemoData(store);
});
afterEach(async () => {
  await store.close();
});

/** The bot with the collection commands, as the server wires it. */
function bot(): IscBot {
  const register = new RegisterService(store);
  const isc = new IscBot({
    register,
    conversations: new ConversationService(store),
    savePersonLocale: async () => undefined,
    tabUrl: 'http://localhost:3978',
    now: () => NOW,
    tenantAllowed: () => true,
    log: quiet,
  });
  const outbox = new Outbox(store, { now: () => Date.parse(NOW) });
  addCollectionHandlers(isc, new CollectionService({ store, register, outbox, messages, now: () => NOW }), register);
  return isc;
}

/** A person of the register who reads French. */
async function speaksFrench(personId: string): Promise<void> {
  const person = await store.people.get(personId);
  if (!person) throw new Error(`demo person ${personId} missing`);
  await store.people.update({ ...person, locale: 'fr' }, person.etag);
}

/** A turn whose replies are recorded. */
function turnOf(activity: Turn['activity']): { turn: Turn; sent: OutgoingActivity[] } {
  const sent: OutgoingActivity[] = [];
  const record = async (reply: OutgoingActivity) => {
    sent.push(reply);
    return { id: 'reply' };
  };
  return { turn: { activity, send: record, update: async (reply) => void (await record(reply)) }, sent };
}

/** Everything a card or a reply says, as one text. */
function said(value: unknown): string {
  return JSON.stringify(value);
}

describe('refusals in the reader’s language', () => {
  it('tells a French-speaking secretary in French that the meeting of a command does not exist', async () => {
    await speaksFrench('megan-bowen');
    const isc = bot();
    for (const command of ['status 999', 'open 999']) {
      const { turn, sent } = turnOf(
        messageActivity('http://127.0.0.1:9/', command, { aad: AAD.megan, name: 'Megan Bowen' }),
      );
      await isc.onTurn(turn);
      expect(sent.map((reply) => reply.text)).toEqual([CATALOGUES.fr['error.meeting.not-found']]);
    }
  });

  it('answers a French-speaking focal point’s card button refused with a code in French', async () => {
    await speaksFrench('alex-wilber');
    const isc = bot();
    const { turn } = turnOf(
      cardActionActivity('http://127.0.0.1:9/', 'update.edit', {
        meetingId: 'no-such-meeting',
        topicId: 'accessibility',
        sector: 'BDT',
        baseRevision: 0,
      }),
    );
    const response = await isc.onTurn(turn);
    expect(said(response)).toContain(CATALOGUES.fr['error.meeting.not-found']);
    expect(said(response)).not.toContain('There is no meeting');
  });

  it('puts the counts a refusal carries into the French message', async () => {
    await speaksFrench('alex-wilber');
    const isc = bot();
    isc.addCardAction('test.compile', async () => {
      throw new AppError('collection.incomplete', '3 of 12 updates are missing.', {
        state: 'open',
        expected: 12,
        answered: 9,
        missing: 3,
      });
    });
    const response = await isc.onTurn(turnOf(cardActionActivity('http://127.0.0.1:9/', 'test.compile', {})).turn);
    expect(said(response)).toContain('Il manque 3 mises à jour sur 12');
    expect(said(response)).not.toContain('updates are missing');
  });
});
