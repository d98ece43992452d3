/** Local mode only: pick whose view of the register to see (sent as the x-dev-user header), with their roles. */
import { Dropdown, Field, Option } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import { createApiClient, listPeople, type PersonView } from '../api';
import { useSession } from '../common/ApiContext';
import { useResource } from '../common/useResource';
import { useI18n, type Messages } from '../i18n';
import { useShellStyles } from './AppShell.styles';

const DEFAULT = '';

/** "Alex Wilber · BDT · Focal point, Member": who, their sector and roles in the reader's language. */
export function personChoice(person: Pick<PersonView, 'name' | 'sector' | 'roles'>, t: Messages): string {
  const roles = person.roles.map((role) => t.roles[role]).join(', ');
  return [person.name, person.sector, roles].filter(Boolean).join(' · ');
}

/** A dropdown of the register's people; the first option leaves the choice to the server's default dev user. */
export function ViewAsPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (personId: string | null) => void;
}) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const styles = useShellStyles();
  // Asks as the default dev user, so the list still loads when the chosen person has left the register.
  const api = useMemo(() => createApiClient({ getToken: null, devUserId: null, language: locale }), [locale]);
  const load = useCallback((signal: AbortSignal) => listPeople(api, signal), [api]);
  const people = useResource(load).data ?? [];
  const current = value ? people.find((p) => p.id === value) : undefined;
  const shown = current?.name ?? (value ? value : (me?.person?.name ?? t.viewAs.defaultUser));

  return (
    <Field label={t.viewAs.label} orientation="horizontal" className={styles.viewAs}>
      <Dropdown
        size="small"
        className={styles.viewAsDropdown}
        value={shown}
        selectedOptions={[value ?? DEFAULT]}
        title={t.viewAs.hint}
        onOptionSelect={(_, data) => onChange(data.optionValue ? data.optionValue : null)}
      >
        <Option value={DEFAULT} text={t.viewAs.defaultUser}>
          {t.viewAs.defaultUser}
        </Option>
        {people.map((p) => (
          <Option key={p.id} value={p.id} text={p.name}>
            {personChoice(p, t)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
