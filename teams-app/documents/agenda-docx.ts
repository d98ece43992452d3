import type { Paragraph, Table } from 'docx';
import type { Locale } from '../domain';
import type { Agenda } from '../domain/agenda';
import { agendaItemBlocks, overlapNumbering } from './agenda-blocks';
import { docContext, packDocument, para, runs } from './docx-kit';
import { documentReference, titleBlock } from './title-block';

/** How an agenda document is rendered. */
export interface AgendaDocxOptions {
  /** The document language (default: the agenda's); edited headings stay as the chair typed them. */
  locale?: Locale;
  /** Append the addendum of late updates after the agenda. */
  includeAddendum?: boolean;
}

function addendumBlocks(agenda: Agenda, locale: Locale): (Paragraph | Table)[] {
  const ctx = docContext(locale);
  if (agenda.addendum.length === 0) return [para(ctx, runs(ctx, ctx.t('doc.noLateUpdates'), { italics: true }))];
  const numbers = overlapNumbering([...agenda.items, ...agenda.addendum]);
  return agenda.addendum.flatMap((item) => {
    const main = agenda.items.find((candidate) => candidate.id === item.refersTo);
    return agendaItemBlocks(ctx, item, numbers, main?.number ?? item.number);
  });
}

/** The agenda as a formal meeting document (.docx): title block, numbered items, tables, page numbers. */
export async function agendaDocx(agenda: Agenda, options: AgendaDocxOptions = {}): Promise<Buffer> {
  const locale = options.locale ?? agenda.locale;
  const ctx = docContext(locale);
  const numbers = overlapNumbering([...agenda.items, ...agenda.addendum]);
  const title = ctx.t('doc.agenda');
  const children: (Paragraph | Table)[] = [
    ...titleBlock(ctx, agenda.meeting, title),
    ...agenda.items.flatMap((item) => agendaItemBlocks(ctx, item, numbers)),
  ];
  if (options.includeAddendum && agenda.addendum.length > 0) {
    children.push(
      para(ctx, runs(ctx, ctx.t('doc.addendum'), { bold: true, size: 32 }), { keepNext: true }),
      ...addendumBlocks(agenda, locale),
    );
  }
  return packDocument(ctx, { title, reference: documentReference(agenda.meeting, title), children });
}

/** The addendum of late updates as its own document, each item headed "Addendum to item N". */
export async function addendumDocx(agenda: Agenda, options: Pick<AgendaDocxOptions, 'locale'> = {}): Promise<Buffer> {
  const locale = options.locale ?? agenda.locale;
  const ctx = docContext(locale);
  const title = ctx.t('doc.addendum');
  return packDocument(ctx, {
    title,
    reference: documentReference(agenda.meeting, title),
    children: [...titleBlock(ctx, agenda.meeting, title), ...addendumBlocks(agenda, locale)],
  });
}
