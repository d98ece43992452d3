/** The annual report to Council (secretariat): period and language → a compiled draft → download → publish. */
import { Badge, Button, Field, Input } from '@fluentui/react-components';
import { Select } from '../FitSelect';
import { ArrowDownload20Regular } from '@fluentui/react-icons/svg/arrow-download';
import { DocumentCheckmark20Regular } from '@fluentui/react-icons/svg/document-checkmark';
import { useCallback, useState } from 'react';
import { compileReport, downloadReport, listReports, publishReport, type ReportVersionView } from '../../api';
import type { Locale } from '../../../../teams-app/domain';
import { useSession } from '../../common/ApiContext';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { ErrorBar } from '../../common/ErrorBar';
import { formatDate, formatDateRange } from '../../common/format';
import { saveFile } from '../../common/save-file';
import { useAction } from '../../common/useAction';
import { useFocusReturn } from '../../common/useFocusReturn';
import { useResource } from '../../common/useResource';
import { UI_LOCALES, useI18n } from '../../i18n';
import { useAdminText } from '../../i18n/admin/admin-text';
import { useAdminStyles } from '../admin.styles';
import { languageName } from '../labels';
import { LoadState } from '../LoadState';
import { PanelSection } from '../PanelSection';
import { RecordTable } from '../RecordTable';

const STATUS_COLOURS = { draft: 'warning', published: 'success', superseded: 'subtle' } as const;

/** The report's period form and its versions. */
export function ReportPanel() {
  const { intlTag, locale } = useI18n();
  const a = useAdminText();
  const r = a.report;
  const styles = useAdminStyles();
  const { api } = useSession();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [lang, setLang] = useState<Locale>(locale);
  const [periodError, setPeriodError] = useState<string | undefined>();
  const [publishing, setPublishing] = useState<ReportVersionView | null>(null);
  const action = useAction();
  const focus = useFocusReturn();
  const load = useCallback((signal: AbortSignal) => listReports(api, signal), [api]);
  const versions = useResource(load);

  const compile = () => {
    if (!from || !to || to < from) {
      setPeriodError(r.periodOrder);
      return;
    }
    setPeriodError(undefined);
    void action
      .run(
        'compile',
        () => compileReport(api, { from, to }, lang),
        (version) => r.compiled(version.version),
      )
      .then((version) => version && versions.reload());
  };

  const fileName = (version: ReportVersionView) =>
    `annual-report-${version.report.from}-${version.report.to}-v${version.version}.docx`;

  return (
    <div className={styles.panel}>
      <PanelSection id="report-heading" heading={r.heading} intro={r.intro}>
        <div className={styles.toolbar}>
          <Field label={r.from} className={styles.filter}>
            <Input type="date" value={from} onChange={(_, data) => setFrom(data.value)} />
          </Field>
          <Field label={r.to} className={styles.filter} validationMessage={periodError}>
            <Input type="date" value={to} onChange={(_, data) => setTo(data.value)} />
          </Field>
          <Field label={r.language} className={styles.filter}>
            <Select value={lang} onChange={(_, data) => setLang(data.value as Locale)}>
              {UI_LOCALES.map((l) => (
                <option key={l} value={l}>
                  {languageName(l, intlTag)}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" disabledFocusable={action.busy !== null} onClick={compile}>
            {action.busy === 'compile' ? r.compiling : r.compile}
          </Button>
        </div>
        <div role="status" className={styles.status}>
          {action.notice}
        </div>
        {action.error !== null && !publishing && <ErrorBar title={a.common.notSaved} error={action.error} />}
      </PanelSection>
      <LoadState resource={versions} />
      {versions.data && versions.data.length === 0 && <p className={styles.muted}>{r.none}</p>}
      {versions.data && versions.data.length > 0 && (
        <RecordTable
          label={r.versionsLabel}
          rows={versions.data}
          rowKey={(version) => version.id}
          columns={[
            { header: r.columns.version, cell: (version) => version.version },
            {
              header: r.columns.period,
              cell: (version) => formatDateRange(version.report.from, version.report.to, intlTag),
            },
            {
              header: r.columns.language,
              cell: (version) => languageName(version.report.locale as Locale, intlTag),
            },
            {
              header: r.columns.status,
              cell: (version) => (
                <Badge appearance="tint" color={STATUS_COLOURS[version.status]}>
                  {r.statuses[version.status]}
                </Badge>
              ),
            },
            { header: r.columns.compiled, cell: (version) => formatDate(version.createdAt.slice(0, 10), intlTag) },
            {
              header: r.columns.manage,
              cell: (version) => (
                <div className={styles.actions}>
                  <Button
                    size="small"
                    icon={<ArrowDownload20Regular />}
                    aria-label={r.downloadLabel(version.version)}
                    onClick={() =>
                      void action
                        .run(`download-${version.id}`, () => downloadReport(api, version.id))
                        .then((blob) => blob && saveFile(blob, fileName(version)))
                    }
                  >
                    {a.common.download}
                  </Button>
                  {version.status === 'draft' && (
                    <Button
                      size="small"
                      icon={<DocumentCheckmark20Regular />}
                      aria-label={r.publishLabel(version.version)}
                      onClick={() => {
                        focus.remember();
                        action.clear();
                        setPublishing(version);
                      }}
                    >
                      {r.publish}
                    </Button>
                  )}
                </div>
              ),
            },
          ]}
        />
      )}
      <ConfirmDialog
        open={publishing !== null}
        title={r.publishTitle}
        body={r.publishBody}
        confirmLabel={r.publish}
        busy={action.busy === 'publish'}
        busyLabel={a.common.saving}
        error={action.error}
        onCancel={() => {
          setPublishing(null);
          focus.restore();
        }}
        onConfirm={() => {
          if (!publishing) return;
          void action
            .run(
              'publish',
              () => publishReport(api, publishing.id),
              (version) => r.published(version.version),
            )
            .then((version) => {
              if (!version) return;
              setPublishing(null);
              focus.restore();
              versions.reload();
            });
        }}
      />
    </div>
  );
}
