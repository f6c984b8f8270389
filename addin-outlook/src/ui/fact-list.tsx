import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(5rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

export type Fact = [label: string, value: ReactNode];

/** Labelled values side by side; the empty ones left out. */
export function FactList({ facts }: { facts: Fact[] }) {
  const styles = useStyles();
  const shown = facts.filter(([, value]) => value !== null && value !== undefined && value !== '');
  return (
    <dl className={styles.facts}>
      {shown.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt className={styles.term}>
            <Text>{label}</Text>
          </dt>
          <dd className={styles.value}>{typeof value === 'string' ? <Text>{value}</Text> : value}</dd>
        </div>
      ))}
    </dl>
  );
}
