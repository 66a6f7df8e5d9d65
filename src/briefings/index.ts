/** The LGA briefing compiler (pure, browser-safe). */
export { type CompileResult, compileBriefing, type Diagnostic, MAX_BRIEFING_CHARS } from './compile';
export { compileDataset, type DatasetResult } from './dataset';
export { htmlToBriefingText } from './html';
