export function htmlToBriefingText(_d: Document): string {
  return '';
}
