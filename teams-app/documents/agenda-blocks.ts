import type { Paragraph, Table } from 'docx';
import { localized, placeName, type SectorId } from '../domain';
import {
  itemTitle,
  type ActionFollowUp,
  type AgendaItem,
  type AgendaItemOf,
  type EventOverlap,
  type MeetingHeader,
  type TopicLine,
  type TopicSection,
} from '../domain/agenda';
import { calendarDate, calendarRange, meetingDate, meetingTime } from './date-format';
import { heading, labelled, para, runs, table, type CellContent, type DocContext } from './docx-kit';

type Block = Paragraph | Table;

function sectors(list: readonly SectorId[]): string {
  return list.join(', ');
}

function none(ctx: DocContext): Paragraph {
  return para(ctx, runs(ctx, ctx.t('doc.none'), { italics: true }));
}

function statusCell(ctx: DocContext, action: ActionFollowUp): CellContent {
  if (action.status === 'overdue') {
    return { text: ctx.t('doc.overdue', { days: action.daysOverdue ?? 0 }), style: { bold: true, color: 'C00000' } };
  }
  return ctx.t(`doc.${action.status}`);
}

function actionsBlocks(ctx: DocContext, item: AgendaItemOf<'actions'>): Block[] {
  if (item.actions.length === 0) return [none(ctx)];
  const rows = item.actions.map((action, i): CellContent[] => [
    String(i + 1),
    action.topicTitle ? localized(action.topicTitle, ctx.locale) : '',
    action.text,
    action.ownerName,
    action.due ? calendarDate(action.due, ctx.locale) : '',
    statusCell(ctx, action),
  ]);
  const headers = [
    '#',
    ctx.t('doc.topic'),
    ctx.t('doc.action'),
    ctx.t('doc.owner'),
    ctx.t('doc.due'),
    ctx.t('doc.status'),
  ];
  return [table(ctx, headers, rows, [5, 18, 37, 15, 12, 13])];
}

function escalationBlocks(ctx: DocContext, item: AgendaItemOf<'escalations'>): Block[] {
  if (item.escalations.length === 0) return [none(ctx)];
  const rows = item.escalations.map((entry, i): CellContent[] => [
    `${item.number}.${i + 1}`,
    localized(entry.topicTitle, ctx.locale),
    entry.authorName ? `${entry.sector}\n${entry.authorName}` : entry.sector,
    entry.question,
  ]);
  return [table(ctx, ['#', ctx.t('doc.topic'), ctx.t('doc.sector'), ctx.t('doc.question')], rows, [7, 23, 15, 55])];
}

function gapLines(ctx: DocContext, entry: TopicSection | TopicLine, withNoChange: boolean): Paragraph[] {
  const lines: Paragraph[] = [];
  if (withNoChange && entry.noChangeSectors.length > 0)
    lines.push(labelled(ctx, ctx.t('doc.noChange'), sectors(entry.noChangeSectors)));
  if (entry.missingSectors.length > 0)
    lines.push(labelled(ctx, ctx.t('doc.missingFrom'), sectors(entry.missingSectors)));
  if (entry.lateSectors.length > 0) lines.push(labelled(ctx, ctx.t('doc.lateSee'), sectors(entry.lateSectors)));
  if (entry.vacantSectors.length > 0) lines.push(labelled(ctx, ctx.t('doc.vacant'), sectors(entry.vacantSectors)));
  return lines;
}

function groupedLine(
  ctx: DocContext,
  label: string,
  lines: readonly TopicLine[],
  show: 'no-change' | 'no-update',
): Paragraph {
  const parts = lines.map((line) => {
    const title = localized(line.topicTitle, ctx.locale);
    const listed = show === 'no-change' ? line.noChangeSectors : line.missingSectors;
    const extras = [
      show === 'no-change' && line.missingSectors.length > 0
        ? `${ctx.label(ctx.t('doc.missingFrom'))}${sectors(line.missingSectors)}`
        : '',
      line.lateSectors.length > 0 ? `${ctx.label(ctx.t('doc.late'))}${sectors(line.lateSectors)}` : '',
      line.vacantSectors.length > 0 ? `${ctx.label(ctx.t('doc.vacant'))}${sectors(line.vacantSectors)}` : '',
    ].filter(Boolean);
    const inner = [sectors(listed), ...extras].filter(Boolean).join('; ');
    return inner ? `${title} (${inner})` : title;
  });
  return labelled(ctx, label, parts.join(ctx.locale === 'zh' ? '；' : ctx.locale === 'ar' ? '؛ ' : '; '));
}

function topicBlocks(ctx: DocContext, item: AgendaItemOf<'topic-updates' | 'jiu'>, number: string): Block[] {
  const blocks: Block[] = [];
  item.sections.forEach((section, i) => {
    blocks.push(heading(ctx, `${number}.${i + 1} ${localized(section.topicTitle, ctx.locale)}`, 2));
    if (section.reports.length > 0) {
      const rows = section.reports.map((report): CellContent[] => [
        report.authorName ? `${report.sector}\n${report.authorName}` : report.sector,
        report.progress,
        report.nextSteps,
      ]);
      blocks.push(table(ctx, [ctx.t('doc.sector'), ctx.t('doc.progress'), ctx.t('doc.nextSteps')], rows, [18, 50, 32]));
    }
    blocks.push(...gapLines(ctx, section, true));
  });
  if (item.noChange.length > 0) blocks.push(groupedLine(ctx, ctx.t('doc.noChangeOn'), item.noChange, 'no-change'));
  if (item.noUpdate.length > 0) blocks.push(groupedLine(ctx, ctx.t('doc.noUpdateOn'), item.noUpdate, 'no-update'));
  if (blocks.length === 0) blocks.push(none(ctx));
  return blocks;
}

function overlapLine(ctx: DocContext, overlap: EventOverlap, index: number): Paragraph {
  const reason = ctx.t(overlap.reason === 'same-event' ? 'doc.sameEvent' : 'doc.sameDatesTopic');
  const text = `${overlap.name} (${calendarRange(overlap.start, overlap.end, ctx.locale)}) — ${sectors(overlap.sectors)} (${reason}). `;
  return para(ctx, [
    ...runs(ctx, ctx.label(`${ctx.t('doc.overlap')} ${index}`), { bold: true, color: 'C00000' }),
    ...runs(ctx, text),
    ...runs(ctx, ctx.t('doc.decisionWho'), { bold: true }),
  ]);
}

function eventBlocks(ctx: DocContext, item: AgendaItemOf<'events'>, overlapNumbers: Map<string, number>): Block[] {
  if (item.events.length === 0 && item.overlaps.length === 0) return [none(ctx)];
  const blocks: Block[] = [];
  if (item.events.length > 0) {
    const rows = item.events.map((event): CellContent[] => [
      event.overlapId
        ? {
            text: `${event.name} [${ctx.t('doc.overlap')} ${overlapNumbers.get(event.overlapId) ?? ''}]`,
            style: { bold: true },
          }
        : event.name,
      calendarRange(event.start, event.end, ctx.locale),
      placeName(event.place, ctx.locale),
      event.sector,
      localized(event.topicTitle, ctx.locale),
      String(event.participants),
    ]);
    const headers = [
      ctx.t('doc.event'),
      ctx.t('doc.dates'),
      ctx.t('doc.place'),
      ctx.t('doc.sector'),
      ctx.t('doc.topic'),
      ctx.t('doc.participants'),
    ];
    blocks.push(table(ctx, headers, rows, [24, 16, 13, 10, 23, 14]));
  }
  for (const overlap of item.overlaps) blocks.push(overlapLine(ctx, overlap, overlapNumbers.get(overlap.id) ?? 0));
  return blocks;
}

function nextMeetingBlocks(ctx: DocContext, next: MeetingHeader | null): Block[] {
  if (!next) return [para(ctx, ctx.t('doc.tbc'))];
  const blocks: Block[] = [
    labelled(ctx, ctx.t('doc.date'), meetingDate(next.start, next.timeZone, ctx.locale)),
    labelled(ctx, ctx.t('doc.time'), meetingTime(next.start, next.end, next.timeZone, ctx.locale)),
  ];
  if (next.place.trim() !== '') blocks.push(labelled(ctx, ctx.t('doc.place'), placeName(next.place, ctx.locale)));
  return blocks;
}

/** How an item is headed: its own number, or "Addendum to item N" in the addendum. */
export interface ItemHeading {
  /** The number printed before sub-items (4 → 4.1, 4.2). */
  number: string;
  text: string;
}

/** The heading of an agenda item in a language. */
export function agendaItemHeading(ctx: DocContext, item: AgendaItem, mainNumber?: number): ItemHeading {
  const title = itemTitle(item, ctx.locale);
  if (mainNumber !== undefined) {
    return { number: `${mainNumber}`, text: ctx.t('doc.addendumTo', { number: mainNumber, title }) };
  }
  return { number: `${item.number}`, text: `${item.number}. ${title}` };
}

/** The document blocks of one agenda item: numbered heading, the chair's note, tables and lines for its content. */
export function agendaItemBlocks(
  ctx: DocContext,
  item: AgendaItem,
  overlapNumbers: Map<string, number>,
  mainNumber?: number,
): Block[] {
  const head = agendaItemHeading(ctx, item, mainNumber);
  const blocks: Block[] = [heading(ctx, head.text, 1)];
  if (item.note.trim() !== '') blocks.push(para(ctx, item.note));
  switch (item.kind) {
    case 'actions':
      blocks.push(...actionsBlocks(ctx, item));
      break;
    case 'escalations':
      blocks.push(...escalationBlocks(ctx, item));
      break;
    case 'topic-updates':
    case 'jiu':
      blocks.push(...topicBlocks(ctx, item, head.number));
      break;
    case 'events':
      blocks.push(...eventBlocks(ctx, item, overlapNumbers));
      break;
    case 'next-meeting':
      blocks.push(...nextMeetingBlocks(ctx, item.next));
      break;
    default:
      break;
  }
  return blocks;
}

/** Numbers overlaps 1, 2, 3 … across the agenda and its addendum, in order of appearance. */
export function overlapNumbering(items: readonly AgendaItem[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const item of items) {
    if (item.kind !== 'events') continue;
    for (const overlap of item.overlaps) if (!numbers.has(overlap.id)) numbers.set(overlap.id, numbers.size + 1);
  }
  return numbers;
}
