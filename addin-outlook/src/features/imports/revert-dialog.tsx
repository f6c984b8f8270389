import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import type { Import } from '@inbox-crm/shared/client';
import { ModalDialog } from '../../ui/modal-dialog.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';

/** Asks before undoing an import, and says what will stay. */
export function RevertDialog(props: {
  item: Import;
  open: boolean;
  onClose: () => void;
  onAsked: (item: Import) => void;
}) {
  const { api } = useServices();
  const revert = useSubmission();
  return (
    <ModalDialog open={props.open} onClose={props.onClose}>
      <DialogBody>
        <DialogTitle>Revert {props.item.fileName}?</DialogTitle>
        <DialogContent>
          <Text>
            The records this import made are deleted, and the ones it changed get their earlier values back. A
            record someone has changed or used since (a task, a deal, filed mail) is left as it is.
          </Text>
          {revert.failure && <ProblemMessage error={revert.failure} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Keep the import</Button>
          <Button
            appearance="primary"
            disabled={revert.busy}
            onClick={() =>
              void revert.submit(async () => props.onAsked(await api.importStep(props.item.id, 'revert')))
            }
          >
            {revert.busy ? <Spinner size="tiny" label="Reverting…" /> : 'Revert the import'}
          </Button>
        </DialogActions>
      </DialogBody>
    </ModalDialog>
  );
}
