import { compareText } from '../agenda/sort-keys';
import { parseChatMessage, TEXT_LIMITS, type ParseContext } from './chat-line-parser';
import type {
  CapturedChat,
  CapturedRecord,
  ChatMessage,
  ChatPosition,
  ChatProblem,
  KnownPerson,
  ParsedLine,
} from './chat-schema';
import { withoutMarks } from './html-text';

/** What capture needs besides the messages. */
export interface CaptureContext {
  /** People whose names can be recognised as action owners. */
  people?: readonly KnownPerson[];
  /** Sender ids (Teams or AAD) of the bot: its own messages are skipped. */
  botIds?: readonly string[];
  /** Display names of the bot (from configuration): "@<bot> minutes" is a command, not discussion. */
  botNames?: readonly string[];
  /** How many items the agenda has: pointers beyond it are reported as `item-unknown` and ignored. */
  itemCount?: number;
  /** The agenda item the chat starts at (default: none yet, which minutes read as item 1). */
  startItem?: number;
}

function safeId(value: string): string {
  return value.replace(/[^A-Za-z0-9._:@-]/g, '-').slice(0, 120) || 'message';
}

function timeOf(message: ChatMessage): number {
  const ms = Date.parse(message.timestamp);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** Orders messages by time, then timestamp text, then id: shuffled input gives the same chat. */
export function compareMessages(a: ChatMessage, b: ChatMessage): number {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return compareText(a.timestamp, b.timestamp) || compareText(a.id, b.id) || compareText(a.text, b.text);
}

/** Applies a pointer to a position; null when it leads outside the agenda. */
export function movePosition(position: ChatPosition, line: ParsedLine, itemCount?: number): ChatPosition | null {
  const pointer = line.pointer;
  if (!pointer) return position;
  const current = position.item ?? 1;
  const target: ChatPosition =
    pointer.move === 'next'
      ? { item: current + 1, sub: null }
      : pointer.move === 'previous'
        ? { item: Math.max(1, current - 1), sub: null }
        : { item: pointer.item, sub: pointer.sub };
  if (target.item === null || target.item < 1) return null;
  if (itemCount !== undefined && target.item > itemCount) return null;
  return target;
}

function unparsed(message: ChatMessage, problems: ChatProblem[]): ParsedLine {
  return {
    kind: 'note',
    language: null,
    text: '',
    raw: message.text,
    owner: null,
    due: null,
    dueText: null,
    pointer: null,
    sector: null,
    actionNumber: null,
    problems,
  };
}

/** Notes of a message said at one agenda position, merged into one. */
interface NoteRun {
  text: string[];
  raw: string[];
  problems: Set<ChatProblem>;
  /** Where the merged note goes among the message's parts. */
  at: number;
}

function mergedNote(message: ChatMessage, run: NoteRun): ParsedLine {
  let text = run.text.join('\n');
  if (text.length > TEXT_LIMITS.note) {
    text = `${text.slice(0, TEXT_LIMITS.note - 1)}…`;
    run.problems.add('text-truncated');
  }
  if (text === '') run.problems.add('text-empty');
  return { ...unparsed(message, [...run.problems]), text, raw: run.raw.join('\n') };
}

/**
 * A message's parts in order, its notes merged into one per agenda position (a pointer inside the message
 * starts a new note), so every part can be stamped with the item current when it was said.
 */
function parseMessage(message: ChatMessage, context: CaptureContext): ParsedLine[] {
  const text = typeof message.text === 'string' ? message.text : '';
  const lineContext: ParseContext = {
    now: message.timestamp,
    people: context.people,
    mentions: message.mentions,
    botNames: context.botNames,
  };
  const html = message.contentType === undefined ? undefined : message.contentType === 'html';
  const parsed: ParsedLine[] = [];
  const runs: NoteRun[] = [];
  let run: NoteRun | null = null;
  for (const part of parseChatMessage(text, lineContext, html)) {
    if (part.kind === 'note') {
      if (!run) {
        run = { text: [], raw: [], problems: new Set(), at: parsed.length + runs.length };
        runs.push(run);
      }
      if (part.text !== '') run.text.push(part.text);
      if (run.raw[run.raw.length - 1] !== part.raw) run.raw.push(part.raw);
      part.problems.forEach((problem) => run?.problems.add(problem));
      continue;
    }
    if (part.kind === 'pointer') run = null;
    parsed.push(part);
  }
  for (const each of runs) parsed.splice(each.at, 0, mergedNote(message, each));
  if (parsed.length === 0) parsed.push(unparsed(message, ['text-empty']));
  return parsed;
}

/**
 * Captures a meeting chat: every line becomes a decision, action, escalation, `Done:` line, pointer, bot command
 * or (one per message and agenda position) a note; a pointer inside a message moves the position for what follows, stamped with its author, time and the agenda position it was said at. Messages are taken
 * in time order (duplicates by id once); the bot's own messages are skipped. Never throws; every record keeps
 * its raw text.
 */
export function captureChat(messages: readonly ChatMessage[], context: CaptureContext = {}): CapturedChat {
  const botIds = new Set(context.botIds ?? []);
  const seen = new Set<string>();
  const ordered = [...messages].sort(compareMessages);
  const records: CapturedRecord[] = [];
  let position: ChatPosition = { item: context.startItem ?? null, sub: null };
  const bases = new Set<string>();
  let skipped = 0;
  let count = 0;
  for (const message of ordered) {
    if (seen.has(message.id)) continue;
    seen.add(message.id);
    count++;
    if (botIds.has(message.from.id) || (message.from.aadObjectId && botIds.has(message.from.aadObjectId))) {
      skipped++;
      continue;
    }
    let base = `m-${safeId(message.id)}`;
    if (bases.has(base)) base = `${base}-${count}`;
    bases.add(base);
    let lines: ParsedLine[];
    try {
      lines = parseMessage(message, context);
    } catch {
      lines = [unparsed(message, ['unparsed'])];
    }
    lines.forEach((line, index) => {
      let problems = line.problems;
      if (line.kind === 'pointer') {
        const moved = movePosition(position, line, context.itemCount);
        if (moved) position = moved;
        else problems = [...problems, 'item-unknown'];
      }
      records.push({
        kind: line.kind,
        language: line.language,
        text: line.kind === 'note' ? line.text : withoutMarks(line.text),
        raw: line.raw,
        owner: line.owner,
        due: line.due,
        dueText: line.dueText,
        pointer: line.pointer,
        sector: line.sector,
        actionNumber: line.actionNumber,
        problems,
        id: `${base}.${index}`,
        messageId: message.id,
        line: index,
        at: message.timestamp,
        from: message.from,
        item: position.item,
        sub: position.sub,
      });
    });
  }
  return { records, position, messages: count, skipped };
}
