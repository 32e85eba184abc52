import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateRange } from '../../lib/dates.js';
import { localized } from '../../lib/localized.js';
import type { PlacedBar } from './calendar-grid.js';
import { disciplineColor } from './colors.js';
import { sessionStatusLabel } from './labels.js';

/** One session on the days of one week: code and seats left, the rest in its accessible name. */
export function SessionBar({ bar }: { bar: PlacedBar<SessionSummary> }) {
  const { t } = useTranslation();
  const s = bar.item;
  const colour = disciplineColor(s.disciplineCode);
  const locale = currentLocale();
  const seats =
    s.seats.left <= 0 ? t('sessions.fullShort') : t('sessions.leftShort', { count: s.seats.left });
  const name = [
    s.code,
    localized(s.activityTitle, locale),
    formatDateRange(s.startDate, s.endDate, locale).gregorian,
    sessionStatusLabel(t, s.status, s.activityType),
    seats,
  ].join(' · ');
  const cancelled = s.status === 'cancelled';

  return (
    <AnchorLink
      to="/sessions/$code"
      params={{ code: s.code }}
      aria-label={name}
      title={name}
      underline="hover"
      display="block"
      fz={12}
      fw={600}
      px={6}
      py={2}
      style={{
        background: colour.background,
        color: colour.text,
        borderInlineStart: bar.continuesBefore
          ? `2px dashed ${colour.edge}`
          : `4px solid ${colour.edge}`,
        borderInlineEnd: bar.continuesAfter ? `2px dashed ${colour.edge}` : undefined,
        borderRadius: 3,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        textDecorationLine: cancelled ? 'line-through' : undefined,
      }}
    >
      <bdi dir="ltr">{s.code}</bdi> · {seats}
    </AnchorLink>
  );
}
