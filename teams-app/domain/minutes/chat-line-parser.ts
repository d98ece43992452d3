import { findOwner, splitMentions, type OwnerContext } from './action-owner';
import type { ChatPointer, ChatProblem, ParsedLine } from './chat-schema';
import { COMMAND_PATTERN, ITEM_PATTERN, NEXT_PATTERN, PREVIOUS_PATTERN, commandOf } from './command-words';
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
export const TEXT_LIMITS = { decision: 4000, action: 2000, escalation: 2000, note: 2000 } as const;

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

function pointerOf(line: string): ChatPointer | null {
  const digits = asciiDigits(line);
  const item = ITEM_PATTERN.exec(digits);
  if (item) {
    const main = item[1] ?? item[3];
    const sub = item[2] ?? item[4];
    return { move: 'to', item: main ? Number(main) : null, sub: sub ? Number(sub) : null };
  }
  if (NEXT_PATTERN.test(digits)) return { move: 'next', item: null, sub: null };
  if (PREVIOUS_PATTERN.test(digits)) return { move: 'previous', item: null, sub: null };
  return null;
}

function isBotCommand(body: string, botNames: readonly string[] | undefined): boolean {
  if (!botNames || botNames.length === 0) return false;
  const { plain, mentions } = splitMentions(body);
  const first = mentions[0];
  if (!first || plain.slice(0, first.start).trim() !== '') return false;
  return botNames.some((name) => name.trim().toLowerCase() === first.name.toLowerCase());
}

/**
 * Understands one prepared line (plain text, @mentions marked): a `Decision:`, `Action:` or `Escalate:` line in
 * any of the six languages, a pointer (`Item 4`, `Next item` …), a command to the bot, or an ordinary note.
 * Never throws; `raw` is kept as given.
 */
export function parsePreparedLine(
  line: string,
  raw: string,
  context: ParseContext = {},
  found: readonly ChatProblem[] = [],
): ParsedLine {
  const problems: ChatProblem[] = [...found];
  const result = (fields: Partial<ParsedLine> & Pick<ParsedLine, 'kind' | 'text'>): ParsedLine => ({
    kind: fields.kind,
    language: fields.language ?? null,
    text: fields.text,
    raw,
    owner: fields.owner ?? null,
    due: fields.due ?? null,
    dueText: fields.dueText ?? null,
    pointer: fields.pointer ?? null,
    problems,
  });
  const normalised = line.normalize('NFC');
  const decoration = DECORATION.exec(normalised)?.[0].length ?? 0;
  const body = normalised.slice(decoration);

  if (isBotCommand(body, context.botNames)) return result({ kind: 'bot-command', text: withoutMarks(body).trim() });

  const command = COMMAND_PATTERN.exec(body);
  const known = command?.[1] ? commandOf(command[1]) : null;
  if (command && known) {
    const rest = body.slice(command[0].length);
    if (known.kind === 'action') {
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
        language: known.language,
        text: truncate(text, TEXT_LIMITS.action, problems),
        owner,
        due: due.due,
        dueText: due.dueText?.slice(0, 100) ?? null,
      });
    }
    const text = tidyText(withoutMarks(rest));
    if (text === '') problems.push('text-empty');
    return result({
      kind: known.kind,
      language: known.language,
      text: truncate(text, TEXT_LIMITS[known.kind], problems),
    });
  }

  const plain = withoutMarks(body).trim();
  const pointer = pointerOf(plain);
  if (pointer) return result({ kind: 'pointer', text: plain.slice(0, 300), pointer });
  return result({ kind: 'note', text: truncate(withoutMarks(normalised).trim(), TEXT_LIMITS.note, problems) });
}

/**
 * Parses one chat line (Teams HTML or plain text) into a decision, action (owner, due date), escalation,
 * pointer or note. Never throws and always keeps the raw line; problems such as `owner-missing` or
 * `date-invalid` are reported on the result.
 */
export function parseChatLine(text: string, context: ParseContext = {}): ParsedLine {
  try {
    const message = messageLines(typeof text === 'string' ? text : String(text));
    const line = message.lines.map((l) => l.text).join(' ');
    const parsed = parsePreparedLine(line, text, context);
    const extra: ChatProblem[] = [];
    if (message.lines.some((l) => l.markupRemoved)) extra.push('markup-removed');
    if (message.truncated) extra.push('message-too-long');
    if (parsed.kind === 'note' && parsed.text === '' && !parsed.problems.includes('text-empty'))
      extra.push('text-empty');
    return extra.length > 0 ? { ...parsed, problems: [...parsed.problems, ...extra] } : parsed;
  } catch {
    return {
      kind: 'note',
      language: null,
      text: '',
      raw: String(text),
      owner: null,
      due: null,
      dueText: null,
      pointer: null,
      problems: ['unparsed'],
    };
  }
}
