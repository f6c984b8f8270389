// What the system suites render: the app with its session, the pane's first view, and the fake Outlook host.
export { App, type Surface } from './app.js';
export { createPageSession, type PageSession } from './api/page-session.js';
export { connectMailbox, type MailboxConnection } from './office/office-mailbox.js';
export { installFakeOffice, type FakeMessage, type FakeOfficeSetup } from './office/fake-office.js';
export { drawFirstView } from './features/pane/first-view.js';
export { FIRST_VIEW_LIGHT } from './features/pane/first-view-theme.js';
