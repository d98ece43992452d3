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
import { minutesText } from './minutes-strings';
import { documentReference, titleBlock } from './title-block';

/** How a minutes document is rendered. */
export interface MinutesDocxOptions {
  /** The document language (default: the minutes'). */
  locale?: Locale;
  /** Mark the document as a draft (before the chair approves it). */
  draft?: boolean;
}

type Block = Paragraph | Table;

function attendeeName(ctx: DocContext, attendee: Attendee): string {
  if (attendee.chair) return `${attendee.name} (${ctx.t('chair')})`;
  if (attendee.observer) return `${attendee.name} (${ctx.t('observer')})`;
  return attendee.name;
}

function presence(ctx: DocContext, attendee: Attendee): CellContent {
  if (attendee.guest) return minutesText(ctx.locale, 'guest');
  if (attendee.present) return minutesText(ctx.locale, 'present');
  return { text: minutesText(ctx.locale, 'absent'), style: { italics: true } };
}

/** The body's members by sector, present or absent, then others who took part and guests (as compiled). */
function attendanceBlocks(ctx: DocContext, attendance: readonly Attendee[]): Block[] {
  const blocks: Block[] = [heading(ctx, ctx.t('attendance'), 1)];
  if (attendance.length === 0) return [...blocks, para(ctx, runs(ctx, ctx.t('none'), { italics: true }))];
  const rows = attendance.map((a): CellContent[] => [
    attendeeName(ctx, a),
    a.jobTitle,
    a.sector ?? '',
    presence(ctx, a),
  ]);
  const headers = [ctx.t('name'), ctx.t('function'), ctx.t('sector'), ctx.t('status')];
  return [...blocks, table(ctx, headers, rows, [30, 38, 12, 20])];
}

function presentedText(ctx: DocContext, update: PresentedUpdate): Segment[] {
  const lines: Segment[][] = [];
  if (update.question !== '')
    lines.push([{ text: ctx.label(ctx.t('question')), style: { bold: true } }, { text: update.question }]);
  if (update.noChange) lines.push([{ text: ctx.t('noChange'), style: { italics: true } }]);
  if (update.progress !== '') lines.push([{ text: update.progress }]);
  if (update.nextSteps !== '') {
    lines.push([{ text: ctx.label(ctx.t('nextSteps')), style: { bold: true } }, { text: update.nextSteps }]);
  }
  return lines.flatMap((line, i) => (i === 0 ? line : [{ text: '\n' }, ...line]));
}

function presentedBlocks(ctx: DocContext, presented: readonly PresentedUpdate[]): Block[] {
  if (presented.length === 0) return [];
  const rows = presented.map((update): CellContent[] => [
    localized(update.topicTitle, ctx.locale),
    update.late ? `${update.sector} (${ctx.t('late')})` : update.sector,
    presentedText(ctx, update),
  ]);
  return [
    heading(ctx, ctx.t('updatesPresented'), 3),
    table(ctx, [ctx.t('topic'), ctx.t('sector'), ctx.t('summary')], rows, [25, 13, 62]),
  ];
}

function actionRow(ctx: DocContext, action: MinutesAction): CellContent[] {
  const due = action.due ? calendarDate(action.due, ctx.locale) : (action.dueText ?? '');
  return [action.text, action.ownerName ?? '', due];
}

function outcomeCell(ctx: DocContext, followUp: MinutesFollowUp): CellContent {
  if (followUp.outcome === 'closed') return { text: minutesText(ctx.locale, 'closed'), style: { bold: true } };
  if (followUp.outcome === 'new-due' && followUp.newDue) {
    return minutesText(ctx.locale, 'newDue', { date: calendarDate(followUp.newDue, ctx.locale) });
  }
  return minutesText(ctx.locale, 'stillOpen');
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
  const headers = ['#', ctx.t('action'), ctx.t('owner'), ctx.t('due'), minutesText(ctx.locale, 'outcome')];
  return [table(ctx, headers, rows, [6, 44, 18, 14, 18])];
}

function escalationLine(ctx: DocContext, escalation: MinutesEscalation): Paragraph {
  const who = escalation.sector
    ? runs(ctx, ctx.label(escalation.sector), { bold: true })
    : runs(ctx, ctx.label(minutesText(ctx.locale, 'sectorToConfirm')), { bold: true, italics: true });
  return para(ctx, [...who, ...runs(ctx, escalation.text)], { bullet: true });
}

function itemBlocks(ctx: DocContext, item: MinutesItem): Block[] {
  const blocks: Block[] = [heading(ctx, `${item.number}. ${itemTitle(item, ctx.locale)}`, 1)];
  blocks.push(...followUpBlocks(ctx, item.followUps));
  blocks.push(...presentedBlocks(ctx, item.presented));
  if (item.discussion.length > 0) {
    blocks.push(heading(ctx, ctx.t('discussion'), 3));
    for (const point of item.discussion) {
      blocks.push(
        para(ctx, [...runs(ctx, ctx.label(point.by.name), { bold: true }), ...runs(ctx, point.text)], { bullet: true }),
      );
    }
    if (item.discussionOmitted > 0) {
      blocks.push(para(ctx, runs(ctx, ctx.t('moreDiscussion', { count: item.discussionOmitted }), { italics: true })));
    }
  }
  if (item.decisions.length > 0) {
    blocks.push(heading(ctx, ctx.t('decisions'), 3));
    item.decisions.forEach((decision, i) => {
      blocks.push(para(ctx, [...runs(ctx, `${item.number}.${i + 1}  `, { bold: true }), ...runs(ctx, decision.text)]));
    });
  }
  if (item.actions.length > 0) {
    blocks.push(heading(ctx, ctx.t('actions'), 3));
    blocks.push(
      table(
        ctx,
        [ctx.t('action'), ctx.t('owner'), ctx.t('due')],
        item.actions.map((a) => actionRow(ctx, a)),
        [60, 22, 18],
      ),
    );
  }
  if (item.escalations.length > 0) {
    blocks.push(heading(ctx, ctx.t('escalations'), 3));
    for (const escalation of item.escalations) blocks.push(escalationLine(ctx, escalation));
  }
  if (blocks.length === 1 && item.kind !== 'opening' && item.kind !== 'aob') {
    blocks.push(para(ctx, runs(ctx, ctx.t('noRecord'), { italics: true })));
  }
  return blocks;
}

function summaryOfActions(ctx: DocContext, items: readonly MinutesItem[]): Block[] {
  const rows = items.flatMap((item) =>
    item.actions.map((action): CellContent[] => [String(item.number), ...actionRow(ctx, action)]),
  );
  if (rows.length === 0) return [];
  return [
    heading(ctx, ctx.t('summaryOfActions'), 1),
    table(ctx, [ctx.t('item'), ctx.t('action'), ctx.t('owner'), ctx.t('due')], rows, [10, 54, 20, 16]),
  ];
}

/**
 * The minutes as a formal meeting document (.docx): attendance by sector (present, absent, guests), per item the
 * follow-up outcomes, updates, discussion, decisions, actions and escalations (with their sector), and a summary of
 * actions by item.
 */
export async function minutesDocx(minutes: Minutes, options: MinutesDocxOptions = {}): Promise<Buffer> {
  const ctx = docContext(options.locale ?? minutes.locale);
  const title = ctx.t('minutes');
  const children: Block[] = [
    ...titleBlock(ctx, minutes.meeting, title, options.draft ? ctx.t('draft') : undefined),
    ...attendanceBlocks(ctx, minutes.attendance),
    ...minutes.items.flatMap((item) => itemBlocks(ctx, item)),
    ...summaryOfActions(ctx, minutes.items),
  ];
  return packDocument(ctx, { title, reference: documentReference(minutes.meeting, title), children });
}
