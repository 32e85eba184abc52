import { useQuery } from '@tanstack/react-query';
import { currentLocale } from '../../../i18n/index.js';
import { localized } from '../../../lib/localized.js';
import { frameworksQuery } from '../api.js';

/**
 * A framework by its name in the reader's language; the code is for machines and only stands in
 * while the list loads (a code such as NONE means nothing to a reader).
 */
export function FrameworkName({ code }: { code: string }) {
  const frameworks = useQuery(frameworksQuery);
  const framework = frameworks.data?.find((f) => f.code === code);
  return <>{framework ? localized(framework.name, currentLocale()) : code}</>;
}
