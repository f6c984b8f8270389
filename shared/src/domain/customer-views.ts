import type { SenderView } from '../schemas/lookup.js';

const NOT_A_CUSTOMER = new Set<SenderView['reason']['kind']>(['own_domain', 'invalid_address']);

/** Whether a party of a message is a colleague (on the organisation's own domains) or no address at all. */
export const isColleagueOrInvalid = (view: SenderView): boolean => NOT_A_CUSTOMER.has(view.reason.kind);

/**
 * The parties a pane lists for a message: everyone outside the organisation with a usable address,
 * in the order asked; a message among colleagues only lists them, so the pane still says who it is.
 */
export function customerViews(views: readonly SenderView[]): SenderView[] {
  const customers = views.filter((view) => !isColleagueOrInvalid(view));
  return customers.length > 0 ? customers : [...views];
}
