/** The line under a name on a person's contact card. */
import type { PersonView } from '../api';
import { isolate } from '../common/format';
import type { Messages } from '../i18n/en';

/**
 * "Programme Officer, BDT · <sector>": the job title as the person's record has it (free text, never translated),
 * kept in its own order inside right-to-left text, then the sector named in the reader's language.
 */
export function personSummary(
  person: Pick<PersonView, 'jobTitle' | 'sector'>,
  t: Pick<Messages, 'sectors'>,
  dir: 'ltr' | 'rtl',
): string {
  return [isolate(person.jobTitle.trim() || null, dir), t.sectors.names[person.sector]].filter(Boolean).join(' · ');
}
