/** One download button per file format (XLSX, CSV), for exports and templates. */
import { Button } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons/svg/arrow-download';
import type { ExportFormat } from '../api';

const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv'];

/** `label` words a button from its format's name ("XLSX"); `onDownload` fetches and saves that format. */
export function DownloadButtons({
  label,
  onDownload,
}: {
  label: (format: string) => string;
  onDownload: (format: ExportFormat) => void;
}) {
  return (
    <>
      {FORMATS.map((format) => (
        <Button key={format} icon={<ArrowDownload20Regular />} onClick={() => onDownload(format)}>
          {label(format.toUpperCase())}
        </Button>
      ))}
    </>
  );
}
