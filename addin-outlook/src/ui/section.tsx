import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { color: tokens.colorNeutralForeground2, margin: 0 },
  empty: { color: tokens.colorNeutralForeground3 },
});

/** A titled block of the record; says `empty` instead of showing nothing. */
export function Section(props: { title: string; empty?: string; children?: ReactNode; isEmpty?: boolean }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={props.title}>
      <Text as="h2" size={300} weight="semibold" className={styles.heading}>
        {props.title}
      </Text>
      {props.isEmpty ? <Text className={styles.empty}>{props.empty ?? 'None'}</Text> : props.children}
    </section>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.section} role="status" style={{ padding: tokens.spacingHorizontalL }}>
      <Text as="h2" size={400} weight="semibold">
        {title}
      </Text>
      {children && <Text className={styles.empty}>{children}</Text>}
    </div>
  );
}
