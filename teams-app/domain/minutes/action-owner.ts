import { normaliseName } from '../agenda/sort-keys';
import type { ActionOwner, ChatMention, KnownPerson } from './chat-schema';
import { sectorOf } from './command-words';
import { MENTION_CLOSE, MENTION_OPEN } from './html-text';

/** Who the parser can recognise: people by name and the mentions Teams attached to the message. */
export interface OwnerContext {
  people?: readonly KnownPerson[];
  mentions?: readonly ChatMention[];
}

interface Alias {
  tokens: string[];
  person: KnownPerson;
}

const WORD = /[\p{L}\p{N}'’.-]+/gu;

function tokens(value: string): string[] {
  return normaliseName(value).split(' ').filter(Boolean);
}

const aliasCache = new WeakMap<readonly KnownPerson[], Alias[]>();

/** Full names, and first or last names on their own where only one person has them; longest first. */
function aliasesOf(people: readonly KnownPerson[]): Alias[] {
  const cached = aliasCache.get(people);
  if (cached) return cached;
  const aliases: Alias[] = [];
  const single = new Map<string, KnownPerson[]>();
  for (const person of people) {
    const words = tokens(person.name);
    if (words.length === 0) continue;
    aliases.push({ tokens: words, person });
    if (words.length > 1) {
      for (const word of new Set([words[0] ?? '', words[words.length - 1] ?? ''])) {
        single.set(word, [...(single.get(word) ?? []), person]);
      }
    }
  }
  for (const [word, owners] of single) {
    const [only] = owners;
    if (owners.length === 1 && only && word.length > 1) aliases.push({ tokens: [word], person: only });
  }
  aliases.sort(
    (a, b) =>
      b.tokens.length - a.tokens.length ||
      b.tokens.join(' ').length - a.tokens.join(' ').length ||
      (a.person.id < b.person.id ? -1 : 1),
  );
  aliasCache.set(people, aliases);
  return aliases;
}

/** The known person whose name starts at `at` in `text`, and where the name ends. */
function knownAt(
  text: string,
  at: number,
  people: readonly KnownPerson[],
): { person: KnownPerson; end: number } | null {
  const aliases = aliasesOf(people);
  if (aliases.length === 0) return null;
  const words: { token: string; end: number }[] = [];
  WORD.lastIndex = at;
  const window = Math.max(...aliases.map((alias) => alias.tokens.length));
  for (let match = WORD.exec(text); match && words.length < window; match = WORD.exec(text)) {
    if (words.length === 0 && text.slice(at, match.index).trim() !== '') break;
    const token = normaliseName(match[0]);
    if (token === '') continue;
    words.push({ token, end: match.index + match[0].length });
  }
  for (const alias of aliases) {
    if (alias.tokens.every((token, i) => words[i]?.token === token)) {
      return { person: alias.person, end: words[alias.tokens.length - 1]?.end ?? at };
    }
  }
  return null;
}

/** Resolves a written or mentioned name to a person, an AAD id and a sector where possible. */
export function ownerFrom(name: string, mentioned: boolean, context: OwnerContext): ActionOwner {
  const key = normaliseName(name);
  const mention = context.mentions?.find((m) => normaliseName(m.name) === key);
  const byAad = mention?.aadObjectId ? context.people?.find((p) => p.aadObjectId === mention.aadObjectId) : undefined;
  const byName = context.people?.find((p) => normaliseName(p.name) === key);
  const person = byAad ?? byName ?? (context.people ? knownAt(name, 0, context.people)?.person : undefined);
  return {
    name: name.trim().slice(0, 200),
    personId: person?.id ?? null,
    aadObjectId: mention?.aadObjectId ?? person?.aadObjectId ?? null,
    sector: sectorOf(name),
    mentioned,
  };
}

/** Text with its @mention marks taken out, and where each mention was. */
export function splitMentions(body: string): {
  plain: string;
  mentions: { name: string; start: number; end: number }[];
} {
  let plain = '';
  const mentions: { name: string; start: number; end: number }[] = [];
  let start = -1;
  for (const part of body.split(/([\uE000\uE001])/)) {
    if (part === MENTION_OPEN) start = plain.length;
    else if (part === MENTION_CLOSE) {
      if (start >= 0) mentions.push({ name: plain.slice(start).trim(), start, end: plain.length });
      start = -1;
    } else plain += part;
  }
  return { plain, mentions };
}

function tidyRest(text: string): string {
  return text
    .replace(/^[\s:：,;\-–—]+/u, '')
    .replace(/^to\s+/i, '')
    .trim();
}

const OWNER_CUE = /(?<![\p{L}])(?:owner|responsible|responsable|ответственн(?:ый|ая|ые)|负责人|المسؤول)\s*[:：]\s*/iu;
const NAME_BEFORE_SEPARATOR = /^([^:：\-–—,;()\d]{1,60}?)\s*(?:[:：]|\s[-–—]|[-–—]\s)\s*(?=\S)/u;
const NAME_TO = /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\s+to\s+/u;
const SECTOR_AT_START = /^(BR|TSB|BDT|GS|ITU-[RTD])(?![\p{L}\p{N}-])/u;

function looksLikeName(candidate: string): boolean {
  const words = candidate.trim().split(/\s+/);
  return words.length >= 1 && words.length <= 4 && words.every((word) => /^[\p{Lu}\p{Lo}]/u.test(word));
}

/**
 * Finds the owner of an action in the text after "Action:": an @mention (Teams `<at>`), "owner: Name", a typed
 * "@Name", a known person's name at the start, a sector (BDT, TSB …), or a name followed by a colon or dash or
 * "to". Returns the owner (or null) and the action text without the owner.
 */
export function findOwner(body: string, context: OwnerContext): { owner: ActionOwner | null; text: string } {
  const { plain, mentions } = splitMentions(body);
  const people = context.people ?? [];
  const lead = plain.length - plain.trimStart().length;

  const mention = mentions.find((m) => m.name !== '');
  if (mention) {
    const atStart = plain.slice(0, mention.start).trim().replace(/^@/, '') === '';
    return {
      owner: ownerFrom(mention.name, true, context),
      text: atStart ? tidyRest(plain.slice(mention.end)) : plain.trim(),
    };
  }

  const cue = OWNER_CUE.exec(plain);
  if (cue) {
    const at = cue.index + cue[0].length;
    const known = knownAt(plain, at, people);
    const end = known?.end ?? at + (/^[^,;.()\n]{1,60}/u.exec(plain.slice(at))?.[0].trimEnd().length ?? 0);
    const name = known?.person.name ?? plain.slice(at, end).trim();
    if (name !== '') {
      const text = `${plain.slice(0, cue.index)} ${plain.slice(end)}`.replace(/[(\s,;]+\)?\s*$/u, '');
      return { owner: ownerFrom(name, false, context), text: tidyRest(text.replace(/\(\s*\)/g, '')) };
    }
  }

  const typedAt = plain.charAt(lead) === '@';
  const start = typedAt ? lead + 1 : lead;
  const known = knownAt(plain, start, people);
  if (known) return { owner: ownerFrom(known.person.name, false, context), text: tidyRest(plain.slice(known.end)) };

  const rest = plain.slice(start);
  const sector = SECTOR_AT_START.exec(rest);
  if (sector?.[1]) return { owner: ownerFrom(sector[1], false, context), text: tidyRest(rest.slice(sector[1].length)) };

  if (typedAt) {
    const typed = /^(\S+(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})/u.exec(rest)?.[1];
    if (typed) return { owner: ownerFrom(typed, false, context), text: tidyRest(rest.slice(typed.length)) };
  }

  const named = NAME_BEFORE_SEPARATOR.exec(rest);
  if (named?.[1] && looksLikeName(named[1])) {
    return { owner: ownerFrom(named[1].trim(), false, context), text: tidyRest(rest.slice(named[0].length)) };
  }
  const nameTo = NAME_TO.exec(rest);
  if (nameTo?.[1]) return { owner: ownerFrom(nameTo[1], false, context), text: tidyRest(rest.slice(nameTo[1].length)) };

  return { owner: null, text: plain.trim() };
}
