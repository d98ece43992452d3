/** The register's topics for the secretariat: add and edit topics, and set who answers for them in each sector. */
import { Badge, Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons/svg/add';
import { Edit20Regular } from '@fluentui/react-icons/svg/edit';
import { PeopleEdit20Regular } from '@fluentui/react-icons/svg/people-edit';
import type { PersonView, TopicView } from '../../api';
import type { Resource } from '../../common/useResource';
import { SectorBadge } from '../../common/SectorBadge';
import { FocalPointList } from '../../topics/FocalPointList';
import { useI18n } from '../../i18n';
import { useAdminText } from '../../i18n/admin/admin-text';
import { useAdminStyles } from '../admin.styles';
import { LoadState } from '../LoadState';
import { RecordTable } from '../RecordTable';
import { useEditing } from '../useEditing';
import { AssignmentDialog } from './AssignmentDialog';
import { TopicDialog } from './TopicDialog';

type Editing = { kind: 'topic'; topic: TopicView | null } | { kind: 'assign'; topic: TopicView };

/** The topics table with its dialogs; `topics` and `people` are the administration's shared lists. */
export function TopicAdmin({ topics, people }: { topics: Resource<TopicView[]>; people: Resource<PersonView[]> }) {
  const { t, locale } = useI18n();
  const a = useAdminText();
  const styles = useAdminStyles();
  const { editing, notice, open, close, done } = useEditing<Editing>();
  const ta = a.topicAdmin;
  const titleOf = (topic: TopicView) => topic.title[locale] ?? topic.title.en;

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
      <LoadState resource={topics} />
      {topics.data && (
        <RecordTable
          label={ta.tableLabel}
          rows={topics.data}
          rowKey={(topic) => topic.id}
          columns={[
            { header: ta.columns.topic, cell: titleOf },
            {
              header: ta.columns.status,
              cell: (topic) => (
                <Badge appearance="tint" color={topic.status === 'active' ? 'success' : 'subtle'}>
                  {t.topics.statuses[topic.status]}
                </Badge>
              ),
            },
            {
              header: ta.columns.lead,
              cell: (topic) => (topic.leadSector ? <SectorBadge sector={topic.leadSector} lead /> : '—'),
            },
            {
              header: ta.columns.focalPoints,
              cell: (topic) => <FocalPointList assignments={topic.assignments} compact />,
            },
            {
              header: ta.columns.manage,
              cell: (topic) => (
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
              ),
            },
          ]}
        />
      )}
      {editing?.kind === 'topic' && (
        <TopicDialog
          key={editing.topic?.id ?? 'new'}
          topic={editing.topic}
          topics={topics.data ?? []}
          onClose={close}
          onSaved={(saved, created) => {
            done(created ? ta.added(titleOf(saved)) : ta.saved(titleOf(saved)));
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
            const moved = change.handovers.length;
            done(`${ta.assignment.saved(sector)}${moved > 0 ? ` ${ta.assignment.handovers(moved)}` : ''}`);
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
