export { verifyDatabase, type VerifyReport } from './verify.ts';
