/** A link to a stored .docx that downloads it with the caller's identity (the API needs the identity header). */
import { Link } from '@fluentui/react-components';
import { DocumentArrowDown20Regular } from '@fluentui/react-icons/svg/document-arrow-down';
import { documentPath, downloadDocument } from '../api';
import { useSession } from './ApiContext';
import { useCommonStyles } from './common.styles';
import { saveFile } from './save-file';

/** The file name a download gets: `isc-tf-32/agenda-v1.docx` becomes `isc-tf-32-agenda-v1.docx`. */
export function downloadName(file: string): string {
  return file.split('/').join('-');
}

/**
 * The link's address is the API's, so it can be copied; a click fetches the file with the session's
 * identity and saves it. `onError` hears about a failed download. A document kept in the SharePoint library
 * (`webUrl`) opens there instead, in Word for the web.
 */
export function DocumentLink({
  file,
  label,
  onError,
  webUrl,
}: {
  file: string;
  label: string;
  onError: (error: unknown) => void;
  webUrl?: string;
}) {
  const { api } = useSession();
  const styles = useCommonStyles();
  if (webUrl) {
    return (
      <Link href={webUrl} target="_blank" rel="noreferrer" className={styles.iconLink}>
        <DocumentArrowDown20Regular aria-hidden />
        {label}
      </Link>
    );
  }
  return (
    <Link
      href={`/api/v1${documentPath(file)}`}
      download={downloadName(file)}
      className={styles.iconLink}
      onClick={(event) => {
        event.preventDefault();
        downloadDocument(api, file).then((blob) => saveFile(blob, downloadName(file)), onError);
      }}
    >
      <DocumentArrowDown20Regular aria-hidden />
      {label}
    </Link>
  );
}
