import { findOwner, splitMentions, type OwnerContext } from './action-owner';
import type { SectorId } from '../reference';
import type { ActionOwner, ChatPointer, ChatProblem, ParsedLine } from './chat-schema';
import {
  ACTION_NUMBER,
  COMMAND_AT,
  COMMAND_PATTERN,
  ITEM_PATTERN,
  NEXT_PATTERN,
  POINTER_AT,
  PREVIOUS_PATTERN,
  commandOf,
  sectorOf,
} from './command-words';
import { asciiDigits, findDueDate } from './due-date';
import { messageLines, withoutMarks } from './html-text';

/** What the parser knows besides the line: when it was said (for dates without a year) and who is who. */
export interface ParseContext extends OwnerContext {
  /** An instant or date; a due date without a year is the next such date after it. */
  now?: string;
  /** Display names of the bot: a line starting with an @mention of it is a command to the bot, not minutes. */
  botNames?: readonly string[];
}

/** The longest text kept for each kind of line (the entity limits); longer text is cut and reported. */
export const TEXT_LIMITS = { decision: 4000, action: 2000, escalation: 2000, done: 2000, note: 2000 } as const;

/** Leading decoration before a command: bidi and zero-width marks, bullets, bold/italic markers. */
const DECORATION =
  /^[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]*(?:[-*•·▪►>]+\s*)?(?:\*\*|__|\*|_)?[\s\u200E\u200F\u061C]*/u;

function truncate(text: string, max: number, problems: ChatProblem[]): string {
  if (text.length <= max) return text;
  problems.push('text-truncated');
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

function referenceDate(now: string | undefined): string | null {
  if (!now) return null;
  const ms = Date.parse(now);
  if (Number.isNaN(ms)) return /^\d{4}-\d{2}-\d{2}/.exec(now)?.[0] ?? null;
  return new Date(ms).toISOString().slice(0, 10);
}

function tidyText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/[\s,;:—–-]+$/u, '')
    .replace(/^[\s:：,;—–-]+/u, '')
    .replace(/(?:\*\*|__)$/u, '')
    .trim();
}

function itemPointer(match: RegExpExecArray): ChatPointer {
  const main = match[1] ?? match[3];
  const sub = match[2] ?? match[4];
  return { move: 'to', item: main ? Number(main) : null, sub: sub ? Number(sub) : null };
}

function pointerOf(line: string): ChatPointer | null {
  const digits = asciiDigits(line);
  const item = ITEM_PATTERN.exec(digits);
  if (item) return itemPointer(item);
  if (NEXT_PATTERN.test(digits)) return { move: 'next', item: null, sub: null };
  if (PREVIOUS_PATTERN.test(digits)) return { move: 'previous', item: null, sub: null };
  return null;
}

/** The end of a pointer ("Item 4", "Next item" …) starting exactly at `at`, or -1. */
function pointerEnd(digits: string, at: number): number {
  for (const pattern of [POINTER_AT.item, POINTER_AT.next, POINTER_AT.previous]) {
    pattern.lastIndex = at;
    const match = pattern.exec(digits);
    if (match) return at + match[0].length;
  }
  return -1;
}

/** True when a command word and its colon start exactly at `at`. */
function commandAt(digits: string, at: number): boolean {
  COMMAND_AT.lastIndex = at;
  return COMMAND_AT.test(digits);
}

/** Where sentences start within a line: the start, and after . ! ? … and a space, or after 。！？؟. */
const SENTENCE_END = /[.!?…]\s+|[。！？؟]\s*/gu;

function sentenceStarts(text: string): number[] {
  const starts = [0];
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match; match = SENTENCE_END.exec(text)) {
    const at = match.index + match[0].length;
    if (at < text.length) starts.push(at);
  }
  return starts;
}

/** Skips what separates a pointer from what follows it on the line ("Item 4: Action: …", "Item 3 — …"). */
function afterSeparator(text: string, at: number): number {
  return at + (/^[\s:：.,،。\-–—]*/u.exec(text.slice(at, at + 20))?.[0].length ?? 0);
}

/**
 * Where a line splits into separately understood parts: before every pointer that starts a sentence
 * ("Moving on. Item 3 — …"), and, once a pointer has been seen, before a command that follows it or starts a
 * sentence ("Item 4: Action: …"). Ordinary prose ("this item is important") never splits a line.
 */
function segmentStarts(body: string): number[] {
  const digits = asciiDigits(body);
  const starts = new Set<number>([0]);
  let pointerSeen = false;
  for (const at of sentenceStarts(digits)) {
    const end = pointerEnd(digits, at);
    if (end >= 0) {
      starts.add(at);
      pointerSeen = true;
      const next = afterSeparator(digits, end);
      if (next < digits.length && commandAt(digits, next)) starts.add(next);
    } else if (pointerSeen && commandAt(digits, at)) starts.add(at);
  }
  return [...starts].sort((a, b) => a - b);
}

function isBotCommand(body: string, botNames: readonly string[] | undefined): boolean {
  if (!botNames || botNames.length === 0) return false;
  const { plain, mentions } = splitMentions(body);
  const first = mentions[0];
  if (!first || plain.slice(0, first.start).trim() !== '') return false;
  return botNames.some((name) => name.trim().toLowerCase() === first.name.toLowerCase());
}

type LineResult = (fields: Partial<ParsedLine> & Pick<ParsedLine, 'kind' | 'text'>) => ParsedLine;

/** What follows a command word: the sector it names in parentheses, and the text with any other note kept. */
function commandRest(body: string, command: RegExpExecArray): { rest: string; sector: SectorId | null } {
  const rest = body.slice(command[0].length);
  const note = command[2]?.trim();
  if (!note) return { rest, sector: null };
  const sector = sectorOf(note);
  return sector ? { rest, sector } : { rest: `${rest} (${note})`, sector: null };
}

function actionLine(rest: string, context: ParseContext, problems: ChatProblem[], result: LineResult): ParsedLine {
  const { owner, text: withoutOwner } = findOwner(rest, context);
  const due = findDueDate(withoutOwner, referenceDate(context.now));
  let text = withoutOwner;
  if (due.span) text = `${text.slice(0, due.span[0])} ${text.slice(due.span[1])}`;
  text = tidyText(text);
  if (!owner) problems.push('owner-missing');
  if (due.invalid) problems.push('date-invalid');
  if (text === '') problems.push('text-empty');
  return result({
    kind: 'action',
    text: truncate(text, TEXT_LIMITS.action, problems),
    owner,
    due: due.due,
    dueText: due.dueText?.slice(0, 100) ?? null,
  });
}

/**
 * A `Done:` line: the follow-up action by its number ("Done: 3") or by owner and text ("Done: @Alex Wilber
 * training calendars"); a new date ("— new date 2027-01-15", "by 15 Jan") keeps the action open, re-dated.
 */
function doneLine(rest: string, context: ParseContext, problems: ChatProblem[], result: LineResult): ParsedLine {
  const number = ACTION_NUMBER.exec(asciiDigits(withoutMarks(rest)));
  let owner: ActionOwner | null = null;
  let remainder: string;
  if (number?.[1]) remainder = withoutMarks(rest).slice(number[0].length);
  else ({ owner, text: remainder } = findOwner(rest, context));
  const due = findDueDate(remainder, referenceDate(context.now));
  if (due.span) remainder = `${remainder.slice(0, due.span[0])} ${remainder.slice(due.span[1])}`;
  const text = tidyText(remainder);
  if (due.invalid) problems.push('date-invalid');
  if (!number && !owner && text === '') problems.push('text-empty');
  return result({
    kind: 'done',
    text: truncate(text, TEXT_LIMITS.done, problems),
    owner,
    due: due.due,
    dueText: due.dueText?.slice(0, 100) ?? null,
    actionNumber: number?.[1] ? Number(number[1]) : null,
  });
}

/**
 * Understands one prepared line (plain text, @mentions marked): a `Decision:`, `Action:`, `Escalate:` or `Done:`
 * line in any of the six languages, a pointer (`Item 4`, `Next item` …), a command to the bot, or an ordinary
 * note. Never throws; `raw` is kept as given. A line holding several parts is read by `parsePreparedSegments`.
 */
export function parsePreparedLine(
  line: string,
  raw: string,
  context: ParseContext = {},
  found: readonly ChatProblem[] = [],
): ParsedLine {
  const problems: ChatProblem[] = [...found];
  const result: LineResult = (fields) => ({
    kind: fields.kind,
    language: fields.language ?? null,
    text: fields.text,
    raw,
    owner: fields.owner ?? null,
    due: fields.due ?? null,
    dueText: fields.dueText ?? null,
    pointer: fields.pointer ?? null,
    sector: fields.sector ?? null,
    actionNumber: fields.actionNumber ?? null,
    problems,
  });
  const normalised = line.normalize('NFC');
  const decoration = DECORATION.exec(normalised)?.[0].length ?? 0;
  const body = normalised.slice(decoration);

  if (isBotCommand(body, context.botNames)) return result({ kind: 'bot-command', text: withoutMarks(body).trim() });

  const command = COMMAND_PATTERN.exec(body);
  const known = command?.[1] ? commandOf(command[1]) : null;
  if (command && known) {
    const { rest, sector } = commandRest(body, command);
    const tagged: LineResult = (fields) => result({ language: known.language, ...fields });
    if (known.kind === 'action') return actionLine(rest, context, problems, tagged);
    if (known.kind === 'done') return doneLine(rest, context, problems, tagged);
    const text = tidyText(withoutMarks(rest));
    if (text === '') problems.push('text-empty');
    return tagged({
      kind: known.kind,
      text: truncate(text, TEXT_LIMITS[known.kind], problems),
      sector: known.kind === 'escalation' ? sector : null,
    });
  }

  const plain = withoutMarks(body).trim();
  const pointer = pointerOf(plain);
  if (pointer)
    return result({ kind: 'pointer', text: plain.replace(/[\s:：.,،。\-–—]+$/u, '').slice(0, 300), pointer });
  return result({ kind: 'note', text: truncate(withoutMarks(normalised).trim(), TEXT_LIMITS.note, problems) });
}

/**
 * Understands one prepared line that may hold several parts, in order: a pointer starting any sentence splits
 * the line, and a command right after a pointer starts its own part ("Moving on. Item 3 — Escalations",
 * "Item 4: Action: @Alex … by 2026-12-20"). Problems found on the line go with its first part; every part keeps
 * the raw line.
 */
export function parsePreparedSegments(
  line: string,
  raw: string,
  context: ParseContext = {},
  found: readonly ChatProblem[] = [],
): ParsedLine[] {
  const normalised = line.normalize('NFC');
  const decoration = DECORATION.exec(normalised)?.[0].length ?? 0;
  const body = normalised.slice(decoration);
  if (isBotCommand(body, context.botNames)) return [parsePreparedLine(normalised, raw, context, found)];
  const starts = segmentStarts(body);
  if (starts.length === 1) return [parsePreparedLine(normalised, raw, context, found)];
  return starts.map((start, i) => {
    const part =
      i === 0 ? normalised.slice(0, decoration + (starts[1] ?? body.length)) : body.slice(start, starts[i + 1]);
    return parsePreparedLine(part, raw, context, i === 0 ? found : []);
  });
}

function unparsedLine(text: unknown): ParsedLine {
  return {
    kind: 'note',
    language: null,
    text: '',
    raw: String(text),
    owner: null,
    due: null,
    dueText: null,
    pointer: null,
    sector: null,
    actionNumber: null,
    problems: ['unparsed'],
  };
}

/**
 * Parses a chat message (Teams HTML or plain text; `html` overrides the guess) into its parts, line by line and
 * in order: decisions, actions (owner, due date), escalations (sector), `Done:` lines, pointers and notes. Each part
 * keeps its raw line; problems such as `owner-missing` or `date-invalid` are reported on each part. Never throws.
 */
export function parseChatMessage(text: string, context: ParseContext = {}, html?: boolean): ParsedLine[] {
  try {
    const source = typeof text === 'string' ? text : String(text);
    const message = messageLines(source, html);
    const parts = message.lines.flatMap((line) =>
      parsePreparedSegments(
        line.text,
        message.source.slice(line.rawStart, line.rawEnd),
        context,
        line.markupRemoved ? ['markup-removed'] : [],
      ),
    );
    if (message.truncated) for (const part of parts) part.problems.push('message-too-long');
    return parts;
  } catch {
    return [unparsedLine(text)];
  }
}

/**
 * Parses one chat line (Teams HTML or plain text, its lines read as one) into a decision, action (owner, due
 * date), escalation, `Done:` line, pointer or note: the first part when the line holds several (see
 * `parseChatMessage`). Never throws and always keeps the raw line; problems are reported on the result.
 */
export function parseChatLine(text: string, context: ParseContext = {}): ParsedLine {
  try {
    const message = messageLines(typeof text === 'string' ? text : String(text));
    const line = message.lines.map((l) => l.text).join(' ');
    const parsed = parsePreparedSegments(line, text, context)[0] ?? unparsedLine(text);
    const extra: ChatProblem[] = [];
    if (message.lines.some((l) => l.markupRemoved)) extra.push('markup-removed');
    if (message.truncated) extra.push('message-too-long');
    if (parsed.kind === 'note' && parsed.text === '' && !parsed.problems.includes('text-empty'))
      extra.push('text-empty');
    return extra.length > 0 ? { ...parsed, problems: [...parsed.problems, ...extra] } : parsed;
  } catch {
    return unparsedLine(text);
  }
}
