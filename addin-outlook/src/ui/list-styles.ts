import { makeStyles, tokens } from '@fluentui/react-components';

/** A bare vertical list of entries, each a title over a muted line: the app's one list look. */
export const useListStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  entry: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground3 },
});
