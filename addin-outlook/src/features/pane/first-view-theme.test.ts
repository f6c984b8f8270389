import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { FIRST_VIEW_DARK, FIRST_VIEW_LIGHT, type FirstViewTheme } from './first-view-theme.js';

const fluentValues = (theme: Theme): FirstViewTheme =>
  Object.fromEntries(
    Object.keys(FIRST_VIEW_LIGHT).map((key) => [key, theme[key as keyof Theme]]),
  ) as unknown as FirstViewTheme;

describe("the first view's colours", () => {
  it("when it is drawn light or dark, then its colours, shadow and font are Fluent's own", () => {
    expect(FIRST_VIEW_LIGHT).toEqual(fluentValues(webLightTheme));
    expect(FIRST_VIEW_DARK).toEqual(fluentValues(webDarkTheme));
  });
});
