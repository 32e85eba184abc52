import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Eligibility } from '../../../contract/index.js';
import { isApiError } from '../../lib/api.js';
import { eligibilityOfProblem } from './api.js';
import { EligibilityLines } from './EligibilityLines.js';
import { nominationErrorMessage } from './messages.js';

/** A refused request: the sentence for its code and, for `not_eligible`, the failing lines. */
export function NominationProblem({
  error,
  fallbackEligibility,
}: {
  error: unknown;
  /** Lines to show when a `not_eligible` answer does not carry them. */
  fallbackEligibility?: Eligibility;
}) {
  useTranslation();
  if (!error) return null;
  const eligibility =
    eligibilityOfProblem(error) ?? (isApiError(error, 'not_eligible') ? fallbackEligibility : null);
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert" mb="sm">
      {nominationErrorMessage(error)}
      {eligibility && (
        <div style={{ marginTop: 8 }}>
          <EligibilityLines eligibility={eligibility} only={['fail']} />
        </div>
      )}
    </Alert>
  );
}
