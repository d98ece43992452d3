import type { AuditPage, Caller, TopicHistory } from '../../domain';
import type { Store } from '../../store';
import { listAudit } from './audit-log';
import { topicHistory } from './topic-history';

/** The history of the records, for the HTTP routes: a topic's life in time order, and the audit log. */
export class HistoryService {
  constructor(private readonly store: Store) {}

  /** A topic's history; see {@link topicHistory}. */
  topic(caller: Caller, topicId: string): Promise<TopicHistory> {
    return topicHistory(this.store, caller, topicId);
  }

  /** A page of the audit log (secretariat); see {@link listAudit}. */
  audit(caller: Caller, filter: unknown): Promise<AuditPage> {
    return listAudit(this.store, caller, filter);
  }
}
