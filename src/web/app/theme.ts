import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
} from '@mantine/core';

/** Mantine's palette with its darkest shade replaced, for colours whose shade 9 is under 4.5:1. */
function withDarkest(name: 'orange' | 'green' | 'lime', darkest: string): MantineColorsTuple {
  const shades = [...DEFAULT_THEME.colors[name]];
  shades[9] = darkest;
  return shades as unknown as MantineColorsTuple;
}

const LIST_IN_LISTBOX = {
  defaultProps: { withScrollArea: false },
  styles: { options: { maxHeight: 'calc(13.75rem * var(--mantine-scale))', overflowY: 'auto' } },
} as const;

// Text in these colours is read in shade 9, on white and on their pale "light" backgrounds.
const TEXT_COLOURS = ['red', 'orange', 'green', 'teal', 'cyan', 'lime', 'blue', 'grape', 'pink'];

// One calm accent; shade 8 keeps white-on-accent and accent-on-white above 4.5:1.
export const theme = createTheme({
  primaryColor: 'indigo',
  // Orange (4.3:1), green (4.4:1) and lime (3.7:1) at shade 9 fail AA on white; these pass 5:1.
  colors: {
    orange: withDarkest('orange', '#b8400d'),
    green: withDarkest('green', '#257535'),
    lime: withDarkest('lime', '#4a7a0a'),
  },
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  // Readers who ask their system for less motion get no sliding and fading.
  respectReducedMotion: true,
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } },
    Badge: {
      defaultProps: { variant: 'outline', radius: 'sm', tt: 'none' },
      // A badge in a tight table column must grow, not cut its word to "Prima…".
      styles: { label: { overflow: 'visible' } },
    },
    // Mantine's initial-focus placeholder is a role="presentation" child of role="menu", which
    // a menu may not have (axe: aria-required-children); opening still focuses the menu.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    // An open list scrolls in the listbox itself, not in a scroll area inside it: a scrolling
    // region must be reachable by keyboard (axe: scrollable-region-focusable) unless it is the
    // combobox's own popup, whose options the input's arrow keys already move through.
    Select: LIST_IN_LISTBOX,
    MultiSelect: LIST_IN_LISTBOX,
    Autocomplete: LIST_IN_LISTBOX,
    TagsInput: LIST_IN_LISTBOX,
    // Loaders are named ("Loading"); a name on a plain span is not allowed, on a status it is.
    Loader: { defaultProps: { role: 'status' } },
    // Mantine greys a titled notification's text to gray-6 (3.3:1 on white); use "dimmed".
    Notification: { styles: { description: { color: 'var(--mantine-color-dimmed)' } } },
  },
});

// Mantine's default "dimmed" grey is too light for WCAG AA on white; use a darker one.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...Object.fromEntries(
      TEXT_COLOURS.flatMap((c) => [
        [`--mantine-color-${c}-text`, `var(--mantine-color-${c}-9)`],
        [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`],
      ]),
    ),
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // A field's error in red-6 is 3.6:1 on white; red-8 is above 4.5:1.
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    // A warning's text in Mantine's yellow is under 2:1 on its pale background: read it dark.
    '--mantine-color-yellow-light-color': 'var(--mantine-color-dark-7)',
    // The light variant (active nav link, light badges) sets accent text on a pale accent
    // background; Mantine's shade 6 falls below 4.5:1 there, shade 9 does not.
    '--mantine-color-indigo-light-color': 'var(--mantine-color-indigo-9)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-indigo-9)',
    // Hover darkens the pale background to indigo-2, where indigo-9 text is only 4.1:1;
    // stepping 0 -> 1 keeps the feedback and stays above 5:1.
    '--mantine-color-indigo-light': 'var(--mantine-color-indigo-0)',
    '--mantine-color-indigo-light-hover': 'var(--mantine-color-indigo-1)',
    '--mantine-primary-color-light': 'var(--mantine-color-indigo-0)',
    '--mantine-primary-color-light-hover': 'var(--mantine-color-indigo-1)',
  },
  dark: {},
});
