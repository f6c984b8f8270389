import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { slaClockWords, type CaseSla, type SlaClockState } from '@inbox-crm/shared/client';
import { formatMoment } from '../../ui/format.js';
import { useServices } from '../../ui/services.js';
import { slaLoader } from './sla-loader.js';

const useStyles = makeStyles({
  clocks: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  badge: {
    maxWidth: '100%',
    whiteSpace: 'normal',
    height: 'auto',
    textAlign: 'start',
    paddingBlock: tokens.spacingVerticalXXS,
  },
});

const COLOURS: Record<SlaClockState, 'informative' | 'warning' | 'danger' | 'success' | 'subtle'> = {
  running: 'informative',
  warning: 'warning',
  overdue: 'danger',
  paused: 'subtle',
  met: 'success',
  missed: 'danger',
};

/**
 * A case's service level clocks as badges ("First answer due in 45 min"); nothing when no policy
 * applies or the clocks cannot be read. `version` reads them again after the case changed;
 * `runningOnly` leaves out the clocks that stopped (for a queue's cards).
 */
export function SlaClocks(props: { caseId: string; version?: number; runningOnly?: boolean }) {
  const styles = useStyles();
  const { api } = useServices();
  const [sla, setSla] = useState<CaseSla | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const loader = slaLoader(api);
    if (props.version !== undefined) loader.forget(props.caseId);
    loader.load(props.caseId).then(
      (loaded) => current && setSla(loaded),
      () => current && setSla(undefined),
    );
    return () => {
      current = false;
    };
  }, [api, props.caseId, props.version]);
  const clocks = (sla?.clocks ?? []).filter(
    (clock) => !props.runningOnly || !['met', 'missed'].includes(clock.state),
  );
  if (clocks.length === 0) return null;
  const now = new Date();
  return (
    <span className={styles.clocks} role="group" aria-label="Service level">
      {clocks.map((clock) => (
        <Badge
          key={clock.kind}
          className={styles.badge}
          shape="rounded"
          appearance="tint"
          color={COLOURS[clock.state]}
          title={clock.dueAt ? `Due ${formatMoment(clock.dueAt)}` : undefined}
        >
          {slaClockWords(clock, now)}
        </Badge>
      ))}
    </span>
  );
}
