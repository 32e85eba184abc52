export { MyCertificates } from './MyCertificates.js';
export { VerificationResult } from './VerifyPage.js';
