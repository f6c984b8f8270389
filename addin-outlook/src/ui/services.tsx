import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient, User } from '@inbox-crm/shared/client';
import type { Mailbox } from '../office/open-message.js';

interface Services {
  api: ApiClient;
  user: User;
  mailbox: Mailbox | null;
  signOut: () => void;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ value, children }: { value: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

/** The API client, the signed-in user and (in the task pane) the mailbox. */
export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs a ServicesProvider above it.');
  return services;
}

/** The mailbox, where a component only makes sense inside Outlook. */
export function useMailbox(): Mailbox {
  const { mailbox } = useServices();
  if (!mailbox) throw new Error('This part of the app runs only inside Outlook.');
  return mailbox;
}
