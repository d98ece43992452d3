import type { Paragraph, Table } from 'docx';
import { localized, type Locale } from '../domain';
import { itemTitle } from '../domain/agenda';
import type {
  Attendee,
  Minutes,
  MinutesAction,
  MinutesEscalation,
  MinutesFollowUp,
  MinutesItem,
  PresentedUpdate,
} from '../domain/minutes';
import { calendarDate } from './date-format';
import {
  docContext,
  heading,
  packDocument,
  para,
  runs,
  table,
  type CellContent,
  type DocContext,
  type Segment,
} from './docx-kit';
import { documentReference, titleBlock } from './title-block';

/** How a minutes document is rendered. */
export interface MinutesDocxOptions {
  /** The document language (default: the minutes'). */
  locale?: Locale;
  /** Mark the document as a draft (before the chair approves it). */
  draft?: boolean;
}

type Block = Paragraph | Table;

/** What an attendance cell shows when there is nothing to say (the same in every language). */
const NOT_KNOWN = '—';

function attendeeName(ctx: DocContext, attendee: Attendee): string {
  if (attendee.chair) return `${attendee.name} (${ctx.t('doc.chair')})`;
  if (attendee.observer) return `${attendee.name} (${ctx.t('doc.observer')})`;
  return attendee.name;
}

function presence(ctx: DocContext, attendee: Attendee): CellContent {
  if (attendee.present) return ctx.t('doc.present');
  return { text: ctx.t('doc.absent'), style: { italics: true } };
}

/**
 * The body's members by sector, present or absent, then others who took part and guests (as compiled), under a
 * line saying where attendance comes from (the Teams attendance report, or only who wrote in the chat).
 */
function attendanceBlocks(ctx: DocContext, minutes: Pick<Minutes, 'attendance' | 'attendanceSource'>): Block[] {
  const { attendance } = minutes;
  const source =
    minutes.attendanceSource === 'attendance-report' ? 'doc.attendanceFromReport' : 'doc.attendanceFromChat';
  const blocks: Block[] = [
    heading(ctx, ctx.t('doc.attendance'), 1),
    para(ctx, runs(ctx, ctx.t(source), { italics: true })),
  ];
  if (attendance.length === 0) return [...blocks, para(ctx, runs(ctx, ctx.t('doc.none'), { italics: true }))];
  // A cell is never left empty: a guest's sector reads "Guest", anything else unknown a dash.
  const rows = attendance.map((a): CellContent[] => [
    attendeeName(ctx, a),
    a.jobTitle.trim() || NOT_KNOWN,
    a.sector ?? (a.guest ? ctx.t('doc.guest') : NOT_KNOWN),
    presence(ctx, a),
  ]);
  const headers = [ctx.t('doc.name'), ctx.t('doc.function'), ctx.t('doc.sector'), ctx.t('doc.status')];
  return [...blocks, table(ctx, headers, rows, [30, 38, 12, 20])];
}

function presentedText(ctx: DocContext, update: PresentedUpdate): Segment[] {
  const lines: Segment[][] = [];
  if (update.question !== '')
    lines.push([{ text: ctx.label(ctx.t('doc.question')), style: { bold: true } }, { text: update.question }]);
  if (update.noChange) lines.push([{ text: ctx.t('doc.noChange'), style: { italics: true } }]);
  if (update.progress !== '') lines.push([{ text: update.progress }]);
  if (update.nextSteps !== '') {
    lines.push([{ text: ctx.label(ctx.t('doc.nextSteps')), style: { bold: true } }, { text: update.nextSteps }]);
  }
  return lines.flatMap((line, i) => (i === 0 ? line : [{ text: '\n' }, ...line]));
}

function presentedBlocks(ctx: DocContext, presented: readonly PresentedUpdate[]): Block[] {
  if (presented.length === 0) return [];
  const rows = presented.map((update): CellContent[] => [
    localized(update.topicTitle, ctx.locale),
    update.late ? `${update.sector} (${ctx.t('doc.late')})` : update.sector,
    presentedText(ctx, update),
  ]);
  return [
    heading(ctx, ctx.t('doc.updatesPresented'), 3),
    table(ctx, [ctx.t('doc.topic'), ctx.t('doc.sector'), ctx.t('doc.summary')], rows, [25, 13, 62]),
  ];
}

function actionRow(ctx: DocContext, action: MinutesAction): CellContent[] {
  const due = action.due ? calendarDate(action.due, ctx.locale) : (action.dueText ?? '');
  return [action.text, action.ownerName ?? '', due];
}

function outcomeCell(ctx: DocContext, followUp: MinutesFollowUp): CellContent {
  if (followUp.outcome === 'closed') return { text: ctx.t('doc.closed'), style: { bold: true } };
  if (followUp.outcome === 'new-due' && followUp.newDue) {
    return ctx.t('doc.newDue', { date: calendarDate(followUp.newDue, ctx.locale) });
  }
  return ctx.t('doc.stillOpen');
}

/** The follow-up item: each open action from earlier meetings under its agenda number, with the meeting's outcome. */
function followUpBlocks(ctx: DocContext, followUps: readonly MinutesFollowUp[]): Block[] {
  if (followUps.length === 0) return [];
  const rows = followUps.map((followUp): CellContent[] => [
    String(followUp.number),
    followUp.text,
    followUp.ownerName,
    followUp.due ? calendarDate(followUp.due, ctx.locale) : '',
    outcomeCell(ctx, followUp),
  ]);
  const headers = ['#', ctx.t('doc.action'), ctx.t('doc.owner'), ctx.t('doc.due'), ctx.t('doc.outcome')];
  return [table(ctx, headers, rows, [6, 44, 18, 14, 18])];
}

function escalationLine(ctx: DocContext, escalation: MinutesEscalation): Paragraph {
  const who = escalation.sector
    ? runs(ctx, ctx.label(escalation.sector), { bold: true })
    : runs(ctx, ctx.label(ctx.t('doc.sectorToConfirm')), { bold: true, italics: true });
  return para(ctx, [...who, ...runs(ctx, escalation.text)], { bullet: true });
}

function itemBlocks(ctx: DocContext, item: MinutesItem): Block[] {
  const blocks: Block[] = [heading(ctx, `${item.number}. ${itemTitle(item, ctx.locale)}`, 1)];
  blocks.push(...followUpBlocks(ctx, item.followUps));
  blocks.push(...presentedBlocks(ctx, item.presented));
  if (item.discussion.length > 0) {
    blocks.push(heading(ctx, ctx.t('doc.discussion'), 3));
    for (const point of item.discussion) {
      blocks.push(
        para(ctx, [...runs(ctx, ctx.label(point.by.name), { bold: true }), ...runs(ctx, point.text)], { bullet: true }),
      );
    }
    if (item.discussionOmitted > 0) {
      blocks.push(
        para(ctx, runs(ctx, ctx.t('doc.moreDiscussion', { count: item.discussionOmitted }), { italics: true })),
      );
    }
  }
  if (item.decisions.length > 0) {
    blocks.push(heading(ctx, ctx.t('doc.decisions'), 3));
    item.decisions.forEach((decision, i) => {
      blocks.push(para(ctx, [...runs(ctx, `${item.number}.${i + 1}  `, { bold: true }), ...runs(ctx, decision.text)]));
    });
  }
  if (item.actions.length > 0) {
    blocks.push(heading(ctx, ctx.t('doc.actions'), 3));
    blocks.push(
      table(
        ctx,
        [ctx.t('doc.action'), ctx.t('doc.owner'), ctx.t('doc.due')],
        item.actions.map((a) => actionRow(ctx, a)),
        [60, 22, 18],
      ),
    );
  }
  if (item.escalations.length > 0) {
    blocks.push(heading(ctx, ctx.t('doc.escalations'), 3));
    for (const escalation of item.escalations) blocks.push(escalationLine(ctx, escalation));
  }
  if (blocks.length === 1) {
    blocks.push(para(ctx, runs(ctx, ctx.t('doc.noRecord'), { italics: true })));
  }
  return blocks;
}

function summaryOfActions(ctx: DocContext, items: readonly MinutesItem[]): Block[] {
  const rows = items.flatMap((item) =>
    item.actions.map((action): CellContent[] => [String(item.number), ...actionRow(ctx, action)]),
  );
  if (rows.length === 0) return [];
  return [
    heading(ctx, ctx.t('doc.summaryOfActions'), 1),
    table(ctx, [ctx.t('doc.item'), ctx.t('doc.action'), ctx.t('doc.owner'), ctx.t('doc.due')], rows, [10, 54, 20, 16]),
  ];
}

/**
 * The minutes as a formal meeting document (.docx): attendance by sector (present, absent, guests), per item the
 * follow-up outcomes, updates, discussion, decisions, actions and escalations (with their sector), and a summary of
 * actions by item.
 */
export async function minutesDocx(minutes: Minutes, options: MinutesDocxOptions = {}): Promise<Buffer> {
  const ctx = docContext(options.locale ?? minutes.locale);
  const title = ctx.t('doc.minutes');
  const children: Block[] = [
    ...titleBlock(ctx, minutes.meeting, title, options.draft ? ctx.t('doc.draft') : undefined),
    ...attendanceBlocks(ctx, minutes),
    ...minutes.items.flatMap((item) => itemBlocks(ctx, item)),
    ...summaryOfActions(ctx, minutes.items),
  ];
  return packDocument(ctx, { title, reference: documentReference(minutes.meeting, title), children });
}
