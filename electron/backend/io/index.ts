/** Real data in and out: the functions the API, the CLI and the UI call. */
export { importFiles, detectFormat, IMPORT_FORMATS, type ImportFormat, type ImportInput, type ImportOptions } from './import';
export type { ImportResult, Skipped, ImportWarning, Phase } from './session';
export { codeLists, loadCodeLists, CodeLists, CODE_LISTS, type CodeListName, type CodeItem } from './codes';
export { ptvEntityId, TAG_GENERAL_DESCRIPTION, TAG_REFERENCE_ONLY } from './ptv';
export {
  exportCsv,
  exportCsvFolder,
  exportXlsx,
  workspaceTables,
  readTables,
  proposeMapping,
  mappingProblems,
  COLUMN_ROLES,
  escapeCell,
  unescapeCell,
  type ColumnMapping,
  type ColumnRole,
  type Table,
} from './spreadsheet';
export { exportGraphml, exportGexf, exportWorkspaceJson } from './graph';
export { exportWorkspace, writeExport, exportBaseName, slugify, EXPORT_FORMATS, type ExportFormat, type ExportOptions } from './export';
export { exportRunXlsx } from './run-export';
export { findDuplicates, mergeEntities, importDuplicates } from './duplicates';
export { guardZip, DEFAULT_MAX_UNCOMPRESSED } from './zip-guard';
