/** Styles of the collection tracker. */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of TrackerView. */
export const useTrackerStyles = makeStyles({
  window: {
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  filterCount: { marginInlineStart: tokens.spacingHorizontalXS },
  table: { minWidth: '860px', tableLayout: 'fixed', backgroundColor: tokens.colorNeutralBackground1 },
  topicColumn: { width: '22%' },
  sectorColumn: { width: '8%' },
  personColumn: { width: '15%' },
  statusColumn: { width: '13%' },
  detailsColumn: { width: '27%' },
  answeredColumn: { width: '15%' },
  clamp: {
    margin: '0',
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  escalation: {
    display: 'block',
    marginBlockStart: tokens.spacingVerticalXXS,
    color: tokens.colorPaletteRedForeground1,
  },
});
