/**
 * Messages the backend sends for people to read (errors, skipped records, import warnings) travel
 * as a code with parameters, so that each client says them in its user's language. The English
 * sentence travels too, for logs and API clients.
 *
 * Every code the backend can produce is in MESSAGE_CODES; the catalogue
 * (renderer/src/i18n/sections/messages.ts, key `messages.<code>`) is checked against this list
 * in fi, sv and en with the same placeholders. Parameter conventions the formatter knows:
 * `kind` and any `…Kind` (`otherKind`, `sourceKind`) are entity kinds, `type` a link type, `list` a code list name; the rest are
 * shown as they are (row numbers, column headings, file names, values from the file).
 */
export const MESSAGE_CODES = [
  // An import's files, records and rows
  'import.cancelled',
  'import.noFiles',
  'import.alreadyRunning',
  'import.notUtf8',
  'import.notJson',
  'import.notJsonAt',
  'import.unknownJson',
  'import.pictureNeedsTable',
  'import.invalidRecord',
  'import.idTaken',
  'import.linkEndMissing',
  'import.linkNotMade',
  'import.pictureIdTaken',
  'import.reviewKept',
  'import.tooManyRows',
  'import.sheetTooManyRows',
  'import.notXlsx',
  'import.notNumber',
  'import.notWholeNumber',
  'import.notYesNo',
  'import.notJsonList',
  'import.listNotText',
  'import.noId',
  'import.badKind',
  'import.badLinkType',
  'import.linkNeedsEnds',
  'import.mappingNoIdName',
  'import.mappingUnknownRole',
  'import.notAMark',
  'import.badId',
  'import.noIdOrName',
  'import.serviceNeedsName',
  'import.noRows',
  'import.needsMapping',
  'import.mappingNamesNoIdName',
  'import.unknownColumn',
  'import.unknownMunicipality',
  'import.unknownCode',
  'import.sheetIgnored',
  // Where in a file a problem is: a place is a list of these, said one after another
  'where.wholeFile',
  'where.sheet',
  'where.row',
  'where.column',
  'where.recordNo',
  'where.entityNo',
  'where.linkNo',
  'where.pictureItemNo',
  'where.reviewNo',
  'where.id',
  'where.ofKind',
  'where.ptvService',
  'where.ptvGeneral',
  'where.ptvChannel',
  'where.ptvOrganisation',
  'where.name',
  'where.orgRef',
  'where.channelRef',
  'where.lifeEvent',
  'where.orgNamed',
  // PTV records
  'ptv.notList',
  'ptv.nameCut',
  'ptv.descriptionCut',
  'ptv.codeKept',
  'ptv.codeDropped',
  'ptv.ontologyUriLong',
  'ptv.keywordCut',
  'ptv.tooManyKeywords',
  'ptv.unknownAreaType',
  'ptv.municipalityKept',
  'ptv.areaDropped',
  'ptv.unknownFunding',
  'ptv.referenceNoName',
  'ptv.noName',
  'ptv.noServiceClasses',
  'ptv.limitedNoArea',
  'ptv.providerFreeText',
  'ptv.providerMissing',
  'ptv.channelRefNoId',
  'ptv.urlDropped',
  'ptv.unknownChannelType',
  'ptv.unknownOrgType',
  'ptv.badBusinessId',
  'ptv.notObject',
  'ptv.notPtvRecord',
  'ptv.noPtvId',
  'ptv.badPtvId',
  'ptv.notPtv',
  // Workspace JSON and GraphML files
  'graph.notWorkspaceExport',
  'graph.newerExport',
  'graph.unknownVersion',
  'graph.notLists',
  'graph.tooLarge',
  'graph.pictureNotLists',
  'graph.pictureTooLarge',
  'graph.badPictureItem',
  'graph.doctype',
  'graph.xmlTooLarge',
  'graph.notWellFormed',
  'graph.notGraphml',
  'graph.noGraph',
  'graph.noKind',
  // ZIP containers (.xlsx, course packs)
  'zip.notZip',
  'zip.truncated',
  'zip.zip64',
  'zip.tooManyParts',
  'zip.outside',
  'zip.damagedDirectory',
  'zip.bomb',
  'zip.damagedPart',
  'zip.partCut',
  'zip.partLies',
  'zip.partUnreadable',
  'zip.partMethod',
  // Workspace files: opening, creating, locking
  'file.pathControl',
  'file.notSqlite',
  'file.otherDatabase',
  'file.integrity',
  'file.damaged',
  'file.newer',
  'file.noWorkspace',
  'file.isFolder',
  'file.exists',
  'file.cannotCreateFolder',
  'file.cannotOpen',
  'file.cannotPrepare',
  'file.needsUpgrade',
  'file.readOnly',
  'file.outsideWorkspaces',
  'file.noneOpen',
  'file.noSuchFile',
  'file.cannotRead',
  'file.lockCreate',
  'file.lockWrite',
  'file.lockOpening',
  'file.lockedHere',
  'file.lockedHereSelf',
  'file.lockedElsewhere',
  // Edits of the workspace
  'edit.idTaken',
  'edit.idInUse',
  'edit.noEntity',
  'edit.noLink',
  'edit.noView',
  'edit.noPictureItem',
  'edit.noReview',
  'edit.reviewExists',
  'edit.linkKinds',
  'edit.linkSelf',
  'edit.linkDuplicate',
  'edit.invalidEntity',
  'edit.invalidLink',
  'edit.nothingToUndo',
  'edit.nothingToRedo',
  'edit.kindFixed',
  'edit.unknownLinkType',
  'edit.mainViewNotSaved',
  'edit.mergeListedTwice',
  'edit.mergeKeepMerged',
  'edit.mergeKinds',
  // Exports
  'export.runXlsxOnly',
  'export.unknownFormat',
  'export.csvNeedsFolder',
  'export.cannotWrite',
  // Matching runs and the recommender
  'matching.noRunYet',
  'matching.noRun',
  'matching.runUnreadable',
  'matching.noPersona',
  'matching.noLifeEvent',
  'matching.noNeed',
  'matching.topTooLarge',
  'matching.ageOrder',
  'matching.closedWhileBuilding',
  // The remote recommender
  'remote.faultTimeout',
  'remote.faultRefused',
  'remote.faultNetwork',
  'remote.faultServer',
  'remote.faultRateLimited',
  'remote.faultRejected',
  'remote.faultMalformed',
  'remote.faultSpec',
  'remote.builtIn',
  'remote.privacyNotice',
  'remote.closed',
  'remote.endpointBeforeKey',
  'remote.headerBeforeKey',
  'remote.nothingLeaves',
  'remote.noComparison',
  'remote.keyFromEnv',
  // Workshop sessions
  'workshop.readOnly',
  'workshop.noRecord',
  // API input
  'api.invalidInput',
  // The desktop window
  'desktop.pdfNotWritten',
] as const;

export type MessageCode = (typeof MESSAGE_CODES)[number];
export type MessageParams = Record<string, string | number>;

/** A message by code: what the backend says, for the client to put into words. */
export interface CodedMessage {
  code: MessageCode;
  params?: MessageParams;
}

/**
 * Where in a file something is ("sheet "Palvelut", row 5, id srv-1, Kotihoito", "service 5f1…,
 * Kotihoito, organisation reference #2"): `where.*` messages, from the whole to the part, said
 * with commas between, so that each client says the place in its user's language.
 */
export type Place = CodedMessage[];

/** The place of a problem with a file as a whole (not JSON, no rows, wrong encoding). */
export const isWholeFile = (at: Place): boolean => at.length === 1 && at[0].code === 'where.wholeFile';

/** True for a code this version knows (a newer backend may send codes an older client lacks). */
export function isMessageCode(v: unknown): v is MessageCode {
  return typeof v === 'string' && (MESSAGE_CODES as readonly string[]).includes(v);
}
