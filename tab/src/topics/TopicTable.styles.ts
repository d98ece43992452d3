/** Styles of the topic register table: compact rows under a header that stays in view. */
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** Styles of TopicTable. */
export const useTopicTableStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    // The table scrolls inside the view, under its sticky header, rather than with the page.
    maxHeight: 'max(320px, calc(100vh - 220px))',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  table: { minWidth: '760px', tableLayout: 'fixed' },
  header: {
    position: 'sticky',
    insetBlockStart: '0',
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `inset 0 -1px 0 ${tokens.colorNeutralStroke2}`,
  },
  topicColumn: { width: '24%' },
  sectorsColumn: { width: '16%' },
  peopleColumn: { width: '34%' },
  resolutionsColumn: { width: '26%' },
  row: { cursor: 'pointer' },
  cell: {
    verticalAlign: 'top',
    paddingBlock: tokens.spacingVerticalXS,
    ...typographyStyles.caption1,
  },
  title: {
    ...typographyStyles.body1Strong,
    textAlign: 'start',
    marginInlineEnd: tokens.spacingHorizontalS,
  },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXS },
  lead: { margin: '0', marginBlockStart: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
  vacancies: { marginBlockStart: tokens.spacingVerticalXXS },
  resolutions: {
    listStyleType: 'none',
    margin: '0',
    paddingInlineStart: '0',
    display: 'flex',
    flexDirection: 'column',
    ...typographyStyles.caption1,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});
