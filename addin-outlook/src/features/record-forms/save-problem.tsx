import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { ApiError } from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';

/**
 * Why a save was refused: someone saved first (the server names them), with a way to load their
 * version; otherwise the reason in words, unless the form already shows it beside its fields.
 */
export function SaveProblem(props: {
  error: ApiError | null;
  /** True when the form shows the refusal beside the fields it concerns. */
  placed?: boolean;
  loadLabel?: string;
  onLoadLatest: () => void;
}) {
  const { error } = props;
  if (!error) return null;
  if (error.code === 'stale_version') {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{error.message}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={props.onLoadLatest}>{props.loadLabel ?? 'Load their version'}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return props.placed ? null : <ProblemMessage error={error} />;
}
