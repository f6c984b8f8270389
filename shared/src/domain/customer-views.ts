import type { SenderView } from '../schemas/lookup.js';

const NOT_A_CUSTOMER = new Set<SenderView['reason']['kind']>(['own_domain', 'invalid_address']);

/** Whether a party of a message is a colleague (on the organisation's own domains) or no address at all. */
export const isColleagueOrInvalid = (view: SenderView): boolean => NOT_A_CUSTOMER.has(view.reason.kind);

const NO_CONTACT_FOR = new Set<SenderView['reason']['kind']>([...NOT_A_CUSTOMER, 'suppressed']);

/** Whether a pane may offer to make this party a contact: someone outside, known to no contact, not forgotten. */
export const canBecomeContact = (view: SenderView): boolean =>
  view.contact === null && view.address !== null && !NO_CONTACT_FOR.has(view.reason.kind);

/**
 * The parties a pane lists for a message: everyone outside the organisation with a usable address,
 * in the order asked; a message among colleagues only lists them, so the pane still says who it is.
 */
export function customerViews(views: readonly SenderView[]): SenderView[] {
  const customers = views.filter((view) => !isColleagueOrInvalid(view));
  return customers.length > 0 ? customers : [...views];
}
