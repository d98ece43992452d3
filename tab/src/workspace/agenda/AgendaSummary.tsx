/** The agenda's counts at a glance (updates received, missing, late, escalations …) and, for staff, its warnings. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Agenda } from '../../api';
import { useI18n } from '../../i18n';
import { useWorkspaceStyles } from '../workspace.styles';

const useStyles = makeStyles({
  summary: {
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    maxWidth: '1100px',
    boxSizing: 'border-box',
  },
  warnings: { margin: '0', paddingInlineStart: tokens.spacingHorizontalL },
});

/** A row of figures; `warnings` adds the compiler's notes for the secretariat. */
export function AgendaSummary({ agenda, warnings }: { agenda: Agenda; warnings: boolean }) {
  const { t } = useI18n();
  const ws = useWorkspaceStyles();
  const styles = useStyles();
  const s = t.workspace.agenda.summary;
  const { summary } = agenda;
  const figures: [string, string | number][] = [
    [s.received, s.ofExpected(summary.received, summary.expectedReports)],
    [s.noChange, summary.noChange],
    [s.missing, summary.missing],
    [s.late, summary.late],
    [s.vacant, summary.vacant],
    [s.escalations, summary.escalations],
    [s.overlaps, summary.overlaps],
    [s.openActions, summary.openActions],
    [s.overdueActions, summary.overdueActions],
  ];
  return (
    <>
      <div role="group" aria-label={s.label} className={styles.summary}>
        <dl className={ws.facts}>
          {figures.map(([term, value]) => (
            <div key={term} className={ws.fact}>
              <dt className={ws.term}>{term}</dt>
              <dd className={ws.value}>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      {warnings && agenda.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.workspace.agenda.warnings.title}</MessageBarTitle>
            <ul className={styles.warnings}>
              {agenda.warnings.map((w) => (
                <li key={`${w.code}:${w.ref}`}>
                  {t.workspace.agenda.warnings.codes[w.code]} ({w.ref})
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
