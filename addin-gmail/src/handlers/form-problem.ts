import { DomainError } from '@inbox-crm/shared';

/** A bad choice in a card's form (nothing ticked, an empty note): the card says what to do. */
export class FormProblem extends DomainError {
  constructor(message: string) {
    super('validation_failed', message);
  }
}
