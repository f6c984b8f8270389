import { Link, makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const useStyles = makeStyles({
  chart: { minWidth: 0, width: '100%' },
  title: { margin: 0, color: tokens.colorNeutralForeground2 },
  figures: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`,
  },
  figure: { display: 'flex', flexDirection: 'column' },
  note: { color: tokens.colorNeutralForeground3 },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
});

/**
 * The charts' bars take focus and answer a click; Enter or Space on a focused bar clicks it, so
 * that opening the records behind a bar works from the keyboard too.
 */
function clickFocusedBar(event: KeyboardEvent<HTMLElement>): void {
  const bar = event.target;
  if ((event.key !== 'Enter' && event.key !== ' ') || !(bar instanceof SVGElement)) return;
  if (bar.getAttribute('role') !== 'option') return;
  event.preventDefault();
  bar.dispatchEvent(new MouseEvent('click', { bubbles: true }));
}

/**
 * Draws its chart again when its width changes (a window resized, a phone turned): the charts
 * measure their width once, when drawn, and would otherwise be cut or left narrow.
 */
export function FittingChart({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(([entry]) =>
      setWidth(Math.round((entry?.contentRect.width ?? 0) / 8)),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} style={{ minWidth: 0 }}>
      <div key={width}>{children}</div>
    </div>
  );
}

/**
 * A stacked bar chart's points have no click of their own, only the chart's one `onBarClick`:
 * this calls the `onClick` a point was given.
 */
export const clickStackedPoint = (_event: unknown, point: object): void =>
  (point as { onClick?: () => void }).onClick?.();

/** One chart of a report, titled; the report's "Save chart" saves the first. */
export function ChartBlock({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <figure className={styles.chart} aria-label={title} style={{ margin: 0 }} onKeyDown={clickFocusedBar}>
      <Text as="h3" size={300} weight="semibold" className={styles.title}>
        {title}
      </Text>
      <FittingChart>{children}</FittingChart>
    </figure>
  );
}

/**
 * A few headline numbers side by side: "Win rate 50%", "Median cycle 10 days". A number that
 * counts records (given `open`) is a link to them.
 */
export function Figures({ items }: { items: [label: string, value: string, open?: () => void][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.figures} style={{ margin: 0 }}>
      {items.map(([label, value, open]) => (
        <div key={label} className={styles.figure}>
          <dt>
            <Text size={200} className={styles.note}>
              {label}
            </Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Text size={500} weight="semibold">
              {open ? (
                <Link onClick={open} aria-label={`${label}: ${value}, open the list`}>
                  {value}
                </Link>
              ) : (
                value
              )}
            </Text>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ChartNote({ children }: { children: ReactNode }) {
  return <Text className={useStyles().note}>{children}</Text>;
}

/** Which currency a money chart shows: amounts in different currencies are never drawn on one axis. */
export function CurrencyTabs(props: {
  currencies: string[];
  value: string;
  onChange: (currency: string) => void;
}) {
  if (props.currencies.length < 2) return null;
  return (
    <TabList
      size="small"
      aria-label="Currency"
      selectedValue={props.value}
      onTabSelect={(_, data) => props.onChange(String(data.value))}
    >
      {props.currencies.map((currency) => (
        <Tab key={currency} value={currency}>
          {currency}
        </Tab>
      ))}
    </TabList>
  );
}

/** A money axis in the major unit, compact: 12K, 1.5M. */
export const compactNumber = (value: number | { valueOf(): number }) =>
  new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(Number(value));

/** What every bar chart of the reports shares: its height, bars that use the width, room for the axis labels. */
export const BAR_CHART = {
  height: 320,
  barWidth: 'auto',
  maxBarWidth: 48,
  xAxisInnerPadding: 0.25,
  xAxisOuterPadding: 0.15,
  margins: { left: 64, right: 16 },
  hideLabels: true,
  wrapXAxisLables: true,
} as const;

/** A table that scrolls sideways on a narrow screen rather than running off it. */
export function ScrollingTable({ children }: { children: ReactNode }) {
  return <div className={useStyles().scroll}>{children}</div>;
}

/** 5.5 → "5.5 h"; 210 → "8.8 days". */
export const duration = (hours: number | null) =>
  hours === null ? '–' : hours < 48 ? `${hours} h` : `${Math.round((hours / 24) * 10) / 10} days`;
