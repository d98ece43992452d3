/** The register's topics for the secretariat: add and edit topics, and set who answers for them in each sector. */
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons/svg/add';
import { Edit20Regular } from '@fluentui/react-icons/svg/edit';
import { PeopleEdit20Regular } from '@fluentui/react-icons/svg/people-edit';
import { useState } from 'react';
import type { PersonView, TopicView } from '../../api';
import { ErrorBar } from '../../common/ErrorBar';
import type { Resource } from '../../common/useResource';
import { useFocusReturn } from '../../common/useFocusReturn';
import { SectorBadge } from '../../common/SectorBadge';
import { FocalPointList } from '../../topics/FocalPointList';
import { useI18n } from '../../i18n';
import { useAdminText } from '../../i18n/admin/admin-text';
import { useAdminStyles } from '../admin.styles';
import { AssignmentDialog } from './AssignmentDialog';
import { TopicDialog } from './TopicDialog';

type Editing = { kind: 'topic'; topic: TopicView | null } | { kind: 'assign'; topic: TopicView } | null;

/** The topics table with its dialogs; `topics` and `people` are the administration's shared lists. */
export function TopicAdmin({ topics, people }: { topics: Resource<TopicView[]>; people: Resource<PersonView[]> }) {
  const { t, locale } = useI18n();
  const a = useAdminText();
  const styles = useAdminStyles();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const focus = useFocusReturn();
  const ta = a.topicAdmin;
  const titleOf = (topic: TopicView) => topic.title[locale] ?? topic.title.en;

  const open = (next: Editing) => {
    focus.remember();
    setNotice(null);
    setEditing(next);
  };
  const close = () => {
    setEditing(null);
    focus.restore();
  };

  return (
    <div className={styles.panel}>
      <div className={styles.toolbar}>
        <Button appearance="primary" icon={<Add20Regular />} onClick={() => open({ kind: 'topic', topic: null })}>
          {ta.add}
        </Button>
      </div>
      <div role="status" className={styles.status}>
        {notice}
      </div>
      {topics.error !== null && <ErrorBar title={a.common.loadError} error={topics.error} onRetry={topics.reload} />}
      {!topics.data && topics.loading && <Spinner label={a.common.loading} />}
      {topics.data && (
        <div className={styles.scroller}>
          <Table aria-label={ta.tableLabel} className={styles.table} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{ta.columns.topic}</TableHeaderCell>
                <TableHeaderCell>{ta.columns.status}</TableHeaderCell>
                <TableHeaderCell>{ta.columns.lead}</TableHeaderCell>
                <TableHeaderCell>{ta.columns.focalPoints}</TableHeaderCell>
                <TableHeaderCell>{ta.columns.manage}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {topics.data.map((topic) => (
                <TableRow key={topic.id}>
                  <TableCell className={styles.cell}>{titleOf(topic)}</TableCell>
                  <TableCell className={styles.cell}>
                    <Badge appearance="tint" color={topic.status === 'active' ? 'success' : 'subtle'}>
                      {t.topics.statuses[topic.status]}
                    </Badge>
                  </TableCell>
                  <TableCell className={styles.cell}>
                    {topic.leadSector ? <SectorBadge sector={topic.leadSector} lead /> : '—'}
                  </TableCell>
                  <TableCell className={styles.cell}>
                    <FocalPointList assignments={topic.assignments} compact />
                  </TableCell>
                  <TableCell className={styles.cell}>
                    <div className={styles.actions}>
                      <Button
                        size="small"
                        icon={<Edit20Regular />}
                        aria-label={ta.editLabel(titleOf(topic))}
                        onClick={() => open({ kind: 'topic', topic })}
                      >
                        {a.common.edit}
                      </Button>
                      <Button
                        size="small"
                        icon={<PeopleEdit20Regular />}
                        aria-label={ta.assignLabel(titleOf(topic))}
                        onClick={() => open({ kind: 'assign', topic })}
                      >
                        {ta.assign}
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {editing?.kind === 'topic' && (
        <TopicDialog
          key={editing.topic?.id ?? 'new'}
          topic={editing.topic}
          topics={topics.data ?? []}
          onClose={close}
          onSaved={(saved, created) => {
            close();
            setNotice(created ? ta.added(titleOf(saved)) : ta.saved(titleOf(saved)));
            topics.reload();
          }}
        />
      )}
      {editing?.kind === 'assign' && (
        <AssignmentDialog
          key={editing.topic.id}
          topic={editing.topic}
          people={people.data ?? []}
          onClose={close}
          onSaved={(change, sector) => {
            close();
            const moved = change.handovers.length;
            setNotice(`${ta.assignment.saved(sector)}${moved > 0 ? ` ${ta.assignment.handovers(moved)}` : ''}`);
            topics.reload();
          }}
        />
      )}
      {people.error !== null && (
        <MessageBar intent="warning">
          <MessageBarBody>{a.common.loadError}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
