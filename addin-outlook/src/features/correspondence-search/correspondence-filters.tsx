import { Checkbox, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import {
  type ActivityKindCounts,
  type ActivitySearchSort,
  type ActivityType,
} from '@inbox-crm/shared/client';
import { onLocalDay } from '../../ui/local-days.js';
import { NamedSelect } from '../../ui/named-select.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import type { CorrespondenceQuery } from './correspondence-results.js';

const KIND_LABELS: Record<ActivityType, string> = {
  email: 'Emails',
  call: 'Calls',
  meeting: 'Meetings',
  note: 'Notes',
};
const KINDS = Object.keys(KIND_LABELS) as ActivityType[];

export interface CorrespondenceFilterValues {
  kind: ActivityType | '';
  sort: ActivitySearchSort;
  filedBy: string;
  participant: string;
  from: string;
  to: string;
  withAttachments: boolean;
}

export const NO_FILTERS: CorrespondenceFilterValues = {
  kind: '',
  sort: 'relevance',
  filedBy: '',
  participant: '',
  from: '',
  to: '',
  withAttachments: false,
};

/** The filters as the API takes them ("to" includes its whole day; a participant needs 3 characters). */
export function filterQuery(filters: CorrespondenceFilterValues): Omit<CorrespondenceQuery, 'q'> {
  const since = onLocalDay(filters.from)?.toISOString();
  const until = onLocalDay(filters.to, { days: 1 })?.toISOString();
  const participant = filters.participant.trim();
  return {
    sort: filters.sort,
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.filedBy ? { filedBy: filters.filedBy } : {}),
    ...(participant.length >= 3 ? { participant } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    ...(filters.withAttachments ? { hasAttachments: true } : {}),
  };
}

const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(10rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    '& > *': { minWidth: 0 },
  },
  control: { minWidth: 0, width: '100%' },
});

/** "Emails (12)", "Emails (more than 1,000)". */
function kindLabel(kind: ActivityType, counts: ActivityKindCounts | undefined): string {
  const count = counts?.[kind];
  if (!count) return KIND_LABELS[kind];
  return `${KIND_LABELS[kind]} (${count.capped ? 'more than ' : ''}${count.value.toLocaleString('en')})`;
}

/** Kind (with each kind's count), order, who filed it, a participant, dates and attachments. */
export function CorrespondenceFilters({
  filters,
  counts,
  onChange,
}: {
  filters: CorrespondenceFilterValues;
  counts: ActivityKindCounts | undefined;
  onChange: (change: Partial<CorrespondenceFilterValues>) => void;
}) {
  const styles = useStyles();
  const { api } = useServices();
  const users = useRequest('users', () => api.users());
  const participantLength = filters.participant.trim().length;
  const shortParticipant = participantLength > 0 && participantLength < 3;
  return (
    <div className={styles.filters}>
      <Field label="Kind">
        <Select
          className={styles.control}
          value={filters.kind}
          onChange={(_, data) => onChange({ kind: data.value as ActivityType | '' })}
        >
          <option value="">Everything</option>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind, counts)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Order">
        <Select
          className={styles.control}
          value={filters.sort}
          onChange={(_, data) => onChange({ sort: data.value as ActivitySearchSort })}
        >
          <option value="relevance">Best match</option>
          <option value="newest">Newest first</option>
        </Select>
      </Field>
      <NamedSelect
        label="Filed or logged by"
        none="Anyone"
        value={filters.filedBy}
        items={users.state.status === 'done' ? users.state.data.items : []}
        onChange={(filedBy) => onChange({ filedBy })}
      />
      <Field
        label="Sender or recipient"
        validationState={shortParticipant ? 'warning' : 'none'}
        validationMessage={
          shortParticipant ? 'Type at least 3 characters: a domain or an address.' : undefined
        }
      >
        <Input
          className={styles.control}
          value={filters.participant}
          placeholder="acme.com or an address"
          onChange={(_, data) => onChange({ participant: data.value })}
        />
      </Field>
      <Field label="Since">
        <Input
          className={styles.control}
          type="date"
          value={filters.from}
          onChange={(_, data) => onChange({ from: data.value })}
        />
      </Field>
      <Field label="Until">
        <Input
          className={styles.control}
          type="date"
          value={filters.to}
          onChange={(_, data) => onChange({ to: data.value })}
        />
      </Field>
      <Checkbox
        label="With attachments"
        checked={filters.withAttachments}
        onChange={(_, data) => onChange({ withAttachments: data.checked === true })}
      />
    </div>
  );
}
