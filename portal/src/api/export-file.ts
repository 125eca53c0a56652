import type { CombinedError } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { errorMessage } from './error-message';

/** A file the server sends as base64 (`ExportFile`). */
export interface Base64File {
  filename: string;
  contentType: string;
  base64: string;
}

/** Decodes the server's base64 into the bytes of the file. */
export function base64ToBlob(base64: string, contentType: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: contentType });
}

/** Hands the file to the browser as a download: an `<a download>` on an object URL, then tidied away. */
export function downloadFile(file: Base64File, doc: Document = document): void {
  const url = URL.createObjectURL(base64ToBlob(file.base64, file.contentType));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * 导出Excel on a list page: asks the server for the file (`run`), downloads it and says how many rows
 * it holds (`done`), or shows the error in the user's language; `exporting` drives the button.
 */
export function useExcelExport(
  run: () => Promise<{ error?: CombinedError; file: (Base64File & { rows: number }) | null | undefined }>,
  done: (rows: number) => string,
) {
  const { t } = useI18n();
  const exporting = ref(false);
  async function exportFile(): Promise<void> {
    exporting.value = true;
    try {
      const { error, file } = await run();
      if (error) ElMessage.error(errorMessage(error, t));
      if (error || !file) return;
      downloadFile(file);
      ElMessage.success(done(file.rows));
    } finally {
      exporting.value = false;
    }
  }
  return { exporting, exportFile };
}
