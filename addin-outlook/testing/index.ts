// The Outlook app's test kit, for browser tests and benchmarks in Node: Chromium, Microsoft's
// Office.js served offline, and a fake Outlook host behind it. The app itself never imports it.
export { CHROMIUM_PATH, launchChromium } from './chromium.js';
export { serveOfficeJs } from './office-host.js';
export {
  installFakeOffice,
  type FakeMessage,
  type FakeOfficeSetup,
  type FakeOutlookControl,
} from '../src/office/fake-office.js';
