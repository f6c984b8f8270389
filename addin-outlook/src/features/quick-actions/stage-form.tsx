import { Field, makeStyles, Select, Text } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { SenderView } from '@inbox-crm/shared/client';
import { FormActions } from '../../ui/form-actions.js';
import { usePanelStyles } from '../../ui/panel-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { useRequest } from '../../ui/use-request.js';

// A field is a grid whose one column is as wide as its widest content, and a <select> is as wide as
// its longest choice: a long deal name pushed both out of the card at 320 px. The column may now
// shrink to the card, and the chosen text is cut with an ellipsis (the full list opens on click).
const useStyles = makeStyles({
  field: { gridTemplateColumns: 'minmax(0, 1fr)' },
  select: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

interface Props {
  view: SenderView;
  onDone: (summary: string) => void;
  onCancel: () => void;
}

/** Moves one of the person's open opportunities to another pipeline stage. */
export function StageForm({ view, onDone, onCancel }: Props) {
  const styles = usePanelStyles();
  const fit = useStyles();
  const { api } = useServices();
  const stages = useRequest('stages', () => api.pipelineStages());
  const [opportunityId, setOpportunityId] = useState(view.opportunities[0]?.id ?? '');
  const opportunity = view.opportunities.find((candidate) => candidate.id === opportunityId);
  const [stageId, setStageId] = useState('');
  const { busy, failure, submit: run } = useSubmission();
  const stageList =
    stages.state.status === 'done' ? [...stages.state.data].sort((a, b) => a.position - b.position) : [];
  const current = stageList.find((stage) => stage.name === opportunity?.stage);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!opportunity) return;
    void run(async () => {
      // The sender view carries no version: read the record now, so a stale write is refused, not lost.
      const { version } = await api.getRecord('opportunity', opportunity.id);
      await api.updateOpportunity(opportunity.id, { version, stageId });
      const stage = stageList.find((candidate) => candidate.id === stageId);
      onDone(`${opportunity.name} moved to ${stage?.name ?? 'the new stage'}.`);
    });
  }

  return (
    <form className={styles.panel} aria-label="Move an opportunity" onSubmit={submit}>
      <Text weight="semibold">Move an opportunity</Text>
      <Field label="Opportunity" className={fit.field}>
        <Select
          className={fit.select}
          select={{
            className: fit.select,
            title: opportunity && `${opportunity.name} (${opportunity.stage})`,
          }}
          value={opportunityId}
          onChange={(_, data) => setOpportunityId(data.value)}
        >
          {view.opportunities.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name} ({candidate.stage})
            </option>
          ))}
        </Select>
      </Field>
      {stages.state.status === 'failed' && (
        <ProblemMessage error={stages.state.error} onRetry={stages.reload} />
      )}
      <Field label="New stage" required className={fit.field}>
        <Select
          className={fit.select}
          select={{ className: fit.select }}
          value={stageId}
          onChange={(_, data) => setStageId(data.value)}
        >
          <option value="" disabled>
            Pick a stage
          </option>
          {stageList.map((stage) => (
            <option key={stage.id} value={stage.id} disabled={stage.id === current?.id}>
              {stage.name}
              {/* A closing stage's name says how it ends ("Closed won"); an open one's adds its odds. */}
              {stage.kind === 'open' && ` (${stage.probability}%)`}
            </option>
          ))}
        </Select>
      </Field>
      {failure && <ProblemMessage error={failure} />}
      <FormActions
        label="Move"
        busyLabel="Saving…"
        busy={busy}
        disabled={stageId === '' || !opportunity}
        onCancel={onCancel}
      />
    </form>
  );
}
