import {
  choiceKey,
  preselectedKeys,
  RECORD_TYPE_NAMES,
  suggestedChoices,
  type LookupResult,
} from '@inbox-crm/shared';
import {
  button,
  buttons,
  card,
  checkboxes,
  escapeCardText,
  paragraph,
  section,
} from '../cards/card-builder.js';
import type { Card } from '../cards/card-model.js';
import type { ViewContext } from './view-context.js';

/** The form field that carries the ticked records, as "type:id". */
export const RECORDS_FIELD = 'records';
/** The form field that files the email as private (its one value when ticked). */
export const PRIVATE_FIELD = 'private';

/** Pick the records to file the message to: the sender's contact and account ticked already. */
export function filingCard(result: LookupResult, context: ViewContext, locale: string | undefined): Card {
  const linked = new Set((result.filing?.links ?? []).map(choiceKey));
  const ticked = preselectedKeys(result, result.filing);
  const choices = suggestedChoices(result, result.filing, { locale, others: result.others }).filter(
    (choice) => !linked.has(choiceKey(choice)),
  );
  if (choices.length === 0) {
    return card({ title: 'File this email' }, [
      section(null, [
        paragraph(
          escapeCardText(
            'There is no record of this sender to file to. Create the contact first, or file from the console.',
          ),
        ),
      ]),
    ]);
  }
  return card(
    {
      title: 'File this email',
      subtitle: result.filing?.filed ? 'It is filed already; add records' : undefined,
    },
    [
      section(null, [
        checkboxes(
          RECORDS_FIELD,
          'Records',
          choices.map((choice) => ({
            text: `${choice.name} (${RECORD_TYPE_NAMES[choice.type]})`,
            value: choiceKey(choice),
            selected: ticked.has(choiceKey(choice)),
            ...(choice.detail ? { bottomText: choice.detail } : {}),
          })),
        ),
        ...(result.filing?.filed
          ? []
          : [
              checkboxes(PRIVATE_FIELD, 'Who can read it', [
                {
                  text: 'Private: only I, my manager and admins',
                  value: 'yes',
                  selected: false,
                },
              ]),
            ]),
        buttons(button('File', context.actions.call('file'), 'FILLED')),
      ]),
    ],
  );
}
