/** Layout of the meeting workspace frame: back link, meeting heading with its state, the view tabs. */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of MeetingWorkspace. */
export const useMeetingWorkspaceStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  back: { alignSelf: 'flex-start', marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  titleRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  heading: { margin: '0' },
  meta: { margin: '0', color: tokens.colorNeutralForeground2 },
  tabs: { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: 'wrap' },
  panel: { paddingBlockStart: tokens.spacingVerticalS },
  readOnly: { margin: '0', color: tokens.colorNeutralForeground3 },
});
