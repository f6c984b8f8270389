import { v5 as uuidV5 } from 'uuid';
import { deploymentBaseUrl } from './base-url.js';

/** Add-in ids derived from a deployment's URL live in a namespace of our own. */
const ADD_IN_ID_NAMESPACE = '8c5d3f2e-1b7a-4e9c-a0d6-3f4b5c6d7e8f';

/** The Outlook add-in id of a deployment at `baseUrl`: the same every time it is generated. */
export const addInIdFor = (baseUrl: string) => uuidV5(deploymentBaseUrl(baseUrl), ADD_IN_ID_NAMESPACE);
