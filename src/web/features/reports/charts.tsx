import { Box, Group, Stack, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, directionOf } from '../../i18n/index.js';

// Small SVG charts: the numbers are always printed beside the shapes, so a reader who cannot
// see the colours (or the chart) loses nothing; the shapes themselves are hidden from readers.

const COLOURS = ['#1c7ed6', '#74c0fc', '#d0ebff'] as const;

/** Bars grow from the reading start: from the right in Arabic. */
function barDirection(): CSSProperties | undefined {
  return directionOf(currentLocale()) === 'rtl' ? { transform: 'scaleX(-1)' } : undefined;
}

/**
 * A row's name, cut with an ellipsis at its own logical end (the left of an Arabic name, the
 * right of a Latin one, whatever the page's direction); the full name is in the title and, for
 * screen readers, in the text itself.
 */
function RowLabel({ label }: { label: string }) {
  return (
    <Text
      size="xs"
      w={140}
      truncate
      title={label}
      dir="auto"
      style={{ flexShrink: 0 }}
      data-chart-label
    >
      {label}
    </Text>
  );
}

export interface BarDatum {
  label: string;
  value: number | null;
}

/** Horizontal bars, one per row, the value written after each bar. */
export function BarChart({
  data,
  max,
  unit = '',
  title,
}: {
  data: readonly BarDatum[];
  max?: number;
  unit?: string;
  title: string;
}) {
  const top = max ?? Math.max(1, ...data.map((d) => d.value ?? 0));
  return (
    <Stack gap={4} role="group" aria-label={title}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {data.map((d) => (
        <Group key={d.label} gap="xs" wrap="nowrap">
          <RowLabel label={d.label} />
          <Box style={{ flex: 1, minWidth: 80 }}>
            <svg
              width="100%"
              height="12"
              aria-hidden="true"
              focusable="false"
              style={barDirection()}
              data-chart-bar
            >
              <rect width="100%" height="12" fill="#f1f3f5" rx="2" />
              <rect
                width={`${(Math.min(d.value ?? 0, top) / top) * 100}%`}
                height="12"
                fill={COLOURS[0]}
                rx="2"
              />
            </svg>
          </Box>
          <Text size="xs" w={64} ta="end" ff="monospace">
            {d.value === null ? '–' : `${d.value}${unit}`}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export interface StackDatum {
  label: string;
  /** In order; each part is drawn after the previous one. */
  parts: readonly number[];
}

/** Horizontal stacked bars: e.g. trained, then selected but not trained, then not selected. */
export function StackedBarChart({
  data,
  legend,
  title,
}: {
  data: readonly StackDatum[];
  legend: readonly string[];
  title: string;
}) {
  const top = Math.max(1, ...data.map((d) => d.parts.reduce((a, b) => a + b, 0)));
  return (
    <Stack gap={4} role="group" aria-label={title}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Group gap="md">
        {legend.map((name, i) => (
          <Group key={name} gap={4}>
            <svg width="10" height="10" aria-hidden="true" focusable="false">
              <rect width="10" height="10" fill={COLOURS[i % COLOURS.length]} />
            </svg>
            <Text size="xs">{name}</Text>
          </Group>
        ))}
      </Group>
      {data.map((d) => {
        let offset = 0;
        return (
          <Group key={d.label} gap="xs" wrap="nowrap">
            <RowLabel label={d.label} />
            <Box style={{ flex: 1, minWidth: 80 }}>
              <svg
                width="100%"
                height="12"
                aria-hidden="true"
                focusable="false"
                style={barDirection()}
                data-chart-bar
              >
                <rect width="100%" height="12" fill="#f8f9fa" />
                {d.parts.map((part, i) => {
                  const x = offset;
                  offset += (part / top) * 100;
                  return (
                    <rect
                      // biome-ignore lint/suspicious/noArrayIndexKey: the parts are positional
                      key={i}
                      x={`${x}%`}
                      width={`${(part / top) * 100}%`}
                      height="12"
                      fill={COLOURS[i % COLOURS.length]}
                    />
                  );
                })}
              </svg>
            </Box>
            <Text size="xs" w={96} ta="end" ff="monospace">
              {d.parts.join(' / ')}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

/** A line over years, each point labelled with its value. */
export function LineChart({
  data,
  title,
}: {
  data: readonly { label: string; value: number }[];
  title: string;
}) {
  const { i18n } = useTranslation();
  const width = 480;
  const height = 140;
  const pad = 24;
  const top = Math.max(1, ...data.map((d) => d.value));
  const step = data.length > 1 ? (width - 2 * pad) / (data.length - 1) : 0;
  // Years run the reading way: the latest on the left in Arabic.
  const rtl = directionOf(currentLocale()) === 'rtl';
  const points = data.map((d, i) => ({
    ...d,
    x: data.length > 1 ? (rtl ? width - pad - i * step : pad + i * step) : width / 2,
    y: height - pad - (d.value / top) * (height - 2 * pad),
  }));
  return (
    <Stack gap={4} role="group" aria-label={title}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width, direction: 'ltr' }}
        aria-hidden="true"
        focusable="false"
      >
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="#adb5bd" />
        <polyline
          fill="none"
          stroke={COLOURS[0]}
          strokeWidth="2"
          points={points.map((p) => `${p.x},${p.y}`).join(' ')}
        />
        {points.map((p) => (
          <g key={p.label}>
            <circle cx={p.x} cy={p.y} r="3" fill={COLOURS[0]} />
            <text x={p.x} y={p.y - 6} fontSize="11" textAnchor="middle" fill="#212529">
              {p.value.toLocaleString(i18n.language)}
            </text>
            <text x={p.x} y={height - 6} fontSize="11" textAnchor="middle" fill="#495057">
              {p.label}
            </text>
          </g>
        ))}
      </svg>
      <Text size="xs" c="dimmed">
        {data.map((d) => `${d.label}: ${d.value}`).join(' · ')}
      </Text>
    </Stack>
  );
}
