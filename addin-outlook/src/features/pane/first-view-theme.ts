/**
 * The few Fluent token values the first view is drawn with, light and dark, so it looks like the
 * pane that replaces it. Copied rather than imported: importing Fluent's theme would put part of
 * Fluent in the page's first module. A component test holds them equal to webLightTheme and
 * webDarkTheme.
 */
export interface FirstViewTheme {
  fontFamilyBase: string;
  colorNeutralBackground1: string;
  colorNeutralForeground1: string;
  colorNeutralForeground2: string;
  colorNeutralForeground3: string;
  colorNeutralStroke1: string;
  colorNeutralStroke2: string;
  colorBrandForegroundLink: string;
  colorNeutralBackgroundDisabled: string;
  colorNeutralForegroundDisabled: string;
  colorNeutralStrokeDisabled: string;
  shadow4: string;
}

const FONT =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif";

export const FIRST_VIEW_LIGHT: FirstViewTheme = {
  fontFamilyBase: FONT,
  colorNeutralBackground1: '#ffffff',
  colorNeutralForeground1: '#242424',
  colorNeutralForeground2: '#424242',
  colorNeutralForeground3: '#616161',
  colorNeutralStroke1: '#d1d1d1',
  colorNeutralStroke2: '#e0e0e0',
  colorBrandForegroundLink: '#115ea3',
  colorNeutralBackgroundDisabled: '#f0f0f0',
  colorNeutralForegroundDisabled: '#bdbdbd',
  colorNeutralStrokeDisabled: '#e0e0e0',
  shadow4: '0 0 2px rgba(0,0,0,0.12), 0 2px 4px rgba(0,0,0,0.14)',
};

export const FIRST_VIEW_DARK: FirstViewTheme = {
  fontFamilyBase: FONT,
  colorNeutralBackground1: '#292929',
  colorNeutralForeground1: '#ffffff',
  colorNeutralForeground2: '#d6d6d6',
  colorNeutralForeground3: '#adadad',
  colorNeutralStroke1: '#666666',
  colorNeutralStroke2: '#525252',
  colorBrandForegroundLink: '#479ef5',
  colorNeutralBackgroundDisabled: '#141414',
  colorNeutralForegroundDisabled: '#5c5c5c',
  colorNeutralStrokeDisabled: '#424242',
  shadow4: '0 0 2px rgba(0,0,0,0.24), 0 2px 4px rgba(0,0,0,0.28)',
};
