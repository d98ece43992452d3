import { captureChat, compileMinutes, type Minutes } from '../../../teams-app/domain/minutes';
import { minutesDocx } from '../../../teams-app/documents';
import { DEMO_PEOPLE } from '../../../teams-app/store/demo/seed';
import { meeting, NOW, richAgenda, richInput } from '../domain/agenda/agenda-fixtures';
import { chat, KNOWN_PEOPLE, message, roster } from '../domain/minutes/chat-fixtures';
import { docxHtml, docxPart, docxText } from './docx-reader';

function minutes(): Minutes {
  const input = richInput();
  const messages = chat([
    ['patti-fernandez', 'Decision: The agenda is adopted.'],
    ['patti-fernandez', 'Item 3'],
    ['adele-vance', '<p>A joint toolkit would save &lt;script&gt;alert(1)&lt;/script&gt; money &amp; time.</p>'],
    ['patti-fernandez', 'Escalate: budget for one joint accessibility toolkit'],
    ['patti-fernandez', 'Item 4.1'],
    ['patti-fernandez', '<p>Action: <at id="0">Alex Wilber</at> to circulate the toolkit by 15/12/2026</p>'],
    ['patti-fernandez', 'Item 5'],
    ['lynne-robbins', 'قرار: يمثل قطاع التنمية الاتحاد في منتدى القمة العالمية'],
    ['lynne-robbins', 'إجراء: Lynne Robbins إعداد مذكرة بحلول ١٥/١٢/٢٠٢٦'],
    ['lynne-robbins', 'نقترح أن يشارك قطاع واحد فقط'],
  ]);
  return compileMinutes({
    meeting: meeting(),
    agenda: richAgenda(),
    captured: captureChat(messages, { people: KNOWN_PEOPLE }),
    participants: roster(6),
    updates: input.updates,
    topics: input.topics,
    people: DEMO_PEOPLE,
    now: NOW,
  });
}

describe('minutesDocx', () => {
  it('writes attendance, a heading per item and the decisions, actions and escalations under them', async () => {
    const buffer = await minutesDocx(minutes(), { draft: true });
    const text = await docxText(buffer);
    expect(text).toContain('Minutes');
    expect(text).toContain('Draft');
    expect(text).toContain('Patti Fernandez (Chair)');
    expect(text).toContain('1.1  The agenda is adopted.');
    expect(text).toContain('TSB: budget for one joint accessibility toolkit');
    const html = await docxHtml(buffer);
    for (const h of [
      'Attendance',
      '1. Opening and adoption of the agenda',
      '4. Updates on coordination topics',
      'Summary of actions',
    ]) {
      expect(html).toContain(`<h1>${h}</h1>`);
    }
    for (const h of [
      'Decisions',
      'Actions',
      'Discussion',
      'Updates presented',
      'Escalations to the Coordination Committee (CoCo)',
    ]) {
      expect(html).toContain(`<h3>${h}</h3>`);
    }
    expect(html).toMatch(
      /<td><p>circulate the toolkit<\/p><\/td><td><p>Alex Wilber<\/p><\/td><td><p>15 Dec 2026<\/p><\/td>/,
    );
  });

  it('shows markup typed in the chat literally, never as markup', async () => {
    const buffer = await minutesDocx(minutes());
    expect(await docxText(buffer)).toContain(
      'Adele Vance: A joint toolkit would save <script>alert(1)</script> money & time.',
    );
    expect(await docxPart(buffer, 'word/document.xml')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('writes Arabic minutes right to left with Arabic headings', async () => {
    const buffer = await minutesDocx(minutes(), { locale: 'ar' });
    const xml = await docxPart(buffer, 'word/document.xml');
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:rtl/>');
    const html = await docxHtml(buffer);
    expect(html).toContain('<h1>الحضور</h1>');
    expect(html).toContain('<h3>القرارات</h3>');
    expect(html).toContain('<h3>الإجراءات</h3>');
    const text = await docxText(buffer);
    expect(text).toContain('محضر الاجتماع');
    expect(text).toContain('يمثل قطاع التنمية الاتحاد في منتدى القمة العالمية');
    expect(text).toContain('إعداد مذكرة');
  });

  it('names the minutes in each language', async () => {
    const m = minutes();
    const titles = { zh: '会议纪要', fr: 'Compte rendu', ru: 'Протокол', es: 'Acta' } as const;
    for (const [locale, title] of Object.entries(titles) as [keyof typeof titles, string][]) {
      expect(await docxText(await minutesDocx(m, { locale }))).toContain(title);
    }
  });

  it('says who was present and absent, by sector, and lists guests under their own name', async () => {
    const stranger = {
      id: '29:stranger',
      name: 'Patti Fernandez',
      aadObjectId: 'ffffffff-0000-0000-0000-000000000000',
    };
    const input = richInput();
    const drafted = compileMinutes({
      meeting: meeting(),
      agenda: richAgenda(),
      captured: captureChat(
        [...chat([['alex-wilber', 'Item 1']]), message(1, 'x', 'Hello', { id: 'msg-s', from: stranger })],
        { people: KNOWN_PEOPLE },
      ),
      participants: [],
      updates: input.updates,
      topics: input.topics,
      people: DEMO_PEOPLE,
      now: NOW,
    });
    const html = await docxHtml(await minutesDocx(drafted));
    expect(html).toMatch(
      /<td><p>Alex Wilber<\/p><\/td><td><p>[^<]*<\/p><\/td><td><p>BDT<\/p><\/td><td><p>Present<\/p><\/td>/,
    );
    expect(html).toMatch(/<td><p>Patti Fernandez \(Chair\)<\/p><\/td>.*?<td><p><em>Absent<\/em><\/p><\/td>/);
    expect(html).toMatch(
      /<td><p>Patti Fernandez<\/p><\/td><td><p>—<\/p><\/td><td><p>Guest<\/p><\/td><td><p>Present<\/p><\/td>/,
    );
    const french = await docxHtml(await minutesDocx(drafted, { locale: 'fr' }));
    expect(french).toMatch(
      /<td><p>Patti Fernandez<\/p><\/td><td><p>—<\/p><\/td><td><p>Invité\(e\)<\/p><\/td><td><p>Présent\(e\)<\/p><\/td>/,
    );
  });

  it('says "Nothing was recorded under this item." under every item with nothing in it, opening and AOB included', async () => {
    const input = richInput();
    const drafted = compileMinutes({
      meeting: meeting(),
      agenda: richAgenda(),
      captured: captureChat([], { people: KNOWN_PEOPLE }),
      participants: [],
      updates: input.updates,
      topics: input.topics,
      people: DEMO_PEOPLE,
      now: NOW,
    });
    const html = await docxHtml(await minutesDocx(drafted));
    const empty = drafted.items.filter(
      (item) =>
        item.presented.length + item.discussion.length + item.decisions.length + item.actions.length === 0 &&
        item.escalations.length + item.followUps.length === 0,
    );
    expect(empty.map((item) => item.kind)).toEqual(expect.arrayContaining(['opening', 'aob']));
    for (const item of empty) {
      expect(html).toMatch(
        new RegExp(`<h1>${item.number}\\. [^<]*</h1><p><em>Nothing was recorded under this item\\.</em></p>`),
      );
    }
  });

  it('lists the follow-up of earlier actions with their outcome, and an escalation whose sector is to confirm', async () => {
    const input = richInput();
    const drafted = compileMinutes({
      meeting: meeting(),
      agenda: richAgenda(),
      captured: captureChat(
        chat([
          ['patti-fernandez', 'Item 2. Done: 2'],
          ['patti-fernandez', 'Done: 3 — new date 2027-01-15'],
          ['patti-fernandez', 'Item 4: Escalate: a joint budget'],
        ]),
        { people: KNOWN_PEOPLE },
      ),
      participants: [],
      updates: input.updates,
      topics: input.topics,
      people: DEMO_PEOPLE,
      now: NOW,
    });
    const buffer = await minutesDocx(drafted);
    const html = await docxHtml(buffer);
    expect(html).toContain('<th><p><strong>Outcome</strong></p></th>');
    expect(html).toMatch(
      /<td><p>2<\/p><\/td><td><p>Align training calendars.<\/p><\/td>.*?<td><p><strong>Closed<\/strong><\/p><\/td>/,
    );
    expect(html).toMatch(
      /<td><p>3<\/p><\/td><td><p>Action a1.<\/p><\/td>.*?<td><p>New due date: 15 Jan 2027<\/p><\/td>/,
    );
    expect(html).toMatch(/<td><p>1<\/p><\/td><td><p>Oldest overdue.<\/p><\/td>.*?<td><p>Still open<\/p><\/td>/);
    expect(await docxText(buffer)).toContain('Sector to confirm: a joint budget');
    const french = await docxText(await minutesDocx(drafted, { locale: 'fr' }));
    expect(french).toContain('Suite donnée');
    expect(french).toContain('Secteur à confirmer\u00A0: a joint budget');
  });
});
