import { v5 as uuidV5 } from 'uuid';

/** Add-in ids derived from a deployment's URL live in a namespace of our own. */
const ADD_IN_ID_NAMESPACE = '8c5d3f2e-1b7a-4e9c-a0d6-3f4b5c6d7e8f';

/** The Outlook add-in id of a deployment at `baseUrl` (its origin): the same every time. */
export const addInIdFor = (baseUrl: string) => uuidV5(new URL(baseUrl).origin, ADD_IN_ID_NAMESPACE);
