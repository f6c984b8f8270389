/** A bad choice in a card's form (nothing ticked, an empty note): the card says what to do. */
export class FormProblem extends Error {
  readonly statusCode = 400;
}
