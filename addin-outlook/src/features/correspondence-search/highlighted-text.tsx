import { makeStyles, tokens } from '@fluentui/react-components';
import type { HighlightedText } from '@inbox-crm/shared/client';

const useStyles = makeStyles({
  mark: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: 'inherit',
    borderRadius: tokens.borderRadiusSmall,
  },
});

/** Text with the ranges the search matched marked (as text: nothing in it is read as HTML). */
export function Highlighted({ value }: { value: HighlightedText }) {
  const styles = useStyles();
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const { start, length } of value.highlights) {
    if (start < at) continue;
    if (start > at) parts.push(value.text.slice(at, start));
    parts.push(
      <mark key={start} className={styles.mark}>
        {value.text.slice(start, start + length)}
      </mark>,
    );
    at = start + length;
  }
  parts.push(value.text.slice(at));
  return <>{parts}</>;
}
