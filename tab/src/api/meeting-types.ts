/**
 * The shapes of the meeting workspace API (collection tracker, agenda and minutes versions, edits): the domain's
 * response and request schemas (teams-app/domain/api, agenda and minutes edits), as types.
 */
import type { z } from 'zod';
import type { AgendaEditRequest, MinutesEditRequest } from '../../../teams-app/domain';

export type {
  Agenda,
  AgendaItem,
  AgendaVersionView as AgendaVersion,
  Attendee,
  CollectionIncomplete,
  CollectionOpened,
  CurrentItem,
  CurrentItemState,
  DeliveryReportView as DeliveryReport,
  Minutes,
  MinutesAction,
  MinutesEscalation,
  MinutesFollowUp,
  MinutesItem,
  MinutesVersionView as MinutesVersion,
  ReviewNote,
  StatusUpdate,
  TrackerRowView,
  TrackerStatus,
  TrackerView as Tracker,
  UndeliverablePerson,
  UpdateView,
} from '../../../teams-app/domain';

/** A change to the draft agenda, as the PATCH body's `edit`; `from`, `to` and `at` are 1-based positions as printed. */
export type AgendaEdit = z.input<typeof AgendaEditRequest>;

/** A change to the draft minutes, as the PATCH body's `edit`. */
export type MinutesEdit = z.input<typeof MinutesEditRequest>;
