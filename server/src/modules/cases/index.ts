export { caseRoutes } from './routes.js';
export { findCaseByNumber, loadCase } from './repository.js';
export {
  answeredCaseIn,
  casesService,
  changeCaseIn,
  openCaseIn,
  reopenCaseIn,
  type CaseFromMail,
} from './service.js';
