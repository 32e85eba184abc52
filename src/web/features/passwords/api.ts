import type { PasswordResetComplete, PasswordResetRequest } from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const requestPasswordReset = (body: PasswordResetRequest) =>
  api<void>('/api/v1/auth/password-reset/request', { method: 'POST', body });

export const completePasswordReset = (body: PasswordResetComplete) =>
  api<void>('/api/v1/auth/password-reset/complete', { method: 'POST', body });
