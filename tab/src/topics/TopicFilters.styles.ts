/** Layout of the register's filter bar. */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of TopicFilters. */
export const useTopicFiltersStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  search: { minWidth: 'min(220px, 100%)', flexGrow: 1, maxWidth: '320px' },
  sector: { width: 'min(210px, 100%)', flexGrow: 0, '& > div': { minWidth: '0' } },
  choice: { width: 'min(190px, 100%)', flexGrow: 0, '& > div': { minWidth: '0' } },
  switch: { paddingBlockEnd: tokens.spacingVerticalXXS },
});
