/** A person's name as a button that opens their contact card (the card's code loads on first use). */
import { Link, makeStyles } from '@fluentui/react-components';
import { Suspense, lazy, useState } from 'react';
import type { PersonRef } from '../api';
import { useI18n } from '../i18n';

const PersonCard = lazy(() => import('./PersonCard').then((m) => ({ default: m.PersonCard })));

const useStyles = makeStyles({ name: { fontWeight: 'inherit', textAlign: 'start' } });

/** The name; activating it opens a card with the person's chat and email links. */
export function PersonButton({ person, label }: { person: PersonRef; label: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [target, setTarget] = useState<HTMLElement | null>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Link
        as="button"
        appearance="subtle"
        className={styles.name}
        ref={setTarget}
        aria-haspopup="dialog"
        aria-expanded={open}
        title={t.register.person.details(person.name)}
        onClick={(event) => {
          // A row opens its topic on click; the name opens the person instead.
          event.stopPropagation();
          setOpen((o) => !o);
        }}
      >
        {label}
      </Link>
      {open && target && (
        <Suspense fallback={null}>
          <PersonCard person={person} target={target} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
