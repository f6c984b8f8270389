/**
 * The advisory lock key that serialises work on one address of an organisation: a website form
 * making its contact, an erasure forgetting it.
 */
export const addressLock = (orgId: string, email: string) => `contact-address:${orgId}:${email}`;
