/** What the three records lists share: the filters of the view and the register lists they name things from. */
import type { MeetingView, PersonView, SectorId, TopicView } from '../api';

/** The filters every records list takes (topic, sector, meeting, text). */
export interface SharedFilters {
  topicId?: string;
  sector?: SectorId;
  meetingId?: string;
  q?: string;
  /** A resolution the record's topic follows, e.g. "PP 191". */
  resolution?: string;
}

/** The register lists a records list names people, topics and meetings from. */
export interface RecordLists {
  topics: readonly TopicView[];
  people: readonly PersonView[];
  meetings: readonly MeetingView[];
}
