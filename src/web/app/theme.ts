import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// One calm accent; shade 8 keeps white-on-accent and accent-on-white above 4.5:1.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } },
    Badge: {
      defaultProps: { variant: 'outline', radius: 'sm', tt: 'none' },
      // A badge in a tight table column must grow, not cut its word to "Prima…".
      styles: { label: { overflow: 'visible' } },
    },
  },
});

// Mantine's default "dimmed" grey is too light for WCAG AA on white; use a darker one.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
