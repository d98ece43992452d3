/** Layout of the register's filter bar. */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of TopicFilters. */
export const useTopicFiltersStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  sector: { minWidth: '240px', flexGrow: 0 },
  search: { minWidth: '240px', flexGrow: 1, maxWidth: '420px' },
  mine: { paddingBlockEnd: tokens.spacingVerticalXXS },
});
