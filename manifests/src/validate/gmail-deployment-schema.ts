import { Type } from 'typebox';
import { Value } from 'typebox/value';

// Google's documented shape of an HTTP add-on deployment (the parts our add-on for Gmail and Calendar uses);
// Google publishes no machine-readable schema of it, so this one is ours and strict.
const HttpsUrl = Type.String({ pattern: '^https://[^\\s]+$' });
const strict = { additionalProperties: false } as const;

const GmailDeploymentSchema = Type.Object(
  {
    oauthScopes: Type.Array(Type.String({ pattern: '^https://www\\.googleapis\\.com/auth/[a-z.]+$' }), {
      minItems: 1,
    }),
    addOns: Type.Object(
      {
        common: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 50 }),
            logoUrl: HttpsUrl,
            homepageTrigger: Type.Object({ runFunction: HttpsUrl }, strict),
          },
          strict,
        ),
        gmail: Type.Object(
          {
            contextualTriggers: Type.Array(
              Type.Object({ unconditional: Type.Object({}, strict), onTriggerFunction: HttpsUrl }, strict),
              { minItems: 1 },
            ),
            composeTrigger: Type.Object(
              {
                actions: Type.Array(
                  Type.Object(
                    { runFunction: HttpsUrl, label: Type.String({ minLength: 1 }), logoUrl: HttpsUrl },
                    strict,
                  ),
                  {
                    minItems: 1,
                  },
                ),
                draftAccess: Type.Union([Type.Literal('NONE'), Type.Literal('METADATA')]),
              },
              strict,
            ),
          },
          strict,
        ),
        calendar: Type.Optional(
          Type.Object(
            {
              eventOpenTrigger: Type.Object({ runFunction: HttpsUrl }, strict),
              currentEventAccess: Type.Union([
                Type.Literal('METADATA'),
                Type.Literal('READ'),
                Type.Literal('WRITE'),
                Type.Literal('READ_WRITE'),
              ]),
            },
            strict,
          ),
        ),
        httpOptions: Type.Object(
          {
            authorizationHeader: Type.Union([
              Type.Literal('SYSTEM_ID_TOKEN'),
              Type.Literal('USER_ID_TOKEN'),
              Type.Literal('NONE'),
            ]),
          },
          strict,
        ),
      },
      strict,
    ),
  },
  strict,
);

/** What is wrong with a Gmail deployment descriptor, in sentences; empty when it has Google's shape. */
export function gmailDeploymentProblems(descriptor: unknown): string[] {
  return [...Value.Errors(GmailDeploymentSchema, descriptor)].map(
    (error) => `${error.instancePath || '/'} ${error.message}`,
  );
}
