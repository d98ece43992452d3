/** Styles of the meetings archive. */
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** Styles of MeetingArchive. */
export const useArchiveStyles = makeStyles({
  archive: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingBlockStart: tokens.spacingVerticalL,
    borderBlockStartWidth: tokens.strokeWidthThin,
    borderBlockStartStyle: 'solid',
    borderBlockStartColor: tokens.colorNeutralStroke2,
  },
  heading: { margin: '0' },
  intro: { margin: '0', color: tokens.colorNeutralForeground2, maxWidth: '75ch' },
  toggle: { alignSelf: 'flex-start' },
  list: {
    listStyleType: 'none',
    margin: '0',
    paddingInlineStart: '0',
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(340px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  meeting: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: '0',
    overflowWrap: 'anywhere',
  },
  name: { ...typographyStyles.subtitle2, margin: '0' },
  state: { fontWeight: tokens.fontWeightRegular },
  line: { margin: '0', color: tokens.colorNeutralForeground2 },
  documents: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});
