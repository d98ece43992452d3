/**
 * The shapes of the register API's answers: the domain's response schemas (teams-app/domain/api), the ones the
 * server builds its answers to, as types.
 */
import type { SectorId, Topic } from '../../../teams-app/domain';

export type {
  Me,
  Meeting,
  MeetingView,
  Person,
  PersonRef,
  PersonView,
  SectorId,
  Topic,
  TopicSector,
  TopicView,
} from '../../../teams-app/domain';

/** The filters of the topic register, sent as query parameters. */
export interface TopicQuery {
  sector?: SectorId;
  kind?: Topic['kind'];
  status?: Topic['status'];
  q?: string;
  mine?: boolean;
}
