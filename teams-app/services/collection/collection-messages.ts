import type { Action, Locale, Meeting, Person, StatusUpdate, Topic } from '../../domain';
import type { CollectionWindow } from '../../domain';

/** What a status prompt card shows. */
export interface PromptData {
  meeting: Pick<Meeting, 'id' | 'title' | 'body' | 'number' | 'timeZone' | 'start'>;
  window: CollectionWindow;
  topic: Pick<Topic, 'id' | 'title'>;
  sector: StatusUpdate['sector'];
  person: Person;
  /** This meeting's update when there is one (edit), else the last one from an earlier meeting (prefill). */
  current: StatusUpdate | null;
  previous: StatusUpdate | null;
  openActions: Action[];
  reason: 'focal-point' | 'alternate-out-of-office' | 'alternate' | 'delegated';
  late: boolean;
}

/** A reminder: the topics a person still has to answer for a meeting. */
export interface ReminderData {
  meeting: Pick<Meeting, 'id' | 'title' | 'body' | 'number' | 'timeZone'>;
  window: CollectionWindow;
  person: Pick<Person, 'id' | 'name' | 'timeZone'>;
  topics: { topic: Pick<Topic, 'id' | 'title'>; sector: StatusUpdate['sector'] }[];
}

/** A notice to the secretariat that a focal point delegated a prompt. */
export interface DelegationNotice {
  meeting: Pick<Meeting, 'id' | 'title' | 'body' | 'number'>;
  topic: Pick<Topic, 'id' | 'title'>;
  sector: StatusUpdate['sector'];
  from: Pick<Person, 'id' | 'name'>;
  to: Pick<Person, 'id' | 'name'>;
}

/** Renders collection messages as plain activities (the bot's cards); injected so services stay free of the bot. */
export interface CollectionMessages {
  prompt(data: PromptData, locale: Locale): Record<string, unknown>;
  reminder(data: ReminderData, locale: Locale): Record<string, unknown>;
  delegationNotice(data: DelegationNotice, locale: Locale): Record<string, unknown>;
}
