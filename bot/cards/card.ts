import {
  isolateLtrRuns,
  meetingTitle,
  tabLink,
  type Locale,
  type TabLinks,
  type TabTarget,
  type TitledMeeting,
} from '../../teams-app/domain';
import type { Attachment } from '../activity';

/** The Adaptive Card schema version the bot targets (Teams and the Agents Playground render 1.5). */
export const CARD_VERSION = '1.5';

/** An Adaptive Card element: plain JSON. */
export type CardElement = Record<string, unknown>;

/**
 * Makes text safe to show in a card TextBlock: Adaptive Cards render a subset of Markdown, so markup
 * characters from people's input are escaped and HTML is shown as text, never interpreted.
 */
export function plain(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/([*_`[\]()#~|])/g, '\\$1')
    .replace(/^(\s*)([-+]|\d+\.)\s/gm, '$1\\$2 ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The keys of card elements whose strings are read, not submitted (an input's `value` goes back to the bot). */
const SHOWN_TEXT = new Set(['text', 'title', 'label', 'placeholder', 'altText']);

/** A card element with every shown string's left-to-right runs isolated (for a right-to-left card). */
function isolated(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return SHOWN_TEXT.has(key) ? isolateLtrRuns(value) : value;
  if (Array.isArray(value)) return value.map((entry) => isolated(entry, key === 'facts' ? 'fact' : ''));
  if (typeof value !== 'object' || value === null) return value;
  // A fact's value is shown text too; elsewhere `value` is what an input submits, and `data` goes back unchanged.
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === 'data' ? v : key === 'fact' && k === 'value' ? isolated(v, 'text') : isolated(v, k),
    ]),
  );
}

/**
 * Wraps card body and actions into an attachment, right-to-left for Arabic, where the left-to-right runs of shown
 * text (a file name, an English topic note) are isolated so they read in their own order.
 */
export function adaptiveCard(
  body: CardElement[],
  actions: CardElement[] = [],
  options: { rtl?: boolean; lang?: string } = {},
): Attachment {
  if (options.rtl) {
    body = body.map((element) => isolated(element) as CardElement);
    actions = actions.map((element) => isolated(element) as CardElement);
  }
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: CARD_VERSION,
      ...(options.lang ? { lang: options.lang } : {}),
      ...(options.rtl ? { rtl: true } : {}),
      msteams: { width: 'Full' },
      body,
      ...(actions.length ? { actions } : {}),
    },
  };
}

/**
 * A button that opens the tab at a view: inside Teams through the app's deep link (the tab opens in Teams on that
 * view), else at the tab's own address.
 */
export function openTabAction(title: string, tab: TabLinks, target: TabTarget): CardElement {
  return { type: 'Action.OpenUrl', title, url: tabLink(tab, target, title) };
}

/** A TextBlock element. */
export function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

/**
 * A meeting's title for a card in the reader's language: the standard title rendered from body and number, or the
 * custom title as typed; escaped like `plain`.
 */
export function meetingTitleText(
  meeting: Pick<TitledMeeting, 'title'> & Partial<TitledMeeting>,
  locale: Locale,
): string {
  const { body, number, title } = meeting;
  return plain(body && number ? meetingTitle({ body, number, title }, locale) : title);
}
