import { z } from 'zod';
import { DocumentVersion } from '../entities';
import { AnnualReport } from './annual-report';

/** A report version as the API shows it (GET /reports/:id, POST /reports/annual, publish): the parsed report. */
export const ReportVersionView = DocumentVersion.omit({ content: true }).extend({
  etag: z.string(),
  kind: z.literal('report'),
  report: AnnualReport,
});
export type ReportVersionView = z.infer<typeof ReportVersionView>;

/** GET /reports. */
export const ReportList = z.object({ items: z.array(ReportVersionView) });
export type ReportList = z.infer<typeof ReportList>;

/** The API's view of a stored report version. */
export function reportVersionView(
  version: DocumentVersion & { etag: string; report: AnnualReport },
): ReportVersionView {
  const { content: _content, ...view } = version;
  return { ...view, kind: 'report' };
}
