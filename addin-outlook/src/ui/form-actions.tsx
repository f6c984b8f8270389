import { Button, Spinner } from '@fluentui/react-components';
import { usePanelStyles } from './panel-styles.js';

interface Props {
  label: string;
  busyLabel: string;
  busy: boolean;
  disabled?: boolean;
  /** Without it the primary button submits its form. */
  onClick?: () => void;
  onCancel: () => void;
}

/** A panel's primary action and its Cancel; the action shows a spinner while it runs. */
export function FormActions({ label, busyLabel, busy, disabled = false, onClick, onCancel }: Props) {
  const styles = usePanelStyles();
  return (
    <div className={styles.actions}>
      <Button
        appearance="primary"
        type={onClick ? 'button' : 'submit'}
        disabled={busy || disabled}
        onClick={onClick}
      >
        {busy ? <Spinner size="tiny" label={busyLabel} /> : label}
      </Button>
      <Button onClick={onCancel} disabled={busy}>
        Cancel
      </Button>
    </div>
  );
}
