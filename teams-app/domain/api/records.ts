/**
 * The import report (POST /register/import) and the annual report versions (GET /reports, POST /reports/annual,
 * publish), whose schemas sit with their domain: listed here so the tab reads these answers like the others.
 */
export { ImportProblem, ImportProblemCode, ImportReport, ImportRow, RegisterSheet, RowOutcome } from '../records';
export { ReportList, ReportVersionView } from '../report/report-view';
