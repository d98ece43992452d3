/** The shapes the server's HTTP API returns, built from the domain types the tab may import. */
import type { CollectionWindow, Meeting, Person, SectorId, Topic } from '../../../teams-app/domain';

export type { Meeting, Person, SectorId, Topic };

/** A person as the register shows them next to a topic. */
export interface PersonRef {
  id: string;
  name: string;
}

/** Who answers for a topic in one sector; `vacant` when there is no focal point. */
export interface TopicSector {
  sector: SectorId;
  focalPoint: PersonRef | null;
  alternate: PersonRef | null;
  iscgCoordinator: boolean;
  vacant: boolean;
}

/** A topic of the register with its version tag and its focal points per sector. */
export type TopicView = Topic & { etag: string; assignments: TopicSector[] };

/** A meeting with its version tag and the instants of its collection window. */
export type MeetingView = Meeting & { etag: string; collection: CollectionWindow };

/** Who the server thinks is signed in, and in which mode it runs. */
export interface Me {
  person: Person | null;
  mode: 'local' | 'production';
  roles: string[];
}

/** A list answer of the API. */
export interface ItemList<T> {
  items: T[];
}

/** The filters of the topic register, sent as query parameters. */
export interface TopicQuery {
  sector?: SectorId;
  kind?: Topic['kind'];
  status?: Topic['status'];
  q?: string;
  mine?: boolean;
}
