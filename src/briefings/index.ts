/** The LGA briefing compiler (pure, browser-safe). */
export { type CompileResult, compileBriefing, type Diagnostic } from './compile';
export { compileDataset } from './dataset';
export { htmlToBriefingText } from './html';
