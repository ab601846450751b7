import { BUNDLED_TESSDATA_FOLDER, tessdataFilesToBundle } from '../modules/search';
import { BUNDLED_FONT_FOLDER, fontFilesToBundle } from '../modules/signatures';

/**
 * What a Step Functions task's Lambda bundle must carry beyond its code: files its code reads at
 * run time (the path beside the entry and where the file is now) and packages installed into the
 * asset rather than bundled. The results of an application (`applicationIssue`) carry the PDF fonts.
 * The text of a content file runs Tesseract: tesseract.js starts its
 * worker thread from a file of its package (so it is installed, not bundled), and reads the aze,
 * rus and eng models from `tessdata/` beside the entry.
 */
export const taskBundles: Readonly<
  Record<string, () => { files: Array<{ from: string; to: string }>; nodeModules: string[] }>
> = {
  extractContentText: () => ({
    files: tessdataFilesToBundle().map((f) => ({ from: f.path, to: `${BUNDLED_TESSDATA_FOLDER}/${f.name}` })),
    nodeModules: ['tesseract.js'],
  }),
  // The e-visa and the decision letters are drawn in DejaVu Sans (the single file's font).
  applicationIssue: () => ({
    files: fontFilesToBundle().map((f) => ({ from: f.path, to: `${BUNDLED_FONT_FOLDER}/${f.name}` })),
    nodeModules: [],
  }),
};
