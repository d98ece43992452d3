/** The header of the administration and records views: the view's heading (h2) and what it is for. */
import { Body1, Title3 } from '@fluentui/react-components';
import { useAdminStyles } from './admin.styles';

/** `headingId` labels the view's section. */
export function ViewHeader({ headingId, heading, intro }: { headingId: string; heading: string; intro: string }) {
  const styles = useAdminStyles();
  return (
    <header className={styles.header}>
      <Title3 as="h2" id={headingId} className={styles.heading}>
        {heading}
      </Title3>
      <Body1 as="p" className={styles.intro}>
        {intro}
      </Body1>
    </header>
  );
}
