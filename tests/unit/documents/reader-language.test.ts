import { compileAgenda, editItem, type Agenda } from '../../../teams-app/domain/agenda';
import { addendumDocx, agendaDocx, minutesDocx } from '../../../teams-app/documents';
import { agendaInput, richAgenda } from '../domain/agenda/agenda-fixtures';
import { chat } from '../domain/minutes/chat-fixtures';
import { minutesOf } from '../domain/minutes/minutes-fixtures';
import { docxHtml, docxPart, docxText } from './docx-reader';

const RLM = '\u200F';
const LRM = '\u200E';
const FSI = '\u2068';
const PDI = '\u2069';

/** The text runs of a document part: their text (entities decoded) and whether they are marked right-to-left. */
async function runsOf(buffer: Buffer): Promise<{ text: string; rtl: boolean }[]> {
  const xml = await docxPart(buffer, 'word/document.xml');
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((match) => {
    const run = match[1] ?? '';
    const text = [...run.matchAll(/<w:t[^>]*>(.*?)<\/w:t>/gs)]
      .map((t) => t[1] ?? '')
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
    return { text, rtl: run.includes('<w:rtl/>') };
  });
}

function headings(html: string, level: 1 | 2 | 3): string[] {
  return [...html.matchAll(new RegExp(`<h${level}>(.*?)</h${level}>`, 'g'))].map((m) => m[1] ?? '');
}

const strip = (text: string) => text.replace(/[\u200E\u200F]/g, '');

/** The agenda as compiled by an English-speaking secretariat. */
function englishAgenda(): Agenda {
  const agenda = richAgenda();
  expect(agenda.locale).toBe('en');
  return agenda;
}

describe('meeting documents in the reader’s language', () => {
  it('renders an agenda compiled in English with French headings and the French meeting title', async () => {
    const buffer = await agendaDocx(englishAgenda(), { locale: 'fr' });
    const html = await docxHtml(buffer);
    expect(headings(html, 1)).toEqual([
      "1. Ouverture de la réunion et adoption de l'ordre du jour",
      '2. Suivi des mesures convenues à la réunion précédente',
      '3. Questions soumises pour décision',
      '4. Point sur les thèmes de coordination',
      '5. Manifestations et participation aux conférences',
      '6. Suivi des recommandations du CCI',
      '7. Questions diverses',
      '8. Prochaine réunion',
    ]);
    const text = await docxText(buffer);
    expect(text).toContain("32e réunion de l'Équipe spéciale de coordination intersectorielle");
    expect(text).not.toContain('32nd meeting');
    expect(text).toMatch(/10:00–12:00 \(heure d.Europe centrale, UTC\+1\)/);
    expect(text).not.toContain('Europe/Zurich');
  });

  it('renders an agenda compiled in English with Arabic headings and the Arabic meeting title', async () => {
    const buffer = await agendaDocx(englishAgenda(), { locale: 'ar' });
    const html = strip(await docxHtml(buffer));
    expect(headings(html, 1)[0]).toBe('1. افتتاح الاجتماع واعتماد جدول الأعمال');
    expect(headings(html, 1)[6]).toBe('7. ما يستجد من أعمال');
    const text = strip(await docxText(buffer));
    expect(text).toContain('الاجتماع الثاني والثلاثون لفرقة العمل المعنية بالتنسيق بين القطاعات');
    expect(text).not.toContain('Inter-Sectoral Coordination Task Force');
  });

  it('keeps a heading the chair typed, and a custom meeting title, as typed in every language', async () => {
    const edited = editItem(englishAgenda(), 'aob', { title: 'Staff matters (WSIS+20)' });
    const agenda: Agenda = { ...edited, meeting: { ...edited.meeting, title: 'Special session on WSIS+20' } };
    for (const locale of ['fr', 'ar'] as const) {
      const buffer = await agendaDocx(agenda, { locale });
      expect(strip(await docxHtml(buffer))).toContain('<h1>7. Staff matters (WSIS+20)</h1>');
      expect(strip(await docxText(buffer))).toContain('Special session on WSIS+20');
    }
  });

  it('heads the addendum in the reader’s language', async () => {
    const html = await docxHtml(await addendumDocx(englishAgenda(), { locale: 'es' }));
    expect(html).toContain('<h1>Addéndum al punto 4: Información actualizada sobre los temas de coordinación</h1>');
  });

  it('renders minutes of an English agenda with French and Arabic headings and meeting titles', async () => {
    const minutes = minutesOf(chat([['patti-fernandez', 'Item 3\nDecision: CoCo decides the budget']]));
    expect(minutes.locale).toBe('en');
    const fr = await minutesDocx(minutes, { locale: 'fr' });
    const frHtml = await docxHtml(fr);
    expect(frHtml).toContain('<h1>Liste de présence</h1>');
    expect(frHtml).toContain('<h1>3. Questions soumises pour décision</h1>');
    expect(frHtml).toContain('<h3>Décisions</h3>');
    expect(await docxText(fr)).toContain("32e réunion de l'Équipe spéciale de coordination intersectorielle");
    const ar = await minutesDocx(minutes, { locale: 'ar' });
    const arHtml = strip(await docxHtml(ar));
    expect(arHtml).toContain('<h1>الحضور</h1>');
    expect(arHtml).toContain('<h1>3. المسائل المرفوعة لاتخاذ قرار</h1>');
    expect(strip(await docxText(ar))).toContain('الاجتماع الثاني والثلاثون لفرقة العمل المعنية بالتنسيق بين القطاعات');
  });

  it('keeps a minutes item the chair retitled as typed', async () => {
    const minutes = minutesOf([], { agenda: editItem(englishAgenda(), 'aob', { title: 'Staff news' }) });
    expect(await docxHtml(await minutesDocx(minutes, { locale: 'ru' }))).toContain('<h1>7. Staff news</h1>');
  });
});

describe('direction marks in Arabic documents', () => {
  it('anchors numbers and punctuation at the ends of right-to-left runs with RLM, and keeps the runs right-to-left', async () => {
    const runs = await runsOf(await agendaDocx(englishAgenda(), { locale: 'ar' }));
    const heading = runs.find((run) => run.text.includes('افتتاح الاجتماع'));
    expect(heading).toEqual({ text: `${RLM}1. افتتاح الاجتماع واعتماد جدول الأعمال`, rtl: true });
    const empty = await runsOf(await agendaDocx(compileAgenda(agendaInput()), { locale: 'ar' }));
    expect(empty).toContainEqual({ text: `لا يوجد.${RLM}`, rtl: true });
    const label = runs.find((run) => run.text.startsWith('التاريخ'));
    expect(label?.rtl).toBe(true);
    expect(label?.text.endsWith(RLM)).toBe(true);
    // A run that starts and ends with Arabic letters needs no mark.
    expect(runs).toContainEqual({ text: 'جدول الأعمال', rtl: true });
    // Every run holding Arabic is right to left.
    expect(runs.filter((run) => /[\u0600-\u06FF]/.test(run.text)).every((run) => run.rtl)).toBe(true);
  });

  it('isolates Latin names and English notes inside Arabic text, marks its ends, and holds Latin-only text in LRM', async () => {
    const agenda = editItem(englishAgenda(), 'aob', {
      note: 'يعرض BDT التقرير 2027 في الملف agenda-isc-tf-32.docx (Note: draft only)',
    });
    const runs = await runsOf(await agendaDocx(agenda, { locale: 'ar' }));
    expect(runs).toContainEqual({
      text: `يعرض ${FSI}BDT${PDI} التقرير 2027 في الملف ${FSI}agenda-isc-tf-32.docx (Note: draft only)${PDI}${RLM}`,
      rtl: true,
    });
    expect(runs).toContainEqual({ text: `${RLM}${FSI}WSIS Forum 2026${PDI} [تداخل 1]${RLM}`, rtl: true });
    expect(runs).toContainEqual({ text: `${LRM}Alex Wilber${LRM}`, rtl: false });
  });

  it('names places in Arabic: Geneva is جنيف', async () => {
    const runs = await runsOf(await agendaDocx(englishAgenda(), { locale: 'ar' }));
    expect(runs).toContainEqual({ text: 'جنيف', rtl: true });
    expect(runs.some((run) => run.text.includes('Geneva'))).toBe(false);
  });

  it('writes no direction marks in left-to-right documents', async () => {
    const xml = await docxPart(await agendaDocx(englishAgenda(), { locale: 'fr' }), 'word/document.xml');
    expect(xml).not.toMatch(/[\u200E\u200F]/);
  });
});
