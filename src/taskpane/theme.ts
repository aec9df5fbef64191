/** The Fluent theme that matches Office's: dark when Office's body background is dark, else light. */
import { Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';

export type ThemeKind = 'light' | 'dark';

/** Relative luminance of a #rgb / #rrggbb colour, or undefined when it isn't one. */
export function luminance(color: string | undefined): number | undefined {
  if (!color) return undefined;
  let hex = color.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = [...hex].map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}$/i.test(hex)) return undefined;
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Read Office.context.officeTheme when the pane runs inside Office. */
export function officeThemeKind(): ThemeKind {
  try {
    if (typeof Office === 'undefined') return 'light';
    const theme = Office.context?.officeTheme;
    const l = luminance(theme?.bodyBackgroundColor);
    return l !== undefined && l < 0.2 ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

export function fluentTheme(kind: ThemeKind): Theme {
  return kind === 'dark' ? webDarkTheme : webLightTheme;
}
