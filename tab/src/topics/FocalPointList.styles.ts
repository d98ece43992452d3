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
    rowGap: tokens.spacingVerticalXXS,
  },
  compact: { rowGap: '0' },
  item: {
    display: 'grid',
    gridTemplateColumns: '3.25rem minmax(0, 1fr)',
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalS,
  },
  people: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalXS,
    minWidth: '0',
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  you: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  coordinator: { marginInlineStart: tokens.spacingHorizontalXXS },
  alternate: {
    flexBasis: '100%',
    color: tokens.colorNeutralForeground2,
  },
  alternateInline: { flexBasis: 'auto' },
});
