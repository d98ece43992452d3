/** Layout of the per-sector focal point list. */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of FocalPointList. */
export const useFocalPointStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: '0',
    paddingInlineStart: '0',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  compact: { rowGap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: '3.25rem 1fr',
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalS,
  },
  people: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    minWidth: '0',
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  coordinator: { marginInlineStart: tokens.spacingHorizontalXXS },
  alternate: {
    flexBasis: '100%',
    color: tokens.colorNeutralForeground3,
  },
});
