// A stand-in for Outlook's side of Office.js, for component tests (happy-dom) and browser tests.
// installFakeOffice must stay self-contained: browser tests send its source text into the page.

export interface FakeRecipient {
  emailAddress: string;
  displayName: string;
}

export interface FakeMessage {
  itemId: string;
  internetMessageId?: string;
  conversationId?: string;
  subject: string;
  from?: FakeRecipient;
  to: FakeRecipient[];
  cc?: FakeRecipient[];
  /** ISO 8601 */
  dateTimeCreated: string;
  bodyText?: string;
  bodyHtml?: string;
  attachments?: FakeAttachment[];
  /** The raw internet headers (In-Reply-To, References, …), read from Mailbox 1.8. */
  internetHeaders?: string;
  /** A draft (compose mode) instead of a received or sent message. */
  compose?: boolean;
  /** Set when the item sits in a shared or delegated mailbox. */
  sharedMailbox?: string;
  /** Makes the item a calendar appointment instead of a message. */
  meeting?: FakeMeeting;
}

export interface FakeMeeting {
  /** ISO 8601 */
  start: string;
  end: string;
  organizer: FakeRecipient;
  required: FakeRecipient[];
  optional?: FakeRecipient[];
  location?: string;
  /** The user organises it (compose mode) rather than being invited (read mode). */
  organizerMode?: boolean;
}

export interface FakeAttachment {
  name: string;
  contentType: string;
  size: number;
  isInline?: boolean;
  contentId?: string;
  /** The file, base64, as getAttachmentContentAsync answers it (Mailbox 1.8); none: a cloud file. */
  contentBase64?: string;
}

export interface FakeOfficeSetup {
  userAddress: string;
  userName?: string;
  messages: FakeMessage[];
  /** Index of the selected message; null when nothing is selected. */
  selected: number | null;
  /** Highest Mailbox requirement set the fake host supports. */
  mailboxVersion?: string;
  bodyBackgroundColor?: string;
  /**
   * How long the host takes to read a message's internet headers: Outlook on the web asks its
   * server for them. None: at once.
   */
  internetHeadersDelayMs?: number;
}

/** What a test steers the fake host with (window.fakeOutlook in a browser). */
export interface FakeOutlookControl {
  /** Selects another message (or none) and fires ItemChanged, as a pinned pane sees it. */
  select(index: number | null): void;
  /** Replaces a draft's To line and fires RecipientsChanged. */
  setDraftRecipients(to: FakeRecipient[]): void;
  /** Switches Outlook's theme and fires OfficeThemeChanged, as Outlook does from Mailbox 1.14. */
  setTheme(bodyBackgroundColor: string): void;
  /** Selects several messages at once and fires SelectedItemsChanged (Mailbox 1.13). */
  selectMany(indexes: number[]): void;
  /** Answers the internet headers asked for so far without waiting out their delay. */
  answerInternetHeaders(): void;
  /** How often the bodies were read: opening a message must not read them. */
  bodyReads: number;
  /** The most items loaded by loadItemByIdAsync at once: Outlook allows one. */
  mostLoadedAtOnce: number;
}

export function installFakeOffice(setup: FakeOfficeSetup): FakeOutlookControl {
  const scope = globalThis as unknown as {
    Office?: Record<string, unknown>;
    fakeOutlook?: FakeOutlookControl;
  };
  const office = (scope.Office ??= {
    onReady: (callback?: (info: unknown) => void) => {
      const info = { host: 'Outlook', platform: 'OfficeOnline' };
      callback?.(info);
      return Promise.resolve(info);
    },
  });
  const succeeded = (value: unknown) => ({ status: 'succeeded', value });
  const handlers = new Map<string, (args?: unknown) => void>();
  const itemHandlers = new Map<string, () => void>();
  const versionOf = (version: string) => version.split('.').map(Number) as [number, number];
  const [maxMajor, maxMinor] = versionOf(setup.mailboxVersion ?? '1.15');

  let selectedMany: number[] = [];
  let loaded = 0;
  const headerAnswers = new Set<() => void>();
  const answerOnce = (answer: () => void) => headerAnswers.delete(answer) && answer();
  const control: FakeOutlookControl = {
    answerInternetHeaders() {
      headerAnswers.forEach(answerOnce);
    },
    bodyReads: 0,
    mostLoadedAtOnce: 0,
    select(index) {
      setup.selected = index;
      selectedMany = [];
      itemHandlers.clear();
      handlers.get('olkItemSelectedChanged')?.();
    },
    selectMany(indexes) {
      selectedMany = indexes;
      setup.selected = indexes.length === 1 ? indexes[0]! : null;
      itemHandlers.clear();
      handlers.get('olkSelectedItemsChanged')?.();
    },
    setTheme(bodyBackgroundColor) {
      (office.context as Record<string, unknown>).officeTheme = { bodyBackgroundColor };
      handlers.get('officeThemeChanged')?.({ officeTheme: { bodyBackgroundColor } });
    },
    setDraftRecipients(to) {
      const message = setup.selected === null ? undefined : setup.messages[setup.selected];
      if (!message) return;
      message.to = to;
      itemHandlers.get('olkRecipientsChanged')?.();
    },
  };

  function readItem(message: FakeMessage) {
    return {
      itemType: 'message',
      itemId: message.itemId,
      internetMessageId: message.internetMessageId ?? '',
      conversationId: message.conversationId ?? '',
      subject: message.subject,
      from: message.from,
      to: message.to,
      cc: message.cc ?? [],
      dateTimeCreated: new Date(message.dateTimeCreated),
      attachments: (message.attachments ?? []).map(({ contentBase64, ...attachment }, index) => ({
        id: `attachment-${index}`,
        isInline: false,
        attachmentType: contentBase64 === undefined ? 'cloud' : 'file',
        ...attachment,
      })),
      ...(maxMajor > 1 || maxMinor >= 8
        ? {
            getAllInternetHeadersAsync(callback: (result: unknown) => void) {
              const answer = () => callback(succeeded(message.internetHeaders ?? ''));
              if (!setup.internetHeadersDelayMs) return answer();
              headerAnswers.add(answer);
              setTimeout(() => answerOnce(answer), setup.internetHeadersDelayMs);
            },
            getAttachmentContentAsync(id: string, callback: (result: unknown) => void) {
              const attachment = (message.attachments ?? [])[Number(id.replace('attachment-', ''))];
              const content = attachment?.contentBase64;
              callback(
                content === undefined
                  ? succeeded({ format: 'url', content: `https://files.example/${attachment?.name ?? ''}` })
                  : succeeded({ format: 'base64', content }),
              );
            },
          }
        : {}),
      body: {
        getAsync(coercion: string, callback: (result: unknown) => void) {
          control.bodyReads += 1;
          callback(succeeded(coercion === 'html' ? (message.bodyHtml ?? '') : (message.bodyText ?? '')));
        },
      },
    };
  }

  function composeItem(message: FakeMessage) {
    const field = (read: () => FakeRecipient[]) => ({
      getAsync: (callback: (result: unknown) => void) => callback(succeeded(read())),
    });
    return {
      itemType: 'message',
      conversationId: message.conversationId ?? '',
      subject: { getAsync: (callback: (result: unknown) => void) => callback(succeeded(message.subject)) },
      to: field(() => message.to),
      cc: field(() => message.cc ?? []),
      addHandlerAsync: (type: string, handler: () => void) => itemHandlers.set(type, handler),
      removeHandlerAsync: (type: string) => itemHandlers.delete(type),
    };
  }

  function appointmentItem(message: FakeMessage, meeting: FakeMeeting) {
    if (!meeting.organizerMode) {
      return {
        itemType: 'appointment',
        itemId: message.itemId,
        subject: message.subject,
        start: new Date(meeting.start),
        end: new Date(meeting.end),
        organizer: meeting.organizer,
        requiredAttendees: meeting.required,
        optionalAttendees: meeting.optional ?? [],
        location: meeting.location ?? '',
      };
    }
    const field = (read: () => unknown) => ({
      getAsync: (callback: (result: unknown) => void) => callback(succeeded(read())),
    });
    return {
      itemType: 'appointment',
      subject: field(() => message.subject),
      start: field(() => new Date(meeting.start)),
      end: field(() => new Date(meeting.end)),
      organizer: field(() => meeting.organizer),
      requiredAttendees: field(() => meeting.required),
      optionalAttendees: field(() => meeting.optional ?? []),
      location: field(() => meeting.location ?? ''),
      addHandlerAsync: (type: string, handler: () => void) => itemHandlers.set(type, handler),
      removeHandlerAsync: (type: string) => itemHandlers.delete(type),
    };
  }

  const selectionApi =
    maxMajor > 1 || maxMinor >= 13
      ? {
          getSelectedItemsAsync(callback: (result: unknown) => void) {
            const indexes =
              selectedMany.length > 0 ? selectedMany : setup.selected === null ? [] : [setup.selected];
            callback(
              succeeded(
                indexes.map((index) => {
                  const message = setup.messages[index]!;
                  return {
                    itemId: message.itemId,
                    itemType: message.meeting ? 'appointment' : 'message',
                    itemMode: message.compose ? 'compose' : 'read',
                    subject: message.subject,
                    hasAttachment: (message.attachments ?? []).length > 0,
                  };
                }),
              ),
            );
          },
        }
      : {};
  const loadingApi =
    maxMajor > 1 || maxMinor >= 15
      ? {
          loadItemByIdAsync(itemId: string, callback: (result: unknown) => void) {
            const message = setup.messages.find((candidate) => candidate.itemId === itemId);
            if (!message) {
              callback({ status: 'failed', error: { message: 'The item was not found.' } });
              return;
            }
            loaded += 1;
            control.mostLoadedAtOnce = Math.max(control.mostLoadedAtOnce, loaded);
            callback(
              succeeded({
                ...readItem(message),
                unloadAsync(done?: (result: unknown) => void) {
                  loaded -= 1;
                  done?.(succeeded(undefined));
                },
              }),
            );
          },
        }
      : {};

  const mailbox = {
    ...selectionApi,
    ...loadingApi,
    userProfile: { emailAddress: setup.userAddress, displayName: setup.userName ?? setup.userAddress },
    get item() {
      const message = setup.selected === null ? undefined : setup.messages[setup.selected];
      if (!message) return null;
      const item: Record<string, unknown> = message.meeting
        ? appointmentItem(message, message.meeting)
        : message.compose
          ? composeItem(message)
          : readItem(message);
      if (message.sharedMailbox) {
        const shared = { targetMailbox: message.sharedMailbox, owner: message.sharedMailbox };
        item.getSharedPropertiesAsync = (callback: (result: unknown) => void) => callback(succeeded(shared));
      }
      return item;
    },
    addHandlerAsync: (type: string, handler: (args?: unknown) => void) => handlers.set(type, handler),
    removeHandlerAsync: (type: string) => handlers.delete(type),
  };

  const context = {
    mailbox,
    officeTheme: setup.bodyBackgroundColor ? { bodyBackgroundColor: setup.bodyBackgroundColor } : undefined,
    requirements: {
      isSetSupported(name: string, version = '1.1') {
        const [major, minor] = versionOf(version);
        return name === 'Mailbox' && (major < maxMajor || (major === maxMajor && minor <= maxMinor));
      },
    },
  };
  // Office.js completes these once it knows its host (without one they lack Outlook's members),
  // and may rebuild them while it starts: so they are merged in now and again once it is ready.
  const enums: Record<string, Record<string, unknown>> = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    EventType: {
      ItemChanged: 'olkItemSelectedChanged',
      RecipientsChanged: 'olkRecipientsChanged',
      OfficeThemeChanged: 'officeThemeChanged',
      SelectedItemsChanged: 'olkSelectedItemsChanged',
    },
  };
  const attach = () => {
    for (const [name, members] of Object.entries(enums))
      office[name] = { ...(office[name] as object), ...members };
    if (office.context) Object.assign(office.context as object, context);
    else office.context = context;
  };
  attach();
  (office.onReady as (callback: () => void) => unknown)(attach);
  scope.fakeOutlook = control;
  return control;
}
