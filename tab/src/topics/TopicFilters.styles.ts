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
  search: { minWidth: 'min(240px, 100%)', flexGrow: 1, maxWidth: '360px' },
  sector: { minWidth: 'min(220px, 100%)', flexGrow: 0, '& button': { minWidth: '0' } },
  choice: { minWidth: 'min(180px, 100%)', flexGrow: 0, '& button': { minWidth: '0' } },
  switch: { paddingBlockEnd: tokens.spacingVerticalXXS },
});
