import { contentsIntegrityTests } from '../documents/contents-integrity';
import { exchangeCrashTests } from '../exchange/exchange-crash';
import { searchCrashTests } from '../search/crash';
import { transferTamperedTests } from '../archive/transfer-tampered';
import { ownEmbedded } from '../../support/own-embedded';
import { mailIntakeCrashTests } from './mail-intake-crash';
import { registrationCrashTests } from './registration-crash';
import { restartTests } from './restart';

// The crash tests that leave the clock alone, one after the other on ONE embedded default of their
// own (each kills it with kill -9, or stops it, and starts it again on the same data folder): one
// start instead of one per test. Each works on data of its own (unique names, its own documents),
// as on the shared default, and asserts on that data only; a test that fails halfway leaves the
// process down, and the next one starts it again first (upBeforeEach).
const embedded = ownEmbedded({ upBeforeEach: true });

restartTests(embedded);
registrationCrashTests(embedded);
mailIntakeCrashTests(embedded);
searchCrashTests(embedded);
contentsIntegrityTests(embedded);
exchangeCrashTests(embedded);
transferTamperedTests(embedded);
