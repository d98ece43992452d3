/** Layout shared by the administration and records views: headers, toolbars, tables that scroll, form rows. */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the administration and records views. */
export const useAdminStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: '0' },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  heading: { margin: '0' },
  intro: { margin: '0', color: tokens.colorNeutralForeground2, maxWidth: '75ch' },
  tabs: { overflowX: 'auto', maxWidth: '100%' },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: '0' },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  filter: { minWidth: '0', flexGrow: 1, flexBasis: '180px', maxWidth: '320px' },
  status: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    minHeight: '20px',
    color: tokens.colorNeutralForeground3,
  },
  /** Wide tables scroll inside their own box, so the page never scrolls sideways (320 px side panel). */
  scroller: { overflowX: 'auto', maxWidth: '100%' },
  table: { minWidth: '640px' },
  cell: { paddingBlock: tokens.spacingVerticalS, verticalAlign: 'top', overflowWrap: 'anywhere' },
  wide: { width: '40%' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXS },
  list: { margin: '0', paddingInlineStart: '0', listStyleType: 'none' },
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    margin: '0',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: '0',
  },
  legend: { paddingInline: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(160px, 100%), 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  checks: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: '0' },
  file: { maxWidth: '100%' },
});
