import { Type, type Static } from 'typebox';

// Generous: what people type in a card (a long note) must reach the handler, which says what is too
// long; the body limit bounds the whole event.
const Text = Type.String({ maxLength: 200_000 });
const Token = Type.String({ maxLength: 10_000 });

/**
 * Google's event object as far as the add-on reads it (Google sends more; the rest is ignored).
 * Checked on the way in so that a handler never meets a shape it did not expect.
 */
export const AddOnEvent = Type.Object({
  commonEventObject: Type.Optional(
    Type.Object({
      hostApp: Type.Optional(Text),
      platform: Type.Optional(Text),
      userLocale: Type.Optional(Text),
      timeZone: Type.Optional(Type.Object({ id: Type.Optional(Text), offset: Type.Optional(Type.Number()) })),
      parameters: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Token)),
      formInputs: Type.Optional(
        Type.Record(
          Type.String({ maxLength: 100 }),
          Type.Object({
            stringInputs: Type.Optional(Type.Object({ value: Type.Array(Text, { maxItems: 200 }) })),
          }),
        ),
      ),
    }),
  ),
  authorizationEventObject: Type.Optional(
    Type.Object({
      userOAuthToken: Type.Optional(Token),
      systemIdToken: Type.Optional(Token),
      userIdToken: Type.Optional(Token),
    }),
  ),
  gmail: Type.Optional(
    Type.Object({
      messageId: Type.Optional(Type.String({ maxLength: 200 })),
      threadId: Type.Optional(Type.String({ maxLength: 200 })),
      accessToken: Type.Optional(Token),
      toRecipients: Type.Optional(Type.Array(Text, { maxItems: 500 })),
      ccRecipients: Type.Optional(Type.Array(Text, { maxItems: 500 })),
      bccRecipients: Type.Optional(Type.Array(Text, { maxItems: 500 })),
    }),
  ),
  calendar: Type.Optional(
    Type.Object({
      calendarId: Type.Optional(Type.String({ maxLength: 500 })),
      id: Type.Optional(Type.String({ maxLength: 1024 })),
      recurringEventId: Type.Optional(Type.String({ maxLength: 1024 })),
    }),
  ),
});
export type AddOnEvent = Static<typeof AddOnEvent>;

/** The values a card's form sent under `name` (a text field gives one, checkboxes several). */
export function formValues(event: AddOnEvent, name: string): string[] {
  return event.commonEventObject?.formInputs?.[name]?.stringInputs?.value ?? [];
}

/** A parameter of the clicked action. */
export const actionParameter = (event: AddOnEvent, key: string): string | undefined =>
  event.commonEventObject?.parameters?.[key];
