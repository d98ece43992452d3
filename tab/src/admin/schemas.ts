/**
 * The domain's request schemas the forms check before sending, so the tab and the server validate the same way.
 * zod is set up for the tab's Content-Security-Policy first (no eval), before any schema is built.
 */
import '../api/zod-jitless';

export { AssignmentPut, PersonCreate, PersonPatch, TopicCreate, TopicPatch } from '../../../teams-app/domain/api/admin';
export { ActionChange, EscalationChange } from '../../../teams-app/domain/api/follow-up';
export { RescheduleMeetingRequest, ScheduleMeetingRequest } from '../../../teams-app/domain/meeting-schedule';
export { TimeZone } from '../../../teams-app/domain/reference';
export { localDateTimeOf } from '../../../teams-app/domain/meeting-schedule';
export { BEFORE_HELD } from '../../../teams-app/domain/meeting-state';
