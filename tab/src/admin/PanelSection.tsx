/** A titled part of an administration panel: its heading (h3), a sentence saying what it does, then its controls. */
import { Body1, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useAdminStyles } from './admin.styles';

/** `id` names the heading the section is labelled by. */
export function PanelSection({
  id,
  heading,
  intro,
  children,
}: {
  id: string;
  heading: string;
  intro: string;
  children: ReactNode;
}) {
  const styles = useAdminStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id}>
        {heading}
      </Subtitle2>
      <Body1 as="p" className={styles.intro}>
        {intro}
      </Body1>
      {children}
    </section>
  );
}
