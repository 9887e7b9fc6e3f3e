import { echo } from '../../core/echo';
import { RESULTS_MAX_BYTES, parseResultsFile, tooLarge, type ResultsFile } from '../../core/results-file';

/** One file read for import: its results, or why it was refused. */
export type ImportedFile = { name: string; ok: true; file: ResultsFile } | { name: string; ok: false; message: string };

/**
 * Reads a results file the visitor chose or dropped. Its size is checked
 * before a byte is read: a file too large is refused without loading it.
 * The name it carries is the visitor's file name, quoted safely.
 */
export async function readResultsFile(file: File): Promise<ImportedFile> {
  const name = echo(file.name, 60);
  if (file.size > RESULTS_MAX_BYTES) return { name, ok: false, message: tooLarge(file.size) };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return {
      name,
      ok: false,
      message: `The browser could not read it (${echo(error instanceof Error ? error.name : String(error))}).`,
    };
  }
  const parsed = parseResultsFile(text);
  return parsed.ok ? { name, ok: true, file: parsed.file } : { name, ok: false, message: parsed.message };
}
