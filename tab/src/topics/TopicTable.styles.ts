/** Styles of the topic register table. */
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** Styles of TopicTable. */
export const useTopicTableStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  table: { minWidth: '760px', tableLayout: 'fixed' },
  topicColumn: { width: '24%' },
  sectorsColumn: { width: '14%' },
  peopleColumn: { width: '32%' },
  resolutionsColumn: { width: '30%' },
  row: { cursor: 'pointer' },
  cell: {
    verticalAlign: 'top',
    paddingBlock: tokens.spacingVerticalM,
  },
  title: {
    ...typographyStyles.body1Strong,
    textAlign: 'start',
    marginInlineEnd: tokens.spacingHorizontalS,
  },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  resolutions: {
    listStyleType: 'none',
    margin: '0',
    paddingInlineStart: '0',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    ...typographyStyles.caption1,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});
