/**
 * Adds or edits a person of the register: name, e-mail, Entra object id, sector, region, job title, roles,
 * preferred language, time zone and out-of-office ranges. Checked with the domain's schema before sending.
 */
import { Button, Checkbox, Field, Input } from '@fluentui/react-components';
import { Select } from '../FitSelect';
import { Add20Regular } from '@fluentui/react-icons/svg/add';
import { Delete20Regular } from '@fluentui/react-icons/svg/delete';
import { useCallback, useMemo, useState } from 'react';
import { createPerson, getPerson, updatePerson, type PersonView, type SectorId } from '../../api';
import type { Locale, Region } from '../../../../teams-app/domain';
import { useSession } from '../../common/ApiContext';
import { viewerTimeZone } from '../../common/format';
import { UI_LOCALES, useI18n } from '../../i18n';
import { useAdminText } from '../../i18n/admin/admin-text';
import { useAdminStyles } from '../admin.styles';
import { issueMessages, messagesAt, type FieldErrors } from '../form-support';
import { SaveDialog } from '../SaveDialog';
import { languageName } from '../labels';
import { PersonCreate, PersonPatch } from '../schemas';
import { useVersionedSave } from '../useVersionedSave';

const SECTORS: readonly SectorId[] = ['BR', 'TSB', 'BDT', 'GS'];
const REGIONS: readonly Region[] = ['Africa', 'Americas', 'Arab States', 'Asia-Pacific', 'CIS', 'Europe'];
/** The roles the secretariat gives (focal point comes from the assignments). */
const ROLES = ['chair', 'secretariat', 'member', 'observer'] as const;
type AssignableRole = (typeof ROLES)[number];

interface PersonForm {
  name: string;
  email: string;
  aadObjectId: string;
  sector: SectorId;
  region: Region | '';
  jobTitle: string;
  roles: AssignableRole[];
  locale: Locale;
  timeZone: string;
  outOfOffice: { from: string; to: string }[];
}

function formOf(person: PersonView | null): PersonForm {
  return {
    name: person?.name ?? '',
    email: person?.email ?? '',
    aadObjectId: person?.aadObjectId ?? '',
    sector: person?.sector ?? 'GS',
    region: person?.region ?? '',
    jobTitle: person?.jobTitle ?? '',
    roles: ROLES.filter((role) => person?.roles.includes(role) ?? role === 'member'),
    locale: person?.locale ?? 'en',
    timeZone: person?.timeZone ?? viewerTimeZone(),
    outOfOffice: (person?.outOfOffice ?? []).map((range) => ({ ...range })),
  };
}

function bodyOf(form: PersonForm) {
  return {
    name: form.name.trim(),
    email: form.email.trim(),
    aadObjectId: form.aadObjectId.trim(),
    sector: form.sector,
    region: form.region || null,
    jobTitle: form.jobTitle.trim(),
    roles: form.roles,
    locale: form.locale,
    timeZone: form.timeZone.trim(),
    outOfOffice: form.outOfOffice,
  };
}

type PersonBody = ReturnType<typeof bodyOf>;

function changes(first: PersonBody, next: PersonBody): Partial<PersonBody> {
  return Object.fromEntries(
    Object.entries(next).filter(
      ([key, value]) => JSON.stringify(first[key as keyof PersonBody]) !== JSON.stringify(value),
    ),
  );
}

/** IANA zones the browser knows, offered while typing. */
function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** The person dialog; mount it with a key per person (null: a new one). */
export function PersonDialog({
  person,
  onSaved,
  onClose,
}: {
  person: PersonView | null;
  onSaved: (person: PersonView, created: boolean) => void;
  onClose: () => void;
}) {
  const { t, intlTag } = useI18n();
  const a = useAdminText();
  const d = a.peopleAdmin.dialog;
  const styles = useAdminStyles();
  const { api } = useSession();
  const initial = useMemo(() => formOf(person), [person]);
  const [form, setForm] = useState<PersonForm>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const reload = useCallback((record: PersonView) => getPerson(api, record.id), [api]);
  const save = useVersionedSave<PersonView>(person, reload);
  const zones = useMemo(() => knownZones(), []);
  const set = <K extends keyof PersonForm>(key: K, value: PersonForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setRange = (index: number, change: Partial<{ from: string; to: string }>) =>
    set(
      'outOfOffice',
      form.outOfOffice.map((r, i) => (i === index ? { ...r, ...change } : r)),
    );

  const labels: Record<string, string> = {
    name: d.name,
    email: d.email,
    aadObjectId: d.aadObjectId,
    sector: d.sector,
    region: d.region,
    jobTitle: d.jobTitle,
    roles: d.roles,
    locale: d.language,
    timeZone: d.timeZone,
    outOfOffice: d.outOfOffice,
  };

  const submit = async () => {
    const body = bodyOf(form);
    const parsed = person ? PersonPatch.safeParse(body) : PersonCreate.safeParse(body);
    const found: FieldErrors = parsed.success ? {} : issueMessages(parsed.error.issues, a);
    if (found.timeZone) found.timeZone = a.common.badTimeZone;
    if (form.roles.length === 0) found.roles = d.rolesRequired;
    form.outOfOffice.forEach((range, i) => {
      if (range.from && range.to && range.to < range.from) found[`outOfOffice.${i}.to`] = d.absenceOrder;
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const patch = person ? changes(bodyOf(initial), body) : body;
    if (person && Object.keys(patch).length === 0 && !save.conflict) {
      onClose();
      return;
    }
    const saved = await save.run((base) =>
      base ? updatePerson(api, base.id, base.etag, patch) : createPerson(api, body),
    );
    if (saved) onSaved(saved, !person);
  };

  const at = messagesAt(errors, save.error, a);

  return (
    <SaveDialog
      title={person ? d.editTitle : d.addTitle}
      save={save}
      labels={labels}
      onSubmit={submit}
      onClose={onClose}
    >
      <Field label={d.name} required validationMessage={at('name')}>
        <Input value={form.name} onChange={(_, data) => set('name', data.value)} />
      </Field>
      <Field label={d.email} required validationMessage={at('email')}>
        <Input type="email" dir="ltr" value={form.email} onChange={(_, data) => set('email', data.value)} />
      </Field>
      <Field label={d.aadObjectId} hint={d.aadHint} required validationMessage={at('aadObjectId')}>
        <Input dir="ltr" value={form.aadObjectId} onChange={(_, data) => set('aadObjectId', data.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={d.sector}>
          <Select value={form.sector} onChange={(_, data) => set('sector', data.value as SectorId)}>
            {SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {`${sector} · ${t.sectors.names[sector]}`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={d.region}>
          <Select value={form.region} onChange={(_, data) => set('region', data.value as Region | '')}>
            <option value="">{d.noRegion}</option>
            {REGIONS.map((region) => (
              <option key={region} value={region}>
                {region}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={d.jobTitle} validationMessage={at('jobTitle')}>
        <Input value={form.jobTitle} onChange={(_, data) => set('jobTitle', data.value)} />
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{d.roles}</legend>
        <span className={styles.muted}>{d.rolesHint}</span>
        <div className={styles.checks}>
          {ROLES.map((role) => (
            <Checkbox
              key={role}
              label={a.peopleAdmin.roles[role]}
              checked={form.roles.includes(role)}
              onChange={(_, data) =>
                set('roles', data.checked ? [...form.roles, role] : form.roles.filter((r) => r !== role))
              }
            />
          ))}
        </div>
        {at('roles') && (
          <span role="alert" className={styles.error}>
            {at('roles')}
          </span>
        )}
      </fieldset>
      <div className={styles.row}>
        <Field label={d.language}>
          <Select value={form.locale} onChange={(_, data) => set('locale', data.value as Locale)}>
            {UI_LOCALES.map((l) => (
              <option key={l} value={l}>
                {languageName(l, intlTag)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={d.timeZone} validationMessage={at('timeZone')}>
          <Input
            dir="ltr"
            value={form.timeZone}
            list="person-time-zones"
            onChange={(_, data) => set('timeZone', data.value)}
          />
        </Field>
        <datalist id="person-time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{d.outOfOffice}</legend>
        {form.outOfOffice.map((range, i) => (
          <div key={i} className={styles.row}>
            <Field label={d.from} validationMessage={at(`outOfOffice.${i}.from`)}>
              <Input type="date" value={range.from} onChange={(_, data) => setRange(i, { from: data.value })} />
            </Field>
            <Field label={d.to} validationMessage={at(`outOfOffice.${i}.to`)}>
              <Input type="date" value={range.to} onChange={(_, data) => setRange(i, { to: data.value })} />
            </Field>
            <Button
              appearance="subtle"
              icon={<Delete20Regular />}
              onClick={() =>
                set(
                  'outOfOffice',
                  form.outOfOffice.filter((_, j) => j !== i),
                )
              }
            >
              {d.removeAbsence(i + 1)}
            </Button>
          </div>
        ))}
        <div>
          <Button
            icon={<Add20Regular />}
            onClick={() => set('outOfOffice', [...form.outOfOffice, { from: '', to: '' }])}
          >
            {d.addAbsence}
          </Button>
        </div>
      </fieldset>
    </SaveDialog>
  );
}
