/** How a meeting is named and coloured on screen. */
import type { BadgeProps } from '@fluentui/react-components';
import { meetingIsPast } from '../../../teams-app/domain/meeting-timing';
import type { MeetingView } from '../api';
import type { WorkspaceView } from '../app/route';

/** "ISC-TF 32", "ISCG 9": the body and the meeting's number, as the secretariat refers to it. */
export function meetingName(meeting: Pick<MeetingView, 'body' | 'number'>): string {
  return `${meeting.body} ${meeting.number}`;
}

/** The badge colour of each meeting state. */
export const STATE_COLOURS: Record<MeetingView['state'], NonNullable<BadgeProps['color']>> = {
  scheduled: 'informative',
  open: 'brand',
  closed: 'warning',
  'agenda-draft': 'warning',
  'agenda-published': 'success',
  held: 'subtle',
  'minutes-draft': 'warning',
  'minutes-approved': 'success',
  cancelled: 'danger',
};

/** The next meeting that still lies ahead, or null. */
export function nextMeeting(meetings: MeetingView[], nowMs = Date.now()): MeetingView | null {
  return (
    meetings.find((m) => !meetingIsPast(m, nowMs) && m.state !== 'minutes-approved' && m.state !== 'cancelled') ?? null
  );
}

/** The workspace view a meeting opens on: collection until the agenda exists, then agenda, then minutes. */
export function workspaceViewFor(state: MeetingView['state']): WorkspaceView {
  if (state === 'scheduled' || state === 'open' || state === 'closed') return 'tracker';
  if (state === 'agenda-draft' || state === 'agenda-published') return 'agenda';
  return 'minutes';
}
