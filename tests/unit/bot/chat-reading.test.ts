import { chatReading } from '../../../bot/chat-reading';
import type { ChatRecord } from '../../../teams-app/domain';

function record(text: string, mentions: ChatRecord['mentions'] = []): ChatRecord {
  return {
    id: 'm1',
    chatId: '19:meeting@thread.v2',
    meetingId: 'isc-tf-32',
    fromId: '29:chair',
    fromName: 'Patti Fernandez',
    fromAadObjectId: 'aad-patti',
    text,
    mentions,
    timestamp: '2026-12-07T09:00:00.000Z',
  };
}

describe('reading the meeting chat for the minutes', () => {
  const reading = chatReading('ISC Coordinator');

  it('reads a line addressed to the bot as the line itself, without the bot among the mentions', () => {
    const message = reading.prepare(
      record('<p><at>ISC Coordinator</at> Decision: BDT leads.</p>', [{ name: 'ISC Coordinator', id: '28:bot' }]),
    );
    expect(message).toMatchObject({
      text: 'Decision: BDT leads.</p>',
      mentions: [],
      from: { aadObjectId: 'aad-patti' },
    });
  });

  it('leaves out the commands to the bot, in any of the six languages', () => {
    for (const text of [
      '<at>ISC Coordinator</at> minutes',
      'agenda compile',
      '<at>ISC Coordinator</at> compte rendu',
      'протокол',
      '<p>议程</p>',
      'meeting 32 relink',
    ]) {
      expect({ text, message: reading.prepare(record(text)) }).toEqual({ text, message: null });
    }
  });

  it('keeps discussion that starts with a command word', () => {
    expect(reading.prepare(record('Update: the plan is ready'))?.text).toBe('Update: the plan is ready');
    expect(reading.prepare(record('Status of the ITU-D project'))).not.toBeNull();
  });

  it('knows the bot by the name it is given', () => {
    const renamed = chatReading('Coordinateur ISC');
    expect(renamed.botNames).toEqual(['Coordinateur ISC']);
    expect(renamed.prepare(record('<at>Coordinateur ISC</at> Action: Alex to send the plan'))?.text).toBe(
      'Action: Alex to send the plan',
    );
    expect(renamed.prepare(record('<at>ISC Coordinator</at> Action: x'))?.text).toBe(
      '<at>ISC Coordinator</at> Action: x',
    );
  });
});
