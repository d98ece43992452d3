import { AlignmentType, HeadingLevel, type Paragraph, type Table } from 'docx';
import { SECTORS, localized, placeName, type LocalizedText } from '../domain';
import type { AnnualReport, ReportTopic } from '../domain/report';
import { t, type MessageKey, type ValuesOf } from '../i18n';
import { bodyName } from './body-name';
import { calendarDate, calendarRange, meetingDate } from './date-format';
import {
  docContext,
  heading,
  labelled,
  packDocument,
  para,
  runs,
  table,
  type CellContent,
  type DocContext,
} from './docx-kit';

type Block = Paragraph | Table;

/** A report string of the catalogue (`report.` and `records.` keys) in the document's language. */
function tr<K extends MessageKey>(ctx: DocContext, key: K, ...values: ValuesOf<K>): string {
  return t(key, ctx.locale, ...values);
}

/** How an annual report is rendered. */
export interface AnnualReportDocxOptions {
  /** Mark the document as a draft (before the secretariat publishes it). */
  draft?: boolean;
}

function none(ctx: DocContext): Paragraph {
  return para(ctx, runs(ctx, ctx.t('doc.none'), { italics: true }));
}

function title(ctx: DocContext, value: LocalizedText | null): string {
  return value ? localized(value, ctx.locale) : '';
}

function meetingBlocks(ctx: DocContext, report: AnnualReport): Block[] {
  const blocks: Block[] = [para(ctx, tr(ctx, 'report.meetingsCount', { count: report.meetings.length }))];
  if (report.meetings.length === 0) return blocks;
  blocks.push(heading(ctx, tr(ctx, 'report.attendance'), 2));
  const rows = report.meetings.map((meeting): CellContent[] => [
    `${bodyName(ctx.locale, meeting.body)} ${meeting.number}`,
    meetingDate(meeting.start, meeting.timeZone, ctx.locale),
    ...SECTORS.map((sector) => (meeting.attendance ? String(meeting.attendance[sector] ?? 0) : '—')),
    meeting.total === null ? { text: tr(ctx, 'report.noMinutes'), style: { italics: true } } : String(meeting.total),
  ]);
  const headers = [ctx.t('doc.item'), ctx.t('doc.date'), ...SECTORS, tr(ctx, 'report.total')];
  blocks.push(table(ctx, headers, rows, [26, 26, 8, 8, 8, 8, 16]));
  return blocks;
}

function topicBlocks(ctx: DocContext, topics: readonly ReportTopic[], number: string): Block[] {
  const blocks: Block[] = [];
  topics.forEach((topic, i) => {
    blocks.push(heading(ctx, `${number}.${i + 1} ${localized(topic.title, ctx.locale)}`, 2));
    const reported = topic.updates.filter((u) => u.noChange || u.progress.trim() !== '' || u.nextSteps.trim() !== '');
    if (reported.length === 0) {
      blocks.push(para(ctx, runs(ctx, tr(ctx, 'report.noUpdates'), { italics: true })));
      return;
    }
    const rows = reported.map((update): CellContent[] => [
      `${update.sector}\n${update.meetingRef}`,
      update.noChange ? { text: ctx.t('doc.noChange'), style: { italics: true } } : update.progress,
      update.nextSteps,
    ]);
    blocks.push(table(ctx, [ctx.t('doc.sector'), ctx.t('doc.progress'), ctx.t('doc.nextSteps')], rows, [16, 52, 32]));
  });
  return blocks.length ? blocks : [none(ctx)];
}

function decisionBlocks(ctx: DocContext, report: AnnualReport): Block[] {
  if (report.decisions.length === 0) return [none(ctx)];
  const rows = report.decisions.map((d, i): CellContent[] => [
    String(i + 1),
    d.meetingRef,
    title(ctx, d.topicTitle),
    d.text,
  ]);
  return [
    table(
      ctx,
      ['#', tr(ctx, 'records.col.meeting'), ctx.t('doc.topic'), tr(ctx, 'report.decisions')],
      rows,
      [6, 16, 22, 56],
    ),
  ];
}

function escalationBlocks(ctx: DocContext, report: AnnualReport): Block[] {
  if (report.escalations.length === 0) return [none(ctx)];
  const rows = report.escalations.map((e): CellContent[] => [
    e.meetingRef,
    title(ctx, e.topicTitle),
    e.sector ?? '',
    e.ask,
    e.to,
    { text: tr(ctx, `report.outcome.${e.status}`), style: { bold: e.status === 'decided' } },
  ]);
  const headers = [
    tr(ctx, 'records.col.meeting'),
    ctx.t('doc.topic'),
    ctx.t('doc.sector'),
    ctx.t('doc.question'),
    tr(ctx, 'report.escalatedTo'),
    tr(ctx, 'report.outcome'),
  ];
  return [table(ctx, headers, rows, [13, 18, 10, 37, 10, 12])];
}

function eventBlocks(ctx: DocContext, report: AnnualReport): Block[] {
  const blocks: Block[] = [];
  if (report.events.length === 0) blocks.push(none(ctx));
  else {
    const rows = report.events.map((e): CellContent[] => [
      e.name,
      calendarRange(e.start, e.end, ctx.locale),
      placeName(e.place, ctx.locale),
      e.sector,
      title(ctx, e.topicTitle),
      String(e.participants),
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
  blocks.push(heading(ctx, tr(ctx, 'report.overlaps'), 2));
  if (report.overlaps.length === 0) blocks.push(none(ctx));
  for (const [i, overlap] of report.overlaps.entries()) {
    const reason = ctx.t(overlap.reason === 'same-event' ? 'doc.sameEvent' : 'doc.sameDatesTopic');
    blocks.push(
      para(ctx, [
        ...runs(ctx, ctx.label(`${ctx.t('doc.overlap')} ${i + 1}`), { bold: true }),
        ...runs(
          ctx,
          `${overlap.name} (${calendarRange(overlap.start, overlap.end, ctx.locale)}) — ${overlap.sectors.join(', ')} (${reason})`,
        ),
      ]),
    );
  }
  return blocks;
}

function jiuBlocks(ctx: DocContext, report: AnnualReport): Block[] {
  const jiu = report.topics.filter((topic) => topic.kind === 'jiu-recommendation');
  if (jiu.length === 0) return [none(ctx)];
  const rows = jiu.map((topic): CellContent[] => {
    const latest = [...topic.updates].reverse().find((u) => !u.noChange && u.progress.trim() !== '');
    return [
      localized(topic.title, ctx.locale),
      tr(ctx, `report.topicStatus.${topic.status}`),
      latest ? `${latest.sector} (${latest.meetingRef}): ${latest.progress}` : '',
    ];
  });
  return [table(ctx, [ctx.t('doc.topic'), ctx.t('doc.status'), tr(ctx, 'report.latestUpdate')], rows, [30, 15, 55])];
}

function actionBlocks(ctx: DocContext, report: AnnualReport): Block[] {
  if (report.openActions.length === 0) return [none(ctx)];
  const rows = report.openActions.map((a, i): CellContent[] => [
    String(i + 1),
    a.text,
    a.ownerName,
    a.due ? calendarDate(a.due, ctx.locale) : '',
    title(ctx, a.topicTitle),
    a.meetingRef,
  ]);
  const headers = [
    '#',
    ctx.t('doc.action'),
    ctx.t('doc.owner'),
    ctx.t('doc.due'),
    ctx.t('doc.topic'),
    tr(ctx, 'records.col.meeting'),
  ];
  return [table(ctx, headers, rows, [5, 37, 16, 12, 18, 12])];
}

function vacancyBlocks(ctx: DocContext, report: AnnualReport): Block[] {
  if (report.vacancies.length === 0) return [none(ctx)];
  return [
    table(
      ctx,
      [ctx.t('doc.topic'), ctx.t('doc.sector')],
      report.vacancies.map((v): CellContent[] => [localized(v.topicTitle, ctx.locale), v.sector]),
      [75, 25],
    ),
  ];
}

/**
 * The annual report to Council on the implementation of Resolution 191 (.docx), laid out like the Secretary-General's
 * reports: title block with the period, summary, action required and references, then numbered sections on the
 * meetings held (attendance by sector), progress by topic, decisions, escalations and their outcome, events and
 * overlaps, JIU recommendations, open actions and vacant focal points. Headings in the report's language; Arabic
 * right-to-left.
 */
export async function annualReportDocx(report: AnnualReport, options: AnnualReportDocxOptions = {}): Promise<Buffer> {
  const ctx = docContext(report.locale);
  const from = calendarDate(report.from, ctx.locale);
  const to = calendarDate(report.to, ctx.locale);
  const centre = { alignment: AlignmentType.CENTER } as const;
  const documentTitle = tr(ctx, 'report.title');
  const sections: [string, Block[]][] = [
    [tr(ctx, 'report.meetings'), meetingBlocks(ctx, report)],
    [
      tr(ctx, 'report.topics'),
      topicBlocks(
        ctx,
        report.topics.filter((t) => t.kind !== 'jiu-recommendation'),
        '2',
      ),
    ],
    [tr(ctx, 'report.decisions'), decisionBlocks(ctx, report)],
    [tr(ctx, 'report.escalations'), escalationBlocks(ctx, report)],
    [tr(ctx, 'report.events'), eventBlocks(ctx, report)],
    [tr(ctx, 'report.jiu'), jiuBlocks(ctx, report)],
    [tr(ctx, 'report.openActions'), actionBlocks(ctx, report)],
    [tr(ctx, 'report.vacancies'), vacancyBlocks(ctx, report)],
  ];
  const children: Block[] = [
    para(ctx, runs(ctx, tr(ctx, 'report.secretaryGeneral'), { bold: true, size: 28 }), centre),
    para(ctx, runs(ctx, documentTitle), { heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    para(ctx, runs(ctx, tr(ctx, 'report.subtitle'), { italics: true }), centre),
    para(ctx, runs(ctx, tr(ctx, 'report.period', { from, to }), { bold: true }), centre),
  ];
  if (options.draft)
    children.push(para(ctx, runs(ctx, ctx.t('doc.draft'), { italics: true, color: 'C00000' }), centre));
  children.push(
    heading(ctx, tr(ctx, 'report.summary'), 3),
    para(ctx, tr(ctx, 'report.summaryText', { from, to })),
    heading(ctx, tr(ctx, 'report.actionRequired'), 3),
    para(ctx, tr(ctx, 'report.actionRequiredText')),
    labelled(ctx, tr(ctx, 'report.references'), tr(ctx, 'report.referencesText')),
  );
  sections.forEach(([text, blocks], i) => children.push(heading(ctx, `${i + 1} ${text}`, 1), ...blocks));
  return packDocument(ctx, {
    title: documentTitle,
    reference: `${documentTitle} — ${report.from} / ${report.to}`,
    children,
  });
}
