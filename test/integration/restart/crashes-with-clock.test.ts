import { ownEmbedded } from '../../support/own-embedded';
import { routesCrashTests } from './routes-crash';
import { stepFunctionsCrashTests } from './stepfunctions-crash';
import { substitutionCrashTests } from './substitution-crash';

// The crash tests that also move the clock, one after the other on ONE embedded default of their
// own: one start instead of three. Each reads the clock's now and moves it forward from there only
// (never to a fixed date), works on data of its own and asserts on that data only (its document's
// reminder, its own notification subject, its own substitution), so a clock that an earlier test
// moved is just another "today" to it. A test that fails halfway leaves the process down, and the
// next one starts it again first (upBeforeEach).
const embedded = ownEmbedded({ upBeforeEach: true });

stepFunctionsCrashTests(embedded);
routesCrashTests(embedded);
substitutionCrashTests(embedded);
