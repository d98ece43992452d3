import type { Locale, Meeting, Person, SectorId, Topic } from '../../domain';
import type { CollectionDeps } from '../collection/collection-deps';

/** A slot's prompt handed from one person to another while collection is open. */
export interface HandoverNotice {
  meeting: Pick<Meeting, 'id' | 'title'>;
  topic: Pick<Topic, 'id' | 'title'>;
  sector: SectorId;
  from: Pick<Person, 'id' | 'name'>;
  to: Pick<Person, 'id' | 'name'>;
}

/** Why a slot's prompts were taken back: nobody answers for it any more, or its topic was retired. */
export type WithdrawalReason = 'vacated' | 'retired';

/** A slot's prompt taken back while collection is open. */
export interface WithdrawalNotice {
  meeting: Pick<Meeting, 'id' | 'title'>;
  topic: Pick<Topic, 'id' | 'title'>;
  sector: SectorId;
  reason: WithdrawalReason;
}

/** Renders the register administration's messages (the bot's text); injected so the services stay free of the bot. */
export interface AdminMessages {
  /** To the person who now answers for the slot: the prompt that follows is theirs. */
  handoverReceived(data: HandoverNotice, locale: Locale): Record<string, unknown>;
  /** To the person who no longer answers for the slot: nothing more is needed from them. */
  handoverGone(data: HandoverNotice, locale: Locale): Record<string, unknown>;
  /** To the person asked about a slot vacated or a topic retired: nothing more is needed from them. */
  promptWithdrawn(data: WithdrawalNotice, locale: Locale): Record<string, unknown>;
}

/** What the register administration works with: the collection's deps (to move prompts) and its own messages. */
export interface AdminDeps extends CollectionDeps {
  adminMessages: AdminMessages;
}

/** Today's date (UTC) of an instant, as vacancies and due dates are kept. */
export function dayOf(instant: string): string {
  return instant.slice(0, 10);
}
