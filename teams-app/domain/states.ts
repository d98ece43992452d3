/**
 * The fixed lists of states, without zod, so the tab can share them without loading the schema library
 * (the schemas build their enums from these lists).
 */

/** The states a meeting moves through, from scheduling to approved minutes. */
export const MEETING_STATES = [
  'scheduled',
  'open',
  'closed',
  'agenda-draft',
  'agenda-published',
  'held',
  'minutes-draft',
  'minutes-approved',
  'cancelled',
] as const;

/** Where one topic × sector stands in a collection, in the order the tracker shows them. */
export const TRACKER_STATUSES = [
  'answered',
  'no-change',
  'pending',
  'not-asked',
  'late',
  'undeliverable',
  'vacant',
] as const;
