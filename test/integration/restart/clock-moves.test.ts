import { awaitingResolutionTests } from '../execution/awaiting-resolution';
import { noReceiptTests } from '../exchange/no-receipt';
import { overdueTests } from '../webhooks/overdue';
import { ownEmbedded } from '../../support/own-embedded';
import { routesCrashTests } from './routes-crash';
import { stepFunctionsCrashTests } from './stepfunctions-crash';
import { substitutionCrashTests } from './substitution-crash';

// Tests that move the clock (three of them also crash the process), one after the other on ONE
// embedded default of their own: one start instead of six. Each reads the clock's now and moves it
// forward from there only (never to a fixed date), works on data of its own and asserts on that data
// only (its documents' lines, reminders, notices and webhook events, its own notification subject), so a
// clock an earlier test moved is just another "today" to it. The order is fixed where it matters:
// awaiting-resolution needs the seed's substitution of the head (from the seed day) still running,
// so it comes first, before substitution-crash ends that substitution; overdue subscribes to every
// overdue event, so it comes last. A test that fails halfway leaves the process down, and the next
// one starts it again first (upBeforeEach).
const embedded = ownEmbedded({ upBeforeEach: true });

awaitingResolutionTests(embedded);
stepFunctionsCrashTests(embedded);
routesCrashTests(embedded);
substitutionCrashTests(embedded);
noReceiptTests(embedded);
overdueTests(embedded);
