/** A base URL the add-ins cannot be deployed at, with the reason in a sentence. */
export class ManifestError extends Error {}

/**
 * The deployment's base URL, checked: Office and Google load add-ins over https only, and the
 * endpoints hang off the URL's root, so it may not carry a path, query or fragment.
 */
export function deploymentBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ManifestError(`"${raw}" is not a URL.`);
  }
  if (url.protocol !== 'https:') {
    throw new ManifestError(
      `The add-ins need an https address; "${raw}" is ${url.protocol.replace(':', '')}.`,
    );
  }
  if (
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw new ManifestError(
      `Give the server's address without a path, query or credentials (like https://crm.example.com), not "${raw}".`,
    );
  }
  return url.origin;
}
