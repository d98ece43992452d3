/** The people of the register for the secretariat: add, edit and retire them. */
import {
  Badge,
  Button,
  Spinner,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { Edit20Regular } from '@fluentui/react-icons/svg/edit';
import { PersonAdd20Regular } from '@fluentui/react-icons/svg/person-add';
import { PersonDelete20Regular } from '@fluentui/react-icons/svg/person-delete';
import { useState } from 'react';
import { retirePerson, type PersonView } from '../../api';
import { useSession } from '../../common/ApiContext';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { ErrorBar } from '../../common/ErrorBar';
import { isolate } from '../../common/format';
import { useAction } from '../../common/useAction';
import { useFocusReturn } from '../../common/useFocusReturn';
import type { Resource } from '../../common/useResource';
import { useI18n } from '../../i18n';
import { useAdminText } from '../../i18n/admin/admin-text';
import { useAdminStyles } from '../admin.styles';
import { activePeople, languageName } from '../labels';
import { PersonDialog } from './PersonDialog';

type Editing = { kind: 'edit'; person: PersonView | null } | { kind: 'retire'; person: PersonView } | null;

/** The people table with its dialogs. */
export function PeopleAdmin({ people }: { people: Resource<PersonView[]> }) {
  const { intlTag, dir } = useI18n();
  /** A name kept in its own order inside right-to-left sentences. */
  const nameOf = (person: PersonView) => isolate(person.name, dir) ?? person.name;
  const a = useAdminText();
  const pa = a.peopleAdmin;
  const styles = useAdminStyles();
  const { api } = useSession();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [showRetired, setShowRetired] = useState(false);
  const retiring = useAction();
  const focus = useFocusReturn();
  const collator = new Intl.Collator(intlTag);
  const shown = showRetired
    ? [...(people.data ?? [])].sort((x, y) => collator.compare(x.name, y.name))
    : activePeople(people.data, intlTag);

  const open = (next: Editing) => {
    focus.remember();
    setNotice(null);
    retiring.clear();
    setEditing(next);
  };
  const close = () => {
    setEditing(null);
    focus.restore();
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
      {people.error !== null && <ErrorBar title={a.common.loadError} error={people.error} onRetry={people.reload} />}
      {!people.data && people.loading && <Spinner label={a.common.loading} />}
      {people.data && (
        <div className={styles.scroller}>
          <Table aria-label={pa.tableLabel} className={styles.table} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{pa.columns.name}</TableHeaderCell>
                <TableHeaderCell>{pa.columns.email}</TableHeaderCell>
                <TableHeaderCell>{pa.columns.sector}</TableHeaderCell>
                <TableHeaderCell>{pa.columns.roles}</TableHeaderCell>
                <TableHeaderCell>{pa.columns.language}</TableHeaderCell>
                <TableHeaderCell>{pa.columns.manage}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((person) => (
                <TableRow key={person.id}>
                  <TableCell className={styles.cell}>
                    {isolate(person.name, dir)}{' '}
                    {person.retiredAt && (
                      <Badge appearance="outline" color="subtle" size="small">
                        {pa.retired}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell className={styles.cell}>{isolate(person.email, dir)}</TableCell>
                  <TableCell className={styles.cell}>{person.sector}</TableCell>
                  <TableCell className={styles.cell}>{person.roles.map((r) => pa.roles[r]).join(', ')}</TableCell>
                  <TableCell className={styles.cell}>{languageName(person.locale, intlTag)}</TableCell>
                  <TableCell className={styles.cell}>
                    {!person.retiredAt && (
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
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {editing?.kind === 'edit' && (
        <PersonDialog
          key={editing.person?.id ?? 'new'}
          person={editing.person}
          onClose={close}
          onSaved={(saved, created) => {
            close();
            setNotice(created ? pa.added(nameOf(saved)) : pa.saved(nameOf(saved)));
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
                close();
                setNotice(pa.retiredNotice(nameOf(retired)));
                people.reload();
              });
          }}
        />
      )}
    </div>
  );
}
