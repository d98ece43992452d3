/** The people of the register for the secretariat: add, edit and retire them. */
import { Badge, Button, Switch } from '@fluentui/react-components';
import { Edit20Regular } from '@fluentui/react-icons/svg/edit';
import { PersonAdd20Regular } from '@fluentui/react-icons/svg/person-add';
import { PersonDelete20Regular } from '@fluentui/react-icons/svg/person-delete';
import { useState } from 'react';
import { retirePerson, type PersonView } from '../../api';
import { useSession } from '../../common/ApiContext';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { isolate } from '../../common/format';
import { useAction } from '../../common/useAction';
import type { Resource } from '../../common/useResource';
import { useI18n } from '../../i18n';
import { useAdminText } from '../../i18n/admin/admin-text';
import { useAdminStyles } from '../admin.styles';
import { activePeople, languageName } from '../labels';
import { LoadState } from '../LoadState';
import { RecordTable } from '../RecordTable';
import { useEditing } from '../useEditing';
import { PersonDialog } from './PersonDialog';

type Editing = { kind: 'edit'; person: PersonView | null } | { kind: 'retire'; person: PersonView };

/** The people table with its dialogs. */
export function PeopleAdmin({ people }: { people: Resource<PersonView[]> }) {
  const { intlTag, dir } = useI18n();
  /** A name kept in its own order inside right-to-left sentences. */
  const nameOf = (person: PersonView) => isolate(person.name, dir) ?? person.name;
  const a = useAdminText();
  const pa = a.peopleAdmin;
  const styles = useAdminStyles();
  const { api } = useSession();
  const { editing, notice, close, done, ...edits } = useEditing<Editing>();
  const [showRetired, setShowRetired] = useState(false);
  const retiring = useAction();
  const collator = new Intl.Collator(intlTag);
  const shown = showRetired
    ? [...(people.data ?? [])].sort((x, y) => collator.compare(x.name, y.name))
    : activePeople(people.data, intlTag);

  const open = (next: Editing) => {
    retiring.clear();
    edits.open(next);
  };

  return (
    <div className={styles.panel}>
      <div className={styles.toolbar}>
        <Button appearance="primary" icon={<PersonAdd20Regular />} onClick={() => open({ kind: 'edit', person: null })}>
          {pa.add}
        </Button>
        <Switch label={pa.showRetired} checked={showRetired} onChange={(_, data) => setShowRetired(data.checked)} />
      </div>
      <div role="status" className={styles.status}>
        {notice}
      </div>
      <LoadState resource={people} />
      {people.data && (
        <RecordTable
          label={pa.tableLabel}
          rows={shown}
          rowKey={(person) => person.id}
          columns={[
            {
              header: pa.columns.name,
              cell: (person) => (
                <>
                  {isolate(person.name, dir)}{' '}
                  {person.retiredAt && (
                    <Badge appearance="outline" color="subtle" size="small">
                      {pa.retired}
                    </Badge>
                  )}
                </>
              ),
            },
            { header: pa.columns.email, cell: (person) => isolate(person.email, dir) },
            { header: pa.columns.sector, cell: (person) => person.sector },
            { header: pa.columns.roles, cell: (person) => person.roles.map((r) => pa.roles[r]).join(', ') },
            { header: pa.columns.language, cell: (person) => languageName(person.locale, intlTag) },
            {
              header: pa.columns.manage,
              cell: (person) =>
                !person.retiredAt && (
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      icon={<Edit20Regular />}
                      aria-label={pa.editLabel(person.name)}
                      onClick={() => open({ kind: 'edit', person })}
                    >
                      {a.common.edit}
                    </Button>
                    <Button
                      size="small"
                      icon={<PersonDelete20Regular />}
                      aria-label={pa.retireLabel(person.name)}
                      onClick={() => open({ kind: 'retire', person })}
                    >
                      {pa.retire}
                    </Button>
                  </div>
                ),
            },
          ]}
        />
      )}
      {editing?.kind === 'edit' && (
        <PersonDialog
          key={editing.person?.id ?? 'new'}
          person={editing.person}
          onClose={close}
          onSaved={(saved, created) => {
            done(created ? pa.added(nameOf(saved)) : pa.saved(nameOf(saved)));
            people.reload();
          }}
        />
      )}
      {editing?.kind === 'retire' && (
        <ConfirmDialog
          open
          title={pa.retireTitle(nameOf(editing.person))}
          body={pa.retireBody}
          confirmLabel={pa.retire}
          busy={retiring.busy !== null}
          busyLabel={a.common.saving}
          error={retiring.error}
          onCancel={close}
          onConfirm={() => {
            const person = editing.person;
            void retiring
              .run('retire', () => retirePerson(api, person.id, person.etag))
              .then((retired) => {
                if (!retired) return;
                done(pa.retiredNotice(nameOf(retired)));
                people.reload();
              });
          }}
        />
      )}
    </div>
  );
}
