import type { CardActions } from '../cards/card-actions.js';

/** What every view needs besides its data: how to make a button call an action, and where the console is. */
export interface ViewContext {
  actions: CardActions;
  /** The CRM's public URL, e.g. https://crm.example.com */
  publicUrl: string;
}
