/**
 * Import and export: a register file is checked first (a dry run lists what each record would become and every
 * problem by row and column), then applied all at once; the template and the exports download in the reader's
 * language.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { Select } from '../FitSelect';
import { ArrowDownload20Regular } from '@fluentui/react-icons/svg/arrow-download';
import { ArrowUpload20Regular } from '@fluentui/react-icons/svg/arrow-upload';
import { useId, useState } from 'react';
import {
  downloadExport,
  downloadTemplate,
  importRegister,
  type ExportFormat,
  type ImportReport,
  type RecordExport,
  type RegisterSheet,
  type RowOutcome,
} from '../../api';
import { useSession } from '../../common/ApiContext';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { ErrorBar } from '../../common/ErrorBar';
import { isolate } from '../../common/format';
import { saveFile } from '../../common/save-file';
import { useAction } from '../../common/useAction';
import { useFocusReturn } from '../../common/useFocusReturn';
import { useI18n } from '../../i18n';
import { useAdminText } from '../../i18n/admin/admin-text';
import { useAdminStyles } from '../admin.styles';
import { DownloadButtons } from '../DownloadButtons';
import { PanelSection } from '../PanelSection';
import { RecordTable } from '../RecordTable';

const SHEETS: readonly RegisterSheet[] = ['topics', 'assignments', 'people'];
const OUTCOMES: readonly RowOutcome[] = ['added', 'changed', 'unchanged', 'removed'];
const EXPORTS: readonly RecordExport[] = ['register', 'actions', 'decisions', 'audit'];

/** The import and export panel; `onApplied` refreshes the lists an applied import changed. */
export function TransferPanel({ onApplied }: { onApplied: () => void }) {
  const { locale, dir } = useI18n();
  const a = useAdminText();
  const x = a.transfer;
  const styles = useAdminStyles();
  const { api } = useSession();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [what, setWhat] = useState<RecordExport>('register');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const importing = useAction();
  const downloading = useAction();
  const focus = useFocusReturn();
  const changes = report ? report.rows.filter((row) => row.outcome !== 'unchanged') : [];

  const check = () => {
    if (!file) {
      setFileError(x.noFile);
      return;
    }
    setFileError(undefined);
    setReport(null);
    void importing
      .run('check', () => importRegister(api, file, true, locale))
      .then((answer) => {
        if (answer) setReport(answer);
      });
  };

  const apply = () => {
    if (!file) return;
    void importing
      .run(
        'apply',
        () => importRegister(api, file, false, locale),
        (answer) => (answer.applied ? x.applied : null),
      )
      .then((answer) => {
        if (!answer) return;
        setReport(answer);
        setConfirming(false);
        focus.restore();
        if (answer.applied) onApplied();
      });
  };

  const download = (key: string, load: () => Promise<Blob>, name: string) =>
    void downloading.run(key, load).then((blob) => blob && saveFile(blob, name));

  return (
    <div className={styles.panel}>
      <PanelSection id="transfer-import" heading={x.importHeading} intro={x.importIntro}>
        <Field label={{ children: x.file, htmlFor: fileId }} validationMessage={fileError}>
          <input
            id={fileId}
            type="file"
            className={styles.file}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setReport(null);
              importing.clear();
            }}
          />
        </Field>
        <div className={styles.toolbar}>
          <Button icon={<ArrowUpload20Regular />} disabledFocusable={importing.busy !== null} onClick={check}>
            {importing.busy === 'check' ? x.checking : x.check}
          </Button>
          {report?.dryRun && report.errors.length === 0 && changes.length > 0 && (
            <Button
              appearance="primary"
              onClick={() => {
                focus.remember();
                importing.clear();
                setConfirming(true);
              }}
            >
              {x.apply}
            </Button>
          )}
        </div>
        {importing.error !== null && !confirming && <ErrorBar title={x.failed} error={importing.error} />}
        <div role="status">
          {report && (
            <MessageBar
              intent={report.errors.length > 0 ? 'error' : report.applied ? 'success' : 'info'}
              layout="multiline"
            >
              <MessageBarBody>
                {report.errors.length > 0
                  ? x.refused(report.errors.length)
                  : report.applied
                    ? x.applied
                    : changes.length === 0
                      ? x.nothingToDo
                      : x.ready}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        {report && (
          <>
            <div className={styles.scroller}>
              <Table aria-label={x.summaryLabel} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{x.columns.sheet}</TableHeaderCell>
                    {OUTCOMES.map((outcome) => (
                      <TableHeaderCell key={outcome}>{x.outcomes[outcome]}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {SHEETS.map((sheet) => (
                    <TableRow key={sheet}>
                      <TableCell>{x.sheets[sheet]}</TableCell>
                      {OUTCOMES.map((outcome) => (
                        <TableCell key={outcome}>{report.counts[sheet][outcome]}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            {report.errors.length > 0 && (
              <RecordTable
                label={x.problemsLabel}
                rows={report.errors}
                rowKey={(_, i) => i}
                columns={[
                  { header: x.columns.sheet, cell: (problem) => x.sheets[problem.sheet] },
                  { header: x.columns.row, cell: (problem) => problem.row ?? x.wholeSheet },
                  { header: x.columns.column, cell: (problem) => problem.column ?? '—' },
                  { header: x.columns.problem, wide: true, cell: (problem) => problem.message },
                ]}
              />
            )}
            {report.errors.length === 0 && changes.length > 0 && (
              <RecordTable
                label={x.rowsLabel}
                rows={changes}
                rowKey={(_, i) => i}
                columns={[
                  { header: x.columns.sheet, cell: (row) => x.sheets[row.sheet] },
                  { header: x.columns.row, cell: (row) => row.row ?? '—' },
                  { header: x.columns.key, cell: (row) => isolate(row.key, dir) },
                  { header: x.columns.outcome, cell: (row) => x.outcomes[row.outcome] },
                  { header: x.columns.fields, cell: (row) => isolate(row.fields.join(', '), dir) },
                ]}
              />
            )}
          </>
        )}
      </PanelSection>

      <PanelSection id="transfer-template" heading={x.templateHeading} intro={x.templateIntro}>
        <div className={styles.toolbar}>
          <DownloadButtons
            label={x.template}
            onDownload={(f) =>
              download(`template-${f}`, () => downloadTemplate(api, f, locale), `register-template.${f}`)
            }
          />
        </div>
      </PanelSection>

      <PanelSection id="transfer-export" heading={x.exportHeading} intro={x.exportIntro}>
        <div className={styles.toolbar}>
          <Field label={x.what} className={styles.filter}>
            <Select value={what} onChange={(_, data) => setWhat(data.value as RecordExport)}>
              {EXPORTS.map((e) => (
                <option key={e} value={e}>
                  {x.exports[e]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={x.format} className={styles.filter}>
            <Select value={format} onChange={(_, data) => setFormat(data.value as ExportFormat)}>
              <option value="xlsx">XLSX</option>
              <option value="csv">CSV</option>
            </Select>
          </Field>
          <Button
            icon={<ArrowDownload20Regular />}
            onClick={() => download('export', () => downloadExport(api, what, format, locale), `${what}.${format}`)}
          >
            {x.export}
          </Button>
        </div>
        {downloading.error !== null && <ErrorBar title={a.common.downloadError} error={downloading.error} />}
      </PanelSection>

      <ConfirmDialog
        open={confirming}
        title={x.confirmTitle}
        body={x.confirmBody(changes.length)}
        confirmLabel={x.apply}
        busy={importing.busy === 'apply'}
        busyLabel={x.applying}
        error={importing.error}
        onCancel={() => {
          setConfirming(false);
          focus.restore();
        }}
        onConfirm={apply}
      />
    </div>
  );
}
