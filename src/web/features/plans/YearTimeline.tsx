import { Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan, PlanSession } from '../../../contract/plans.js';
import { currentLocale } from '../../i18n/index.js';
import { quotaSummary, shortRange } from './labels.js';
import classes from './YearTimeline.module.css';
import { gregorianMonths, hijriMonths, laneOf, weekRange, yearWeeks } from './yearWeeks.js';

interface Props {
  plan: Plan;
  /** Venue codes to their names in the reader's language. */
  venueNames: ReadonlyMap<string, string>;
  selectedId: string | null;
  onSelect: (session: PlanSession) => void;
}

const HEADER_ROWS = 4;
const LANE_HEIGHT = 58;

/**
 * The year view: the plan's weeks as columns and its venues as rows, each session a block over
 * the weeks it runs. Gregorian and Hijri (Umm al-Qura) months run along the week axis, and the
 * weeks of Ramadan and the Eids are shaded. The grid follows the writing direction, so in Arabic
 * the year runs from the right; it scrolls inside its own box.
 */
export function YearTimeline({ plan, venueNames, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const weeks = yearWeeks(plan.year);
  const venues = [...new Set(plan.sessions.map((s) => s.venueCode))].sort((a, b) =>
    (venueNames.get(a) ?? a).localeCompare(venueNames.get(b) ?? b, locale),
  );
  const col = (week: number) => week + 2;
  let row = HEADER_ROWS + 1;
  const rows = venues.map((venue) => {
    const runs = plan.sessions
      .filter((s) => s.venueCode === venue)
      .map((s) => ({ session: s, id: s.id, ...weekRange(plan.year, s.startDate, s.endDate) }));
    const { lanes, count } = laneOf(runs);
    const first = row;
    row += count;
    return { venue, runs, lanes, first, count };
  });
  const style = {
    '--weeks': weeks.length,
    '--week-width': '76px',
    '--venue-width': 'clamp(88px, 24vw, 150px)',
    gridTemplateRows: `repeat(${HEADER_ROWS}, auto) repeat(${Math.max(1, row - HEADER_ROWS - 1)}, ${LANE_HEIGHT}px)`,
  } as CSSProperties;
  const describe = (s: PlanSession) =>
    [
      s.activityCode,
      shortRange(s.startDate, s.endDate, locale),
      venueNames.get(s.venueCode) ?? s.venueCode,
      quotaSummary(s.quotas) || t('plans.noQuotas'),
      s.locked ? t('plans.locked') : null,
      s.existing ? t('plans.inCalendar') : null,
    ]
      .filter(Boolean)
      .join(', ');

  return (
    <section
      className={classes.scroller}
      aria-label={t('plans.yearViewLabel', { year: plan.year })}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the box scrolls sideways; keyboard users must reach it.
      tabIndex={0}
    >
      <div className={classes.grid} style={style}>
        <div className={classes.corner} style={{ gridRow: `1 / ${HEADER_ROWS + 1}` }}>
          <Text fz="xs" fw={600}>
            {t('plans.venue')}
          </Text>
        </div>
        {gregorianMonths(plan.year, locale).map((m) => (
          <div
            key={`g${m.first}`}
            className={classes.axis}
            style={{ gridRow: 1, gridColumn: `${col(m.first)} / span ${m.count}` }}
          >
            {m.label}
          </div>
        ))}
        {hijriMonths(plan.year, locale).map((m) => (
          <div
            key={`h${m.first}`}
            className={`${classes.axis} ${classes.hijri}`}
            style={{ gridRow: 2, gridColumn: `${col(m.first)} / span ${m.count}` }}
            title={m.label}
          >
            {m.label}
          </div>
        ))}
        {plan.islamicHolidays.map((h) => {
          const r = weekRange(plan.year, h.from, h.to);
          const span = `${col(r.first)} / ${col(r.last) + 1}`;
          const label = t(`plans.holiday.${h.kind}`, { defaultValue: h.kind });
          return [
            <div
              key={`hl${h.from}`}
              className={classes.holidayLabel}
              style={{ gridRow: 3, gridColumn: span }}
              title={label}
            >
              {label}
            </div>,
            <div
              key={`hs${h.from}`}
              className={classes.holiday}
              style={{ gridRow: `3 / -1`, gridColumn: span }}
              aria-hidden
            />,
          ];
        })}
        {weeks.map((w) => (
          <div
            key={`w${w.week}`}
            className={classes.weekNumber}
            style={{ gridRow: 4, gridColumn: col(w.week) }}
            title={w.start}
          >
            {w.week + 1}
          </div>
        ))}
        {rows.map(({ venue, runs, lanes, first, count }) => [
          <div
            key={`v${venue}`}
            className={classes.venue}
            style={{ gridRow: `${first} / span ${count}` }}
          >
            {venueNames.get(venue) ?? venue}
          </div>,
          ...runs.map((r) => (
            <button
              key={r.id}
              type="button"
              className={classes.block}
              data-locked={r.session.locked || undefined}
              data-existing={r.session.existing || undefined}
              data-selected={r.id === selectedId || undefined}
              aria-label={describe(r.session)}
              aria-pressed={r.id === selectedId}
              style={{
                gridRow: first + (lanes.get(r.id) ?? 0),
                gridColumn: `${col(r.first)} / ${col(r.last) + 1}`,
              }}
              onClick={() => onSelect(r.session)}
            >
              <span dir="auto" style={{ fontWeight: 700 }}>
                {r.session.activityCode}
              </span>
              <span>{shortRange(r.session.startDate, r.session.endDate, locale)}</span>
              <span dir="auto">{quotaSummary(r.session.quotas) || '—'}</span>
            </button>
          )),
        ])}
      </div>
    </section>
  );
}
