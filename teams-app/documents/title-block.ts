import { AlignmentType, HeadingLevel, type Paragraph } from 'docx';
import { meetingTitle, placeName } from '../domain';
import type { MeetingHeader } from '../domain/agenda';
import { meetingDate, meetingTime } from './date-format';
import { bodyName } from './body-name';
import { labelled, link, para, runs, type DocContext } from './docx-kit';

/** The reference printed at the top of each page: "ISC-TF-32 — Agenda". */
export function documentReference(meeting: MeetingHeader, documentTitle: string): string {
  return `${meeting.body}-${meeting.number} — ${documentTitle}`;
}

/**
 * The title block of a meeting document: the body, the meeting number and title (in the document's language unless
 * the meeting has a custom title), date, hours with the time zone, place and the Teams link, then the document's
 * title (Agenda, Minutes …).
 */
export function titleBlock(ctx: DocContext, meeting: MeetingHeader, documentTitle: string, note?: string): Paragraph[] {
  const centre = { alignment: AlignmentType.CENTER } as const;
  const blocks: Paragraph[] = [
    para(ctx, runs(ctx, bodyName(ctx.locale, meeting.body), { bold: true, size: 28 }), centre),
    para(ctx, runs(ctx, ctx.t('doc.meetingNumber', { number: meeting.number }), { bold: true, size: 24 }), centre),
  ];
  blocks.push(para(ctx, runs(ctx, meetingTitle(meeting, ctx.locale), { italics: true }), centre));
  blocks.push(
    labelled(ctx, ctx.t('doc.date'), meetingDate(meeting.start, meeting.timeZone, ctx.locale)),
    labelled(ctx, ctx.t('doc.time'), meetingTime(meeting.start, meeting.end, meeting.timeZone, ctx.locale)),
  );
  if (meeting.place.trim() !== '') blocks.push(labelled(ctx, ctx.t('doc.place'), placeName(meeting.place, ctx.locale)));
  if (meeting.joinUrl)
    blocks.push(labelled(ctx, ctx.t('doc.online'), link(ctx, ctx.t('doc.joinLink'), meeting.joinUrl)));
  blocks.push(para(ctx, runs(ctx, documentTitle), { heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }));
  if (note) blocks.push(para(ctx, runs(ctx, note, { italics: true }), centre));
  return blocks;
}
