import { OAuth2Client, type TokenPayload } from 'google-auth-library';

/** A token that is not Google's, not for us, expired or otherwise not to be trusted. */
export class UntrustedToken extends Error {}

/** Who Google is for this deployment: configuration, never code. */
export interface GoogleIdentity {
  /** The add-on's service account, service-PROJECT_NUMBER@gcp-sa-gsuiteaddons.iam.gserviceaccount.com */
  serviceAccount: string;
  /** The deployment's OAuth client id: the audience of the user's ID token. */
  oauthClientId: string;
}

export interface TokenVerifier {
  /** Passes when Google signed the token for this endpoint URL, as the add-on's service account. */
  verifySystemToken(token: string | undefined, endpointUrl: string): Promise<void>;
  /** The verified address of the Gmail user the event is for. */
  verifyUserToken(token: string | undefined): Promise<string>;
}

// Google sends the same ID tokens with every event of a user's hour: a token that verified is
// remembered by its exact text and audience until its expiry time, so a card costs no RSA signature
// check after the first. Only tokens that verified are remembered; their claims are checked each time.
const SWEEP_ABOVE_ENTRIES = 10_000;

/**
 * Checks Google's ID tokens with google-auth-library: signature against Google's published keys
 * (fetched and cached by the library), issuer, expiry and audience; then the signer's account.
 */
export function googleTokenVerifier(identity: GoogleIdentity): TokenVerifier {
  const client = new OAuth2Client();
  const verifiedTokens = new Map<string, { payload: TokenPayload; expiresAt: number }>();

  function remember(key: string, payload: TokenPayload): void {
    const moment = Date.now();
    if (verifiedTokens.size >= SWEEP_ABOVE_ENTRIES) {
      for (const [cachedKey, entry] of verifiedTokens)
        if (entry.expiresAt <= moment) verifiedTokens.delete(cachedKey);
    }
    if (verifiedTokens.size < SWEEP_ABOVE_ENTRIES)
      verifiedTokens.set(key, { payload, expiresAt: payload.exp * 1000 });
  }

  async function verified(token: string | undefined, audience: string): Promise<TokenPayload> {
    if (!token) throw new UntrustedToken('No ID token came with the request.');
    const key = `${audience}\n${token}`;
    const known = verifiedTokens.get(key);
    if (known && known.expiresAt > Date.now()) return known.payload;
    let payload: TokenPayload | undefined;
    try {
      payload = (await client.verifyIdToken({ idToken: token, audience })).getPayload();
    } catch (error) {
      // The library's messages may end with the token's claims; only the reason is kept, for logs.
      const reason = error instanceof Error ? error.message.split(':')[0]! : 'The ID token did not verify.';
      throw new UntrustedToken(reason);
    }
    if (!payload) throw new UntrustedToken('The ID token carries no claims.');
    remember(key, payload);
    return payload;
  }

  return {
    async verifySystemToken(token, endpointUrl) {
      const payload = await verified(token, endpointUrl);
      if (payload.email !== identity.serviceAccount || payload.email_verified !== true) {
        throw new UntrustedToken('The ID token was not issued to this add-on’s service account.');
      }
    },
    async verifyUserToken(token) {
      const payload = await verified(token, identity.oauthClientId);
      if (!payload.email || payload.email_verified !== true) {
        throw new UntrustedToken('The user’s ID token carries no verified address.');
      }
      return payload.email.toLowerCase();
    },
  };
}
