/** The focal point and alternate of each sector of a topic, with vacancies flagged and people as contact cards. */
import { Badge, Caption1, mergeClasses } from '@fluentui/react-components';
import type { PersonRef, TopicSector } from '../api';
import { isolate } from '../common/format';
import { SectorBadge } from '../common/SectorBadge';
import { useSession } from '../common/ApiContext';
import { useI18n } from '../i18n';
import { useFocalPointStyles } from './FocalPointList.styles';
import { PersonButton } from './PersonButton';

/** One line per sector: badge, focal point (or "Vacant"), and the alternate (underneath, or inline when compact). */
export function FocalPointList({ assignments, compact = false }: { assignments: TopicSector[]; compact?: boolean }) {
  const { t } = useI18n();
  const styles = useFocalPointStyles();
  return (
    <ul className={mergeClasses(styles.list, compact && styles.compact)}>
      {assignments.map((a) => (
        <li key={a.sector} className={styles.item}>
          <SectorBadge sector={a.sector} />
          <span className={styles.people}>
            {a.vacant || !a.focalPoint ? (
              <Badge appearance="tint" color="warning" shape="rounded">
                {t.topics.vacant}
              </Badge>
            ) : (
              <Person person={a.focalPoint} className={styles.name} />
            )}
            {a.iscgCoordinator && (
              <Badge appearance="outline" color="informative" size="small" className={styles.coordinator}>
                {t.topics.iscgCoordinator}
              </Badge>
            )}
            {a.alternate && (
              <Caption1 className={mergeClasses(styles.alternate, compact && styles.alternateInline)}>
                <AlternateLabel person={a.alternate} />
              </Caption1>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "Alternate: <name>", the name a contact card button. */
function AlternateLabel({ person }: { person: PersonRef }) {
  const { t } = useI18n();
  // The catalogue's sentence with a marker where the name goes, so the name can be a button in any language.
  const [before = '', after = ''] = t.topics.alternate('\u0000').split('\u0000');
  return (
    <>
      {before}
      <Person person={person} />
      {after}
    </>
  );
}

/** A person's name (isolated in right-to-left text) opening their contact card, "(you)" for the viewer. */
function Person({ person, className }: { person: PersonRef; className?: string }) {
  const { t, dir } = useI18n();
  const { me } = useSession();
  const styles = useFocalPointStyles();
  return (
    <span className={className}>
      <PersonButton person={person} label={isolate(person.name, dir) ?? person.name} />
      {me?.person?.id === person.id && <span className={styles.you}>{` (${t.register.you})`}</span>}
    </span>
  );
}
