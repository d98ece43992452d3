/**
 * Out-of-office from Microsoft 365 mailboxes: each person's automatic replies (`mailboxSettings/
 * automaticRepliesSetting`), read for many people at once in `$batch` requests of 20.
 */
import { z } from 'zod';
import type { MailboxOwner, OutOfOfficePort } from '../services/collection/out-of-office';
import { instantOfGraph } from './calendar';
import type { GraphApi, GraphRequest } from './types';

/** The automatic replies of a mailbox, as Graph gives them. */
export const AutomaticRepliesSetting = z.object({
  status: z.enum(['disabled', 'alwaysEnabled', 'scheduled']),
  scheduledStartDateTime: z.object({ dateTime: z.string(), timeZone: z.string().optional() }).nullable().optional(),
  scheduledEndDateTime: z.object({ dateTime: z.string(), timeZone: z.string().optional() }).nullable().optional(),
});
export type AutomaticRepliesSetting = z.infer<typeof AutomaticRepliesSetting>;

/** True when automatic replies are on for the whole period: always, or scheduled from before it to after it. */
export function awayFor(setting: AutomaticRepliesSetting, from: string, to: string): boolean {
  if (setting.status === 'alwaysEnabled') return true;
  if (setting.status !== 'scheduled' || !setting.scheduledStartDateTime || !setting.scheduledEndDateTime) return false;
  const start = instantOfGraph(setting.scheduledStartDateTime);
  const end = instantOfGraph(setting.scheduledEndDateTime);
  return Date.parse(start) <= Date.parse(from) && Date.parse(end) >= Date.parse(to);
}

/** Where an unreadable mailbox is reported (the register's hand-kept ranges then decide). */
export interface MailboxLog {
  warn(detail: Record<string, unknown>, message: string): void;
}

/**
 * The mailboxes' out-of-office as the collection's {@link OutOfOfficePort}: one GET per person by Entra object id,
 * sent in `$batch` chunks of 20 (500 people: 25 round trips). A mailbox that cannot be read (no licence, no access
 * policy, throttled past the retries) is null for that person and logged by id only; a failure of the whole read
 * makes every answer null.
 */
export function graphOutOfOffice(graph: GraphApi, log?: MailboxLog): OutOfOfficePort {
  return {
    async awayDuring(people: readonly MailboxOwner[], from: string, to: string) {
      const answers = new Map<string, boolean | null>();
      const requests: GraphRequest[] = people.map((person, index) => ({
        id: String(index + 1),
        method: 'GET',
        url: `/users/${encodeURIComponent(person.aadObjectId)}/mailboxSettings/automaticRepliesSetting`,
        headers: { Prefer: 'outlook.timezone="UTC"' },
      }));
      let responses;
      try {
        responses = await graph.batch(requests);
      } catch (error) {
        log?.warn(
          { err: error, people: people.length },
          'mailbox settings could not be read; hand-kept out-of-office used',
        );
        for (const person of people) answers.set(person.id, null);
        return answers;
      }
      people.forEach((person, index) => {
        const response = responses[index];
        const setting = response && response.status < 300 ? AutomaticRepliesSetting.safeParse(response.body) : null;
        if (!setting?.success) {
          log?.warn(
            { personId: person.id, status: response?.status ?? null },
            'mailbox settings could not be read; hand-kept out-of-office used',
          );
          answers.set(person.id, null);
          return;
        }
        answers.set(person.id, awayFor(setting.data, from, to));
      });
      return answers;
    },
  };
}
