/** The attendance of the minutes: the body's members by sector, present or absent, and the others who took part. */
import { Caption1, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import type { Attendee, SectorId } from '../../api';
import { useI18n } from '../../i18n';
import { useAgendaDocumentStyles } from '../agenda/AgendaDocument.styles';

const SECTOR_ORDER: readonly SectorId[] = ['BR', 'TSB', 'BDT', 'GS'];

const useStyles = makeStyles({
  groups: {
    margin: '0',
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(240px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  groupHeading: { ...typographyStyles.body1Strong, margin: '0' },
  list: { margin: '0', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  term: { ...typographyStyles.caption1Strong, color: tokens.colorNeutralForeground3 },
  names: { marginInlineStart: '0', ...typographyStyles.body1 },
  absent: { color: tokens.colorNeutralForeground3 },
});

/** The attendance section of the minutes. */
export function Attendance({ attendance }: { attendance: Attendee[] }) {
  const { t } = useI18n();
  const styles = useAgendaDocumentStyles();
  const at = t.workspace.minutes.attendance;

  return (
    <section aria-labelledby="minutes-attendance" className={styles.item}>
      <h4 id="minutes-attendance" className={styles.itemHeading}>
        {at.heading}
      </h4>
      {attendance.length === 0 ? (
        <Caption1 as="p" className={styles.empty}>
          {at.none}
        </Caption1>
      ) : (
        <BySector attendance={attendance} />
      )}
    </section>
  );
}

/** "Name (Chair)", "Name (Observer)" or just the name. */
function useDescribe() {
  const { t } = useI18n();
  const at = t.workspace.minutes.attendance;
  return (person: Attendee) => {
    const role = person.chair ? at.chair : person.observer ? at.observer : person.guest ? at.guest : null;
    return role ? `${person.name} (${role})` : person.name;
  };
}

function BySector({ attendance }: { attendance: Attendee[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  const describe = useDescribe();
  const at = t.workspace.minutes.attendance;
  const sectors: (SectorId | null)[] = [...SECTOR_ORDER, null];
  const groups = sectors
    .map((sector) => ({ sector, people: attendance.filter((person) => (person.sector ?? null) === sector) }))
    .filter((group) => group.people.length > 0);

  return (
    <div className={styles.groups}>
      {groups.map(({ sector, people }) => {
        const present = people.filter((person) => person.present);
        const absent = people.filter((person) => !person.present);
        const headingId = `attendance-${sector ?? 'other'}`;
        return (
          <section key={sector ?? 'other'} aria-labelledby={headingId} className={styles.group}>
            <h5 id={headingId} className={styles.groupHeading}>
              {sector ? `${sector} · ${t.sectors.names[sector]}` : at.otherSector}
            </h5>
            <dl className={styles.list}>
              <dt className={styles.term}>{at.present(present.length)}</dt>
              <dd className={styles.names}>
                {present.length > 0 ? <bdi>{present.map(describe).join(', ')}</bdi> : '—'}
              </dd>
              <dt className={styles.term}>{at.absent(absent.length)}</dt>
              <dd className={mergeClasses(styles.names, styles.absent)}>
                {absent.length > 0 ? <bdi>{absent.map(describe).join(', ')}</bdi> : '—'}
              </dd>
            </dl>
          </section>
        );
      })}
    </div>
  );
}
