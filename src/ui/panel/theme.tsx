/**
 * The shared UI's stance colours and classes for the extension pages: light tokens, dark tokens under
 * prefers-color-scheme, and the shared components' CSS. Rendered as a <style> element's text (no HTML parsing).
 */
import { sharedCss, stanceCssVariables } from '../shared';

export const tokensCss = `:root { ${stanceCssVariables('light')} }
@media (prefers-color-scheme: dark) { :root { ${stanceCssVariables('dark')} } }
${sharedCss}`;

export function StyleTokens() {
  return <style>{tokensCss}</style>;
}
