export { buildReportHtml, reportFormat, type ReportInput, type ReportMatching } from './html';
export { REPORT_STRINGS, placeholders, reportTranslator, type ReportKey, type ReportStrings } from './strings';
export { esc } from './svg';
export { WORKSHOP_REPORT_STRINGS, workshopsPart, type WorkshopReportKey } from './workshops';
