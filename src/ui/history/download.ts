import { resultsFile, toCsv, toMarkdown, type SavedRun } from '../../core/results-file';

/** The three ways to export runs: the results file, and two tables for other tools. */
export const EXPORT_FORMATS = {
  json: {
    label: 'JSON',
    type: 'application/json',
    write: (runs: SavedRun[], at: Date) => `${JSON.stringify(resultsFile(runs, at), null, 2)}\n`,
  },
  csv: { label: 'CSV', type: 'text/csv', write: (runs: SavedRun[], at: Date) => toCsv(resultsFile(runs, at)) },
  md: { label: 'Markdown', type: 'text/markdown', write: (runs: SavedRun[], at: Date) => toMarkdown(resultsFile(runs, at)) },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** "parallel-lab-results-2026-01-31T09-05-00Z.json": sortable, and valid on every file system. */
export function exportName(format: ExportFormat, at: Date): string {
  return `parallel-lab-results-${at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')}.${format}`;
}

/** Saves `runs` as a file in `format`, through the browser's download; returns the file's name. */
export function downloadRuns(runs: SavedRun[], format: ExportFormat, at = new Date()): string {
  const { type, write } = EXPORT_FORMATS[format];
  const url = URL.createObjectURL(new Blob([write(runs, at)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exportName(format, at);
  // Firefox follows only a link that is in the document.
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked at once, the address may be gone before the download has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return link.download;
}
