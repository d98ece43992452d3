import { compileAgenda, editItem } from '../../../teams-app/domain/agenda';
import { addendumDocx, agendaDocx, bodyName, xmlSafe } from '../../../teams-app/documents';
import { t } from '../../../teams-app/i18n';
import { agendaInput, richAgenda, richInput, update } from '../domain/agenda/agenda-fixtures';
import { docxHtml, docxPart, docxParts, docxText } from './docx-reader';

describe('agendaDocx', () => {
  it('writes a title block with the body, meeting number, date, time zone, place and Teams link', async () => {
    const buffer = await agendaDocx(richAgenda());
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const text = await docxText(buffer);
    expect(text).toContain('Inter-Sectoral Coordination Task Force (ISC-TF)');
    expect(text).toContain('Meeting 32');
    expect(text).toContain('Date: Monday, 7 December 2026');
    expect(text).toContain('10:00–12:00 (Central European Time, GMT+1)');
    expect(text).toContain('Place: ITU headquarters, Geneva, and Microsoft Teams');
    const html = await docxHtml(buffer);
    expect(html).toContain(
      '<a href="https://teams.microsoft.com/l/meetup-join/19%3Aisc-tf-meeting-chat%40thread.v2/0">Join in Microsoft Teams</a>',
    );
  });

  it('numbers every item as a heading and every topic as a sub-heading', async () => {
    const html = await docxHtml(await agendaDocx(richAgenda()));
    const h1 = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1]);
    expect(h1).toEqual([
      '1. Opening and adoption of the agenda',
      '2. Follow-up of actions from the previous meeting',
      '3. Escalated issues for decision',
      '4. Updates on coordination topics',
      '5. Events and conference participation',
      '6. Follow-up of JIU recommendations',
      '7. Any other business',
      '8. Next meeting',
    ]);
    const h2 = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual([
      '4.1 Accessibility',
      '4.2 Climate change and environmental sustainability',
      '4.3 Space',
      '6.1 JIU/REP/2023/4 Recommendation 4: business continuity',
    ]);
  });

  it('puts actions, topic updates and events in tables, with overdue actions and overlaps flagged', async () => {
    const buffer = await agendaDocx(richAgenda());
    const html = await docxHtml(buffer);
    expect((html.match(/<table>/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(html).toContain('<th><p><strong>Progress</strong></p></th>');
    expect(html).toContain('<strong>Overdue (23 days)</strong>');
    const text = await docxText(buffer);
    expect(text).toMatch(
      /Overlap 1: WSIS Forum 2026 \(7\s?–\s?10 Dec 2026\) — TSB, BDT \(same event\)\. Decision needed: who represents ITU/,
    );
    expect(text).toContain('No change reported on: Youth (BDT, GS)');
    expect(text).toContain('No update from: BR');
    expect(text).toContain('Should ITU publish one joint accessibility toolkit?');
  });

  it('numbers pages in the footer', async () => {
    const footers = (await docxParts(await agendaDocx(richAgenda()), /^word\/footer\d*\.xml$/)).join('');
    expect(footers).toContain('PAGE');
    expect(footers).toContain('NUMPAGES');
    expect(footers).toContain('Page ');
  });

  it('shows script and markup in user text literally, and drops characters XML cannot hold', async () => {
    const input = richInput();
    input.updates[0] = update('accessibility', 'BDT', {
      progress: '<script>alert("x")</script> & <b>bold</b>\u0001\u0008 done\nsecond line',
    });
    const agenda = editItem(compileAgenda(input), 'aob', { note: '<w:p>not xml</w:p> ]]>' });
    const buffer = await agendaDocx(agenda);
    const text = await docxText(buffer);
    expect(text).toContain('<script>alert("x")</script> & <b>bold</b> done');
    expect(text).toContain('second line');
    expect(text).toContain('<w:p>not xml</w:p> ]]>');
    const xml = await docxPart(buffer, 'word/document.xml');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toContain('\u0001');
    expect(xmlSafe('a\u0000b\uFFFEc\uD800d')).toBe('abcd');
  });

  it('writes the agenda in each of the six languages', async () => {
    const agenda = richAgenda();
    for (const locale of ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const) {
      // Direction marks and isolates (Arabic) set aside: the words are what is checked here.
      const text = (await docxText(await agendaDocx(agenda, { locale }))).replace(/[\u200E\u200F\u2068\u2069]/g, '');
      expect(text).toContain(t('doc.agenda', locale));
      expect(text).toContain(bodyName(locale, 'ISC-TF'));
    }
    const fr = await docxHtml(await agendaDocx(agenda, { locale: 'fr' }));
    expect(fr).toContain("<h1>1. Ouverture de la réunion et adoption de l'ordre du jour</h1>");
    expect(fr).toContain('<h2>4.1 Accessibilité</h2>');
  });

  it('keeps a heading the chair edited as typed, in any language', async () => {
    const agenda = editItem(richAgenda(), 'aob', { title: 'Divers et imprévus' });
    const html = await docxHtml(await agendaDocx(agenda, { locale: 'es' }));
    expect(html).toContain('<h1>7. Divers et imprévus</h1>');
  });

  it('lays Arabic out right to left', async () => {
    const buffer = await agendaDocx(richAgenda(), { locale: 'ar' });
    const xml = await docxPart(buffer, 'word/document.xml');
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:rtl/>');
    expect(xml).toContain('<w:bidiVisual/>');
    expect(xml).toMatch(/<w:jc w:val="start"\/>/);
    const text = await docxText(buffer);
    expect(text).toContain('جدول الأعمال');
    expect(text).toContain('1. افتتاح الاجتماع واعتماد جدول الأعمال');
    expect(text).toContain('إمكانية النفاذ');
  });

  it('gives Chinese text an East Asian font', async () => {
    const buffer = await agendaDocx(richAgenda(), { locale: 'zh' });
    const xml = await docxPart(buffer, 'word/document.xml');
    expect(xml).toMatch(/w:eastAsia="SimSun"/);
    expect(await docxText(buffer)).toContain('4.1 无障碍获取');
  });

  it('says "none" under empty items and "to be confirmed" for an unscheduled next meeting', async () => {
    const text = await docxText(await agendaDocx(compileAgenda(agendaInput({ nextMeeting: null }))));
    expect(text).toContain('3. Escalated issues for decision\n\nNone.');
    expect(text).toContain('Date to be confirmed.');
  });
});

describe('addendumDocx', () => {
  it('lists late updates under "Addendum to item N"', async () => {
    const buffer = await addendumDocx(richAgenda());
    const html = await docxHtml(buffer);
    expect(html).toContain('<h1>Addendum to item 4: Updates on coordination topics</h1>');
    expect(html).toContain('<h2>4.1 Gender equality</h2>');
    expect(await docxText(buffer)).toContain('TSB progress on gender-equality.');
  });

  it('says so when no update came in late', async () => {
    const text = await docxText(await addendumDocx(compileAgenda(agendaInput()), { locale: 'fr' }));
    expect(text).toContain("Aucune mise à jour tardive n'a été reçue.");
  });

  it('can be appended to the agenda itself', async () => {
    const text = await docxText(await agendaDocx(richAgenda(), { includeAddendum: true }));
    expect(text).toContain('Addendum to the agenda');
    expect(text).toContain('Addendum to item 4: Updates on coordination topics');
  });
});
