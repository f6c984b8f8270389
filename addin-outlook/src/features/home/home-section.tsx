import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { useCardStyles } from '../../ui/card-styles.js';
import { ConsoleLink } from '../console/console-link.js';

const useStyles = makeStyles({
  heading: { margin: 0 },
  summary: { color: tokens.colorNeutralForeground2 },
  empty: { color: tokens.colorNeutralForeground3 },
});

/**
 * One block of the home page: a heading, a line that sums it up, its entries (or a sentence that
 * says what to do while it has none) and a link to where all of them are.
 */
export function HomeSection(props: {
  title: string;
  summary?: ReactNode;
  isEmpty?: boolean;
  empty?: ReactNode;
  more?: { to: string; label: string };
  children?: ReactNode;
}) {
  const styles = useStyles();
  const cards = useCardStyles();
  const headingId = useId();
  return (
    <section className={cards.card} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={400} weight="semibold" className={styles.heading}>
        {props.title}
      </Text>
      {props.summary && <Text className={styles.summary}>{props.summary}</Text>}
      {props.isEmpty ? <Text className={styles.empty}>{props.empty}</Text> : props.children}
      {props.more && <ConsoleLink to={props.more.to}>{props.more.label}</ConsoleLink>}
    </section>
  );
}
