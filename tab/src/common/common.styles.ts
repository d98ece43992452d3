/** Styles shared by several views. */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Shared helpers: text only screen readers read, a link with a leading icon. */
export const useCommonStyles = makeStyles({
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: '0',
  },
  iconLink: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
});
