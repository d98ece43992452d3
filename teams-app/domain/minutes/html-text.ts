/** Marks the start of an @mention inside extracted text (a private-use character never kept from input). */
export const MENTION_OPEN = '\uE000';
/** Marks the end of an @mention inside extracted text. */
export const MENTION_CLOSE = '\uE001';

/** The longest message text read; anything beyond is cut (and reported as `message-too-long`). */
export const MAX_MESSAGE_CHARS = 100_000;

/** One line of a message as plain text, with where it came from in the source. */
export interface TextLine {
  /** Plain text; @mentions are wrapped in MENTION_OPEN … MENTION_CLOSE. */
  text: string;
  rawStart: number;
  rawEnd: number;
  /** A script, style or other active element was dropped from this line. */
  markupRemoved: boolean;
}

/** A message turned into plain lines. */
export interface MessageText {
  lines: TextLine[];
  /** The (possibly cut) source the raw offsets refer to. */
  source: string;
  truncated: boolean;
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'hr',
  'section',
  'article',
  'header',
  'footer',
]);
const CELL_TAGS = new Set(['td', 'th']);
const DROPPED_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'noscript',
  'template',
  'svg',
  'math',
  'title',
]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  bull: '•',
  euro: '€',
  copy: '©',
  reg: '®',
  deg: '°',
};

/** Characters that are never kept: controls (tab and newline aside), our own mention marks, non-characters. */
// eslint-disable-next-line no-control-regex
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uE000\uE001\uFFFE\uFFFF]/g;

/** Removes control characters and the private mention marks from text taken from input. */
export function cleanText(value: string): string {
  return value.replace(UNWANTED, '');
}

function codePointText(code: number): string {
  const valid =
    Number.isInteger(code) &&
    code > 0 &&
    code <= 0x10ffff &&
    !(code >= 0xd800 && code <= 0xdfff) &&
    !(code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) &&
    code !== 0x7f &&
    code !== 0xe000 &&
    code !== 0xe001;
  return valid ? String.fromCodePoint(code) : '';
}

/** Decodes HTML character references (named ones in common use, decimal and hex). */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (match, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return codePointText(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return codePointText(parseInt(body.slice(1), 10));
    return NAMED_ENTITIES[body.toLowerCase()] ?? match;
  });
}

/** True when a message is HTML (as Teams and Graph send it) rather than plain text. */
export function looksLikeHtml(value: string): boolean {
  return (
    /<\/?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?\/?>/.test(value) ||
    /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/i.test(value)
  );
}

function tidy(text: string): string {
  return text.replace(/[\s\u200B]+/g, ' ').trim();
}

function visible(text: string): boolean {
  return text.replace(/[\uE000\uE001]/g, '').trim() !== '';
}

function plainLines(source: string): TextLine[] {
  const lines: TextLine[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (;;) {
    const match = pattern.exec(source);
    const end = match ? match.index : source.length;
    const text = tidy(cleanText(source.slice(start, end)));
    if (text !== '') lines.push({ text, rawStart: start, rawEnd: end, markupRemoved: false });
    if (!match) break;
    start = match.index + match[0].length;
  }
  return lines;
}

function tagName(tag: string): { name: string; closing: boolean; selfClosing: boolean } {
  const match = /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9:-]*)/.exec(tag);
  return {
    name: (match?.[2] ?? '').toLowerCase(),
    closing: match?.[1] === '/',
    selfClosing: tag.endsWith('/>'),
  };
}

function htmlLines(source: string): TextLine[] {
  const lines: TextLine[] = [];
  let text = '';
  let lineStart = 0;
  let lineMarkup = false;
  let mentionOpen = false;
  const spans: boolean[] = [];

  const flush = (rawEnd: number, nextStart: number) => {
    if (mentionOpen) text += MENTION_CLOSE;
    const tidied = tidy(text);
    if (visible(tidied) || lineMarkup) {
      lines.push({ text: visible(tidied) ? tidied : '', rawStart: lineStart, rawEnd, markupRemoved: lineMarkup });
    }
    text = mentionOpen ? MENTION_OPEN : '';
    lineStart = nextStart;
    lineMarkup = false;
  };

  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const segmentEnd = lt < 0 ? source.length : lt;
    if (segmentEnd > i) text += decodeEntities(cleanText(source.slice(i, segmentEnd)));
    if (lt < 0) break;
    const next = source.charAt(lt + 1);
    if (source.startsWith('<!--', lt)) {
      const close = source.indexOf('-->', lt + 4);
      i = close < 0 ? source.length : close + 3;
      continue;
    }
    if (!/[a-zA-Z/!?]/.test(next)) {
      text += '<';
      i = lt + 1;
      continue;
    }
    const gt = source.indexOf('>', lt + 1);
    if (gt < 0) {
      text += decodeEntities(cleanText(source.slice(lt)));
      break;
    }
    const tag = source.slice(lt, gt + 1);
    const { name, closing, selfClosing } = tagName(tag);
    i = gt + 1;
    if (DROPPED_ELEMENTS.has(name)) {
      lineMarkup = true;
      if (!closing && !selfClosing) {
        const end = new RegExp(`</\\s*${name}\\s*>`, 'gi');
        end.lastIndex = i;
        const found = end.exec(source);
        i = found ? found.index + found[0].length : source.length;
      }
      continue;
    }
    if (name === 'at') {
      if (!closing && !mentionOpen) {
        text += MENTION_OPEN;
        mentionOpen = true;
      } else if (closing && mentionOpen) {
        text += MENTION_CLOSE;
        mentionOpen = false;
      }
      continue;
    }
    if (name === 'span') {
      if (closing) {
        if (spans.pop() && mentionOpen) {
          text += MENTION_CLOSE;
          mentionOpen = false;
        }
      } else if (!selfClosing) {
        const mention = /itemtype\s*=\s*["'][^"']*mention/i.test(tag) && !mentionOpen;
        spans.push(mention);
        if (mention) {
          text += MENTION_OPEN;
          mentionOpen = true;
        }
      }
      continue;
    }
    if (name === 'img' || name === 'emoji') {
      const alt = /\salt\s*=\s*"([^"]{0,40})"/i.exec(tag)?.[1];
      if (alt) text += decodeEntities(cleanText(alt));
      continue;
    }
    if (CELL_TAGS.has(name)) {
      text += ' ';
      continue;
    }
    if (BLOCK_TAGS.has(name)) {
      if (closing || name === 'br' || name === 'hr' || selfClosing) flush(i, i);
      else flush(lt, lt);
    }
  }
  flush(source.length, source.length);
  return lines;
}

/**
 * Turns a chat message (Teams HTML or plain text) into plain lines, safely: tags are dropped (script, style and
 * similar elements with their content), entities decoded, control characters removed, @mentions marked.
 * Linear in the length of the message; never throws.
 */
export function messageLines(value: string, html = looksLikeHtml(value)): MessageText {
  const truncated = value.length > MAX_MESSAGE_CHARS;
  const source = truncated ? value.slice(0, MAX_MESSAGE_CHARS) : value;
  return { lines: html ? htmlLines(source) : plainLines(source), source, truncated };
}

/** Text without the mention marks. */
export function withoutMarks(text: string): string {
  return text.replace(/[\uE000\uE001]/g, '');
}
