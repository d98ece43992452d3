/**
 * Adds or edits a topic: titles in the six languages, description, kind, status, lead sector and sectors involved,
 * related resolutions and the JIU recommendations it follows up. Checked with the domain's schema before sending.
 */
import { Button, Checkbox, Field, Input, Textarea } from '@fluentui/react-components';
import { Select } from '../FitSelect';
import { Add20Regular } from '@fluentui/react-icons/svg/add';
import { Delete20Regular } from '@fluentui/react-icons/svg/delete';
import { useCallback, useMemo, useState } from 'react';
import { createTopic, getTopic, updateTopic, type SectorId, type TopicView } from '../../api';
import type { Locale, ResolutionBody } from '../../../../teams-app/domain';
import { RESOLUTION_BODIES } from '../../../../teams-app/domain/resolution-names';
import { useSession } from '../../common/ApiContext';
import { UI_LOCALES, useI18n } from '../../i18n';
import { useAdminText } from '../../i18n/admin/admin-text';
import { useAdminStyles } from '../admin.styles';
import { issueMessages, messagesAt, type FieldErrors } from '../form-support';
import { SaveDialog } from '../SaveDialog';
import { languageName } from '../labels';
import { TopicCreate, TopicPatch } from '../schemas';
import { useVersionedSave } from '../useVersionedSave';

const SECTORS: readonly SectorId[] = ['BR', 'TSB', 'BDT', 'GS'];
const BODIES: readonly ResolutionBody[] = ['PP', 'WTDC', 'WTSA', 'RA', 'WRC', 'Council'];
const KINDS = ['topic', 'jiu-recommendation', 'working-group'] as const;
const STATUSES = ['active', 'dormant', 'closed'] as const;
/** The title fields in the order the form shows them: English (required) first. */
const TITLE_LOCALES: readonly Locale[] = ['en', ...UI_LOCALES.filter((l) => l !== 'en')];

interface ResolutionForm {
  body: ResolutionBody;
  number: string;
  revision: string;
  title: string;
}

/** What the form holds, as typed. */
interface TopicForm {
  titles: Record<Locale, string>;
  description: string;
  kind: (typeof KINDS)[number];
  status: (typeof STATUSES)[number];
  leadSector: SectorId | '';
  sectors: SectorId[];
  sinceYear: string;
  iscgArea: boolean;
  resolutions: ResolutionForm[];
  jiu: string[];
}

function formOf(topic: TopicView | null): TopicForm {
  const titles = Object.fromEntries(UI_LOCALES.map((l) => [l, topic?.title[l] ?? ''])) as Record<Locale, string>;
  return {
    titles,
    description: topic?.description ?? '',
    kind: topic?.kind ?? 'topic',
    status: topic?.status ?? 'active',
    leadSector: topic?.leadSector ?? '',
    sectors: topic ? [...topic.sectors] : [],
    sinceYear: topic?.sinceYear ? String(topic.sinceYear) : '',
    iscgArea: topic?.iscgCoordinatorArea ?? false,
    resolutions: (topic?.resolutions ?? []).map((r) => ({
      body: r.body,
      number: r.number ?? '',
      revision: r.revision ?? '',
      title: r.title ?? '',
    })),
    jiu: [...(topic?.jiuRecommendations ?? [])],
  };
}

/** The request body of the form: empty optional texts left out or null, as the schema wants them. */
function bodyOf(form: TopicForm) {
  const title: Partial<Record<Locale, string>> = { en: form.titles.en.trim() };
  for (const locale of UI_LOCALES) {
    const text = form.titles[locale].trim();
    if (locale !== 'en' && text) title[locale] = text;
  }
  const year = form.sinceYear.trim();
  return {
    title: title as { en: string } & Partial<Record<Locale, string>>,
    description: form.description.trim(),
    kind: form.kind,
    status: form.status,
    leadSector: form.leadSector || null,
    sectors: SECTORS.filter((s) => form.sectors.includes(s)),
    sinceYear: year ? Number(year) : null,
    iscgCoordinatorArea: form.iscgArea,
    resolutions: form.resolutions.map((r) => ({
      body: r.body,
      number: r.number.trim() || null,
      revision: r.revision.trim() || null,
      title: r.title.trim() || null,
    })),
    jiuRecommendations: form.jiu,
  };
}

type TopicBody = ReturnType<typeof bodyOf>;

/** The fields of `next` that differ from `first` (a patch sends only what the user changed). */
function changes(first: TopicBody, next: TopicBody): Partial<TopicBody> {
  return Object.fromEntries(
    Object.entries(next).filter(
      ([key, value]) => JSON.stringify(first[key as keyof TopicBody]) !== JSON.stringify(value),
    ),
  );
}

/** The topic dialog; mount it with a key per topic (null: a new one) so the fields start fresh. */
export function TopicDialog({
  topic,
  topics,
  onSaved,
  onClose,
}: {
  topic: TopicView | null;
  /** The register (for the JIU recommendations to link). */
  topics: readonly TopicView[];
  onSaved: (topic: TopicView, created: boolean) => void;
  onClose: () => void;
}) {
  const { t, intlTag, locale } = useI18n();
  const a = useAdminText();
  const d = a.topicAdmin.dialog;
  const styles = useAdminStyles();
  const { api } = useSession();
  const initial = useMemo(() => formOf(topic), [topic]);
  const [form, setForm] = useState<TopicForm>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const reload = useCallback((record: TopicView) => getTopic(api, record.id), [api]);
  const save = useVersionedSave<TopicView>(topic, reload);
  const jiuTopics = topics.filter((x) => x.kind === 'jiu-recommendation' && x.id !== topic?.id);
  const set = <K extends keyof TopicForm>(key: K, value: TopicForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setResolution = (index: number, change: Partial<ResolutionForm>) =>
    set(
      'resolutions',
      form.resolutions.map((r, i) => (i === index ? { ...r, ...change } : r)),
    );

  const labels: Record<string, string> = {
    title: d.titles,
    description: d.description,
    kind: d.kind,
    status: d.status,
    leadSector: d.lead,
    sectors: d.sectors,
    sinceYear: d.since,
    iscgCoordinatorArea: d.iscgArea,
    resolutions: d.resolutions,
    jiuRecommendations: d.jiu,
  };

  const submit = async () => {
    const body = bodyOf(form);
    const parsed = topic ? TopicPatch.safeParse(body) : TopicCreate.safeParse(body);
    const found: FieldErrors = parsed.success ? {} : issueMessages(parsed.error.issues, a);
    const year = form.sinceYear.trim();
    if (found.sinceYear || (year && !/^\d{4}$/.test(year))) found.sinceYear = d.badYear;
    if (body.leadSector && !body.sectors.includes(body.leadSector)) found.leadSector = d.leadOutside;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const patch = topic ? changes(bodyOf(initial), body) : body;
    if (topic && Object.keys(patch).length === 0 && !save.conflict) {
      onClose();
      return;
    }
    const saved = await save.run((base) =>
      base ? updateTopic(api, base.id, base.etag, patch) : createTopic(api, body),
    );
    if (saved) onSaved(saved, !topic);
  };

  const at = messagesAt(errors, save.error, a);

  return (
    <SaveDialog
      title={topic ? d.editTitle : d.addTitle}
      save={save}
      labels={labels}
      onSubmit={submit}
      onClose={onClose}
    >
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{d.titles}</legend>
        {TITLE_LOCALES.map((l) => (
          <Field
            key={l}
            label={d.titleIn(languageName(l, intlTag))}
            required={l === 'en'}
            validationMessage={at(`title.${l}`)}
          >
            <Input
              value={form.titles[l]}
              dir={l === 'ar' ? 'rtl' : locale === 'ar' ? 'ltr' : undefined}
              lang={l}
              onChange={(_, data) => set('titles', { ...form.titles, [l]: data.value })}
            />
          </Field>
        ))}
      </fieldset>
      <Field label={d.description} validationMessage={at('description')}>
        <Textarea
          value={form.description}
          rows={3}
          resize="vertical"
          onChange={(_, data) => set('description', data.value)}
        />
      </Field>
      <div className={styles.row}>
        <Field label={d.kind}>
          <Select value={form.kind} onChange={(_, data) => set('kind', data.value as TopicForm['kind'])}>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.topics.kinds[kind]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={d.status}>
          <Select value={form.status} onChange={(_, data) => set('status', data.value as TopicForm['status'])}>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t.topics.statuses[status]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={d.since} validationMessage={at('sinceYear')}>
          <Input value={form.sinceYear} inputMode="numeric" onChange={(_, data) => set('sinceYear', data.value)} />
        </Field>
      </div>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{d.sectors}</legend>
        <div className={styles.checks}>
          {SECTORS.map((sector) => (
            <Checkbox
              key={sector}
              label={`${sector} · ${t.sectors.names[sector]}`}
              checked={form.sectors.includes(sector)}
              onChange={(_, data) =>
                set('sectors', data.checked ? [...form.sectors, sector] : form.sectors.filter((s) => s !== sector))
              }
            />
          ))}
        </div>
      </fieldset>
      <Field label={d.lead} validationMessage={at('leadSector')}>
        <Select value={form.leadSector} onChange={(_, data) => set('leadSector', data.value as SectorId | '')}>
          <option value="">{d.noLead}</option>
          {SECTORS.map((sector) => (
            <option key={sector} value={sector}>
              {`${sector} · ${t.sectors.names[sector]}`}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        label={d.iscgArea}
        checked={form.iscgArea}
        onChange={(_, data) => set('iscgArea', Boolean(data.checked))}
      />
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{d.resolutions}</legend>
        {form.resolutions.map((r, i) => (
          <fieldset key={i} className={styles.fieldset}>
            <legend className={styles.legend}>{d.resolution(i + 1)}</legend>
            <div className={styles.row}>
              <Field label={d.body}>
                <Select value={r.body} onChange={(_, data) => setResolution(i, { body: data.value as ResolutionBody })}>
                  {BODIES.map((body) => (
                    <option key={body} value={body}>
                      {RESOLUTION_BODIES[locale][body]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={d.number} validationMessage={at(`resolutions.${i}.number`)}>
                <Input value={r.number} onChange={(_, data) => setResolution(i, { number: data.value })} />
              </Field>
              <Field label={d.revision} validationMessage={at(`resolutions.${i}.revision`)}>
                <Input value={r.revision} onChange={(_, data) => setResolution(i, { revision: data.value })} />
              </Field>
            </div>
            <Field label={d.resolutionTitle} validationMessage={at(`resolutions.${i}.title`)}>
              <Input value={r.title} onChange={(_, data) => setResolution(i, { title: data.value })} />
            </Field>
            <div>
              <Button
                appearance="subtle"
                icon={<Delete20Regular />}
                onClick={() =>
                  set(
                    'resolutions',
                    form.resolutions.filter((_, j) => j !== i),
                  )
                }
              >
                {d.removeResolution(i + 1)}
              </Button>
            </div>
          </fieldset>
        ))}
        <div>
          <Button
            icon={<Add20Regular />}
            onClick={() =>
              set('resolutions', [...form.resolutions, { body: 'PP', number: '', revision: '', title: '' }])
            }
          >
            {d.addResolution}
          </Button>
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{d.jiu}</legend>
        {jiuTopics.length === 0 ? (
          <span className={styles.muted}>{d.noJiu}</span>
        ) : (
          jiuTopics.map((jiu) => (
            <Checkbox
              key={jiu.id}
              label={jiu.title[locale] ?? jiu.title.en}
              checked={form.jiu.includes(jiu.id)}
              onChange={(_, data) =>
                set('jiu', data.checked ? [...form.jiu, jiu.id] : form.jiu.filter((id) => id !== jiu.id))
              }
            />
          ))
        )}
      </fieldset>
    </SaveDialog>
  );
}
