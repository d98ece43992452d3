import { CapturedChat, captureChat } from '../../../../teams-app/domain/minutes';
import { chat, KNOWN_PEOPLE, message } from './chat-fixtures';

describe('captureChat', () => {
  it('captures decisions, actions and escalations against the current agenda item', () => {
    const captured = captureChat(
      chat([
        ['patti-fernandez', 'Welcome, everyone.'],
        ['patti-fernandez', 'Item 3'],
        ['adele-vance', 'Escalate: joint toolkit budget'],
        ['patti-fernandez', 'Item 4.1'],
        ['patti-fernandez', '<p>Action: <at id="0">Alex Wilber</at> to circulate the toolkit by 15/12/2026</p>'],
        ['patti-fernandez', 'Next item'],
        ['patti-fernandez', 'Decision: BDT represents ITU at the WSIS Forum.'],
      ]),
      { people: KNOWN_PEOPLE, itemCount: 8 },
    );
    expect(CapturedChat.safeParse(captured).success).toBe(true);
    expect(captured.records.map((r) => [r.kind, r.item, r.sub])).toEqual([
      ['note', null, null],
      ['pointer', 3, null],
      ['escalation', 3, null],
      ['pointer', 4, 1],
      ['action', 4, 1],
      ['pointer', 5, null],
      ['decision', 5, null],
    ]);
    expect(captured.records[4]).toMatchObject({ owner: { personId: 'alex-wilber' }, due: '2026-12-15' });
    expect(captured.position).toEqual({ item: 5, sub: null });
  });

  it('reads the lines of one message separately and keeps each raw line', () => {
    const captured = captureChat([
      message(
        0,
        'patti-fernandez',
        '<p>Decision: adopt the agenda.</p><p>Action: BDT to update the page</p><p>Thanks all</p>',
      ),
    ]);
    expect(captured.records.map((r) => [r.kind, r.text, r.raw])).toEqual([
      ['decision', 'adopt the agenda.', '<p>Decision: adopt the agenda.</p>'],
      ['action', 'update the page', '<p>Action: BDT to update the page</p>'],
      ['note', 'Thanks all', '<p>Thanks all</p>'],
    ]);
    expect(captured.records.map((r) => r.id)).toEqual(['m-msg-00000.0', 'm-msg-00000.1', 'm-msg-00000.2']);
  });

  it('takes messages in time order, whatever order they arrive in, and once each', () => {
    const messages = chat([
      ['patti-fernandez', 'Item 2'],
      ['alex-wilber', 'Decision: done'],
    ]);
    const reversed = captureChat([messages[1]!, messages[0]!, messages[1]!]);
    expect(reversed).toEqual(captureChat(messages));
    expect(reversed.messages).toBe(2);
  });

  it('reports a pointer beyond the agenda and stays where it was', () => {
    const captured = captureChat(
      chat([
        ['patti-fernandez', 'Item 2'],
        ['patti-fernandez', 'Item 42'],
        ['patti-fernandez', 'Decision: stays on item 2'],
      ]),
      { itemCount: 8 },
    );
    expect(captured.records[1]?.problems).toEqual(['item-unknown']);
    expect(captured.records[2]?.item).toBe(2);
  });

  it('skips the bot’s own messages and marks commands to it', () => {
    const captured = captureChat(
      [
        message(0, 'patti-fernandez', '<at>ISC Coordinator</at> minutes'),
        message(1, 'bot', 'Here is the agenda.', { from: { id: '28:bot-id', name: 'ISC Coordinator' } }),
      ],
      { botIds: ['28:bot-id'], botNames: ['ISC Coordinator'] },
    );
    expect(captured.skipped).toBe(1);
    expect(captured.records.map((r) => r.kind)).toEqual(['bot-command']);
  });

  it('never throws on hostile messages and never loses their raw text', () => {
    const hostile = [
      '<script>alert(1)</script>',
      `<p>${'<b>'.repeat(5000)}Decision: deep</p>`,
      'Action: '.padEnd(10_000, 'y'),
      '<at>unterminated mention',
      '<p>Action: <at>Alex Wilber</at> by 31/02/2026</p>',
      '\u0000\u0001\uFFFF',
      '<!-- comment',
      '<',
      'a'.repeat(150_000),
    ];
    const captured = captureChat(
      hostile.map((text, i) => message(i, 'alex-wilber', text)),
      { people: KNOWN_PEOPLE },
    );
    expect(CapturedChat.safeParse(captured).success).toBe(true);
    const byMessage = new Map<string, string[]>();
    for (const record of captured.records) {
      byMessage.set(record.messageId, [...(byMessage.get(record.messageId) ?? []), record.raw]);
    }
    expect(byMessage.size).toBe(hostile.length);
    expect(captured.records[0]).toMatchObject({ kind: 'note', text: '', raw: '<script>alert(1)</script>' });
    expect(captured.records[0]?.problems).toEqual(expect.arrayContaining(['markup-removed']));
    expect(captured.records.find((r) => r.raw.includes('31/02/2026'))?.problems).toEqual(['date-invalid']);
    expect(captured.records.find((r) => r.messageId === 'msg-00008')?.problems).toContain('message-too-long');
  });

  it('moves the position inside a message, so each line goes under the item current when it was said', () => {
    const captured = captureChat(
      [
        message(0, 'patti-fernandez', 'Item 2'),
        message(
          1,
          'patti-fernandez',
          '<p>Thanks, that closes the follow-up. Moving on. Item 3 — escalations</p><p>Decision: we ask CoCo</p>' +
            '<p>Item 4: Action: <at id="0">Alex Wilber</at> to circulate the note by 2026-12-20</p><p>Any comments?</p>',
        ),
        message(2, 'adele-vance', 'Decision: noted'),
      ],
      { people: KNOWN_PEOPLE, itemCount: 8 },
    );
    expect(captured.records.map((r) => [r.kind, r.text, r.item])).toEqual([
      ['pointer', 'Item 2', 2],
      ['note', 'Thanks, that closes the follow-up. Moving on.', 2],
      ['pointer', 'Item 3 — escalations', 3],
      ['decision', 'we ask CoCo', 3],
      ['pointer', 'Item 4', 4],
      ['action', 'circulate the note', 4],
      ['note', 'Any comments?', 4],
      ['decision', 'noted', 4],
    ]);
    expect(captured.records[5]).toMatchObject({ owner: { personId: 'alex-wilber' }, due: '2026-12-20' });
    expect(new Set(captured.records.map((r) => r.id)).size).toBe(captured.records.length);
  });

  it('records a Done: line with the action number and an escalation with its sector', () => {
    const captured = captureChat(
      chat([
        ['patti-fernandez', 'Item 2. Done: 3'],
        ['patti-fernandez', 'Item 3: Escalate (BDT): joint budget'],
      ]),
    );
    expect(captured.records.map((r) => [r.kind, r.item, r.actionNumber, r.sector])).toEqual([
      ['pointer', 2, null, null],
      ['done', 2, 3, null],
      ['pointer', 3, null, null],
      ['escalation', 3, null, 'BDT'],
    ]);
  });
});
