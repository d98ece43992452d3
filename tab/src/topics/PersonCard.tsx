/** A person's contact card: name, job and sector, a Teams chat link and an email link. */
import {
  Body1Strong,
  Caption1,
  Link,
  Popover,
  PopoverSurface,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Chat20Regular } from '@fluentui/react-icons/svg/chat';
import { Mail20Regular } from '@fluentui/react-icons/svg/mail';
import { useCallback } from 'react';
import { getPerson, type PersonRef } from '../api';
import { useSession } from '../common/ApiContext';
import { isolate } from '../common/format';
import { useResource } from '../common/useResource';
import { currentHost } from '../host/current-host';
import { useI18n } from '../i18n';
import { personSummary } from './person-summary';

const useStyles = makeStyles({
  surface: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, maxWidth: 'min(320px, 90vw)' },
  links: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  link: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The Teams deep link that opens a 1:1 chat with a person. */
export function chatLink(email: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(email)}`;
}

/** Opens next to `target`; closes on Escape or a click outside (focus goes back to the name). */
export function PersonCard({
  person,
  target,
  onClose,
}: {
  person: PersonRef;
  target: HTMLElement;
  onClose: () => void;
}) {
  const { t, dir } = useI18n();
  const { api } = useSession();
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => getPerson(api, person.id, signal), [api, person.id]);
  const details = useResource(load);
  const full = details.data;
  const host = currentHost();
  const p = t.register.person;
  const headingId = `person-${person.id}`;

  return (
    <Popover
      open
      trapFocus
      withArrow
      positioning={{ target }}
      onOpenChange={(_, data) => {
        if (!data.open) {
          onClose();
          target.focus();
        }
      }}
    >
      <PopoverSurface className={styles.surface} aria-labelledby={headingId}>
        <Body1Strong id={headingId}>{isolate(person.name, dir)}</Body1Strong>
        {full && <Caption1 className={styles.muted}>{personSummary(full, t, dir)}</Caption1>}
        {details.loading && !full && <Spinner size="extra-tiny" label={t.app.loading} labelPosition="after" />}
        {details.error !== null && <Caption1>{p.loadError}</Caption1>}
        {full && !full.email && <Caption1>{p.noEmail}</Caption1>}
        {full?.email && (
          <div className={styles.links}>
            <Link
              href={chatLink(full.email)}
              target="_blank"
              rel="noopener noreferrer"
              className={styles.link}
              onClick={(event) => {
                if (!host.inTeams) return;
                event.preventDefault();
                host.openLink(chatLink(full.email));
              }}
            >
              <Chat20Regular aria-hidden />
              {p.chat}
            </Link>
            <Link href={`mailto:${full.email}`} className={styles.link}>
              <Mail20Regular aria-hidden />
              {p.email}
            </Link>
          </div>
        )}
      </PopoverSurface>
    </Popover>
  );
}
