/**
 * Who answers for a topic in one sector: the focal point (or nobody: a vacancy), the alternate and whether they
 * coordinate the topic in the ISCG. Saved with the slot's version; a slot someone else changed is read again.
 */
import { Caption1, Checkbox, Field, Spinner } from '@fluentui/react-components';
import { Select } from '../FitSelect';
import { useCallback, useState } from 'react';
import {
  listAssignments,
  putAssignment,
  type AssignmentChange,
  type AssignmentView,
  type PersonView,
  type SectorId,
  type TopicView,
} from '../../api';
import { useSession } from '../../common/ApiContext';
import { ErrorBar } from '../../common/ErrorBar';
import { formatDate } from '../../common/format';
import { useResource } from '../../common/useResource';
import { useI18n } from '../../i18n';
import { useAdminText } from '../../i18n/admin/admin-text';
import { FormDialog } from '../../workspace/FormDialog';
import { ConflictBar } from '../ConflictBar';
import { changedKeys, isConflict, issueMessages, type FieldErrors } from '../form-support';
import { activePeople } from '../labels';
import { AssignmentPut } from '../schemas';

const SECTORS: readonly SectorId[] = ['BR', 'TSB', 'BDT', 'GS'];

interface SlotForm {
  focalPointId: string;
  alternateId: string;
  iscgCoordinator: boolean;
}

function formOf(slot: AssignmentView | undefined): SlotForm {
  return {
    focalPointId: slot?.focalPointId ?? '',
    alternateId: slot?.alternateId ?? '',
    iscgCoordinator: slot?.iscgCoordinator ?? false,
  };
}

/** The focal points dialog of a topic. */
export function AssignmentDialog({
  topic,
  people,
  onSaved,
  onClose,
}: {
  topic: TopicView;
  people: readonly PersonView[];
  onSaved: (change: AssignmentChange, sector: SectorId) => void;
  onClose: () => void;
}) {
  const { t, intlTag, locale } = useI18n();
  const a = useAdminText();
  const d = a.topicAdmin.assignment;
  const { api } = useSession();
  const load = useCallback((signal: AbortSignal) => listAssignments(api, topic.id, signal), [api, topic.id]);
  const slots = useResource(load);
  const sectors = topic.sectors.length > 0 ? SECTORS.filter((s) => topic.sectors.includes(s)) : SECTORS;
  const [sector, setSector] = useState<SectorId>(sectors[0] ?? 'BR');
  const slot = slots.data?.find((s) => s.sector === sector);
  const [form, setForm] = useState<SlotForm | null>(null);
  const shown = form ?? formOf(slot);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<string[] | null>(null);
  const candidates = activePeople(people, intlTag);
  const title = topic.title[locale] ?? topic.title.en;

  const set = (change: Partial<SlotForm>) => setForm({ ...shown, ...change });

  const submit = async () => {
    const body = {
      focalPointId: shown.focalPointId || null,
      alternateId: shown.alternateId || null,
      iscgCoordinator: shown.iscgCoordinator,
    };
    const parsed = AssignmentPut.safeParse(body);
    const found = parsed.success ? {} : issueMessages(parsed.error.issues, a);
    if (found.alternateId) found.alternateId = d.sameAsFocal;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const change = await putAssignment(api, topic.id, sector, body, slot?.etag ?? null);
      onSaved(change, sector);
    } catch (failure) {
      if (slot && isConflict(failure)) {
        const fresh = await listAssignments(api, topic.id).catch(() => null);
        const now = fresh?.find((s) => s.sector === sector);
        if (fresh) slots.set(fresh);
        setConflict(now ? changedKeys(slot, now) : []);
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const personOptions = candidates.map((p) => (
    <option key={p.id} value={p.id}>
      {`${p.name} (${p.sector})`}
    </option>
  ));

  return (
    <FormDialog
      open
      title={d.title(title)}
      submitLabel={a.common.save}
      busy={busy || slots.loading}
      error={error}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      {slots.error !== null && <ErrorBar title={a.common.loadError} error={slots.error} onRetry={slots.reload} />}
      {conflict && (
        <ConflictBar
          fields={conflict}
          labels={{ focalPointId: d.focalPoint, alternateId: d.alternate, iscgCoordinator: d.coordinator }}
        />
      )}
      <Field label={d.sector}>
        <Select
          value={sector}
          onChange={(_, data) => {
            setSector(data.value as SectorId);
            setForm(null);
            setConflict(null);
          }}
        >
          {sectors.map((s) => (
            <option key={s} value={s}>
              {`${s} · ${t.sectors.names[s]}`}
            </option>
          ))}
        </Select>
      </Field>
      {slots.loading && !slots.data && <Spinner size="tiny" label={a.common.loading} />}
      {slot?.vacantSince && !slot.focalPointId && (
        <Caption1>{d.vacantSince(formatDate(slot.vacantSince, intlTag))}</Caption1>
      )}
      <Field label={d.focalPoint}>
        <Select value={shown.focalPointId} onChange={(_, data) => set({ focalPointId: data.value })}>
          <option value="">{d.vacant}</option>
          {personOptions}
        </Select>
      </Field>
      <Field label={d.alternate} validationMessage={errors.alternateId}>
        <Select value={shown.alternateId} onChange={(_, data) => set({ alternateId: data.value })}>
          <option value="">{d.noAlternate}</option>
          {personOptions}
        </Select>
      </Field>
      <Checkbox
        label={d.coordinator}
        checked={shown.iscgCoordinator}
        onChange={(_, data) => set({ iscgCoordinator: Boolean(data.checked) })}
      />
    </FormDialog>
  );
}
