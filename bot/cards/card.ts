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

/** Wraps card body and actions into an attachment, right-to-left for Arabic. */
export function adaptiveCard(
  body: CardElement[],
  actions: CardElement[] = [],
  options: { rtl?: boolean; lang?: string } = {},
): Attachment {
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

/** A TextBlock element. */
export function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}
