import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeResult,
  MarkupKind,
  MessageType,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnostic } from '../engine/cross-file-checks.ts';
import { CONFIG_FILE, METRIC_CATALOG_FILE } from '../model/config-file.ts';
import { RESULTS_FILE } from '../model/plan-path.ts';
import { completionsAt, frontmatterEnd } from './completions.ts';
import { criteriaHints, criterionHover } from './criteria-hints.ts';
import { fieldDoc } from './field-docs.ts';
import { byPosition, fromCheckDiagnostic, rangeOf, toLspDiagnostic } from './lsp-diagnostics.ts';
import { boundEntries, metricDefinition, readCatalogue } from './metric-definition.ts';
import { analysePlan, type PlanAnalysis, type PlanRefusal } from './plan-analysis.ts';
import { isProjectPlan, loadProject, type Project, projectChanged, projectPath, relatedUri } from './project.ts';
import { checkFolder, duplicatePlanProblems, frozenEditProblems } from './project-checks.ts';
import { quickFixes } from './quick-fixes.ts';

/**
 * The language server: every open plan checked as `pilotplan check` checks it, on open and on each
 * change, with each criterion's reading as an inlay hint and its account on hover. One analysis per
 * document version serves diagnostics, hints, hovers and symbols alike.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, { version: number; analysis: PlanAnalysis | PlanRefusal }>();
  // What only the project as a whole shows about a plan (another file claiming its id and version), found on open and save.
  const fromProject = new Map<string, Diagnostic[]>();
  let project: Project | null = null;
  const open = (uri: string) => documents.get(uri)?.getText();
  // A notification, never a request: a client without message boxes must not fail on it.
  const warnConfig = () => {
    if (project?.configProblem)
      void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message: `pilotplan: ${project.configProblem} The defaults apply until it is fixed.` });
  };

  const analysed = (document: TextDocument): PlanAnalysis | PlanRefusal | null => {
    if (!project || !isProjectPlan(project, document.uri)) return null;
    const known = analyses.get(document.uri);
    if (known?.version === document.version) return known.analysis;
    const fresh = analysePlan(project, projectPath(project, document.uri) ?? basename(document.uri), document.getText());
    analyses.set(document.uri, { version: document.version, analysis: fresh });
    return fresh;
  };
  // The analysis features work on: none for a plan the check refused.
  const analysis = (document: TextDocument | undefined): PlanAnalysis | null => {
    const found = document ? analysed(document) : null;
    return found && 'model' in found ? found : null;
  };

  const diagnosticsOf = (document: TextDocument): Diagnostic[] => {
    const found = analysed(document);
    if (!found || !project) return [];
    const uriOf = relatedUri(project, document.uri);
    if ('model' in found) return found.messages.map((message) => toLspDiagnostic(message, found.lines, uriOf));
    const refused = diagnostic(found, project.config);
    return refused ? [fromCheckDiagnostic(refused, [], uriOf)] : [];
  };

  const publish = (document: TextDocument) => {
    const diagnostics = [...diagnosticsOf(document), ...(fromProject.get(document.uri) ?? [])].sort(byPosition);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };
  const publishAll = () => {
    analyses.clear();
    for (const document of documents.all()) publish(document);
  };

  // The config and the catalogue are read again only when either changed on disk, whoever says so: a
  // client's save or file watcher, or the server itself when a plan is opened or saved.
  const refreshProject = () => {
    if (!project || !projectChanged(project)) return;
    project = loadProject(project.root);
    warnConfig();
    publishAll();
  };

  // What only the files together show, from disk: another file claiming the plan, and the folder's results.yaml.
  const checkOnDisk = async (uri: string) => {
    if (!project || !uri.startsWith('file:')) return;
    const path = projectPath(project, uri);
    const name = path ? basename(path) : '';
    if (!path || !(isProjectPlan(project, uri) || name === RESULTS_FILE)) return;
    const plan = documents.get(uri);
    if (plan && isProjectPlan(project, uri)) {
      const text = plan.getText();
      const lines = text.split('\n');
      const onDisk = [...duplicatePlanProblems(project, path), ...frozenEditProblems(project, path, text)];
      fromProject.set(
        uri,
        onDisk.map((item) => fromCheckDiagnostic(item, lines, relatedUri(project as Project, uri))),
      );
      publish(plan);
    }
    const found = await checkFolder(project, path);
    if (!found) return;
    const lines = (open(found.uri) ?? '').split('\n');
    const uriOf = relatedUri(project, found.uri);
    void connection.sendDiagnostics({ uri: found.uri, diagnostics: found.problems.map((item) => fromCheckDiagnostic(item, lines, uriOf)) });
    // A plan's `decision-mismatch` reads the results: the open plans are checked again.
    if (name === RESULTS_FILE) publishAll();
  };
  // A failure here (a folder not on disk yet, a file gone) must cost the editor this check, never the server.
  const checkOnDiskSafely = (uri: string) =>
    checkOnDisk(uri).catch((error: unknown) => connection.console.error(`pilotplan: could not check ${uri} on disk: ${error instanceof Error ? error.message : String(error)}`));

  // The config, the catalogue and results decide plans' messages: a change to any is checked again,
  // whether the editor saved it or only its file watcher saw it change.
  const fileChanged = (uri: string) => {
    if (!uri.startsWith('file:')) return;
    const name = basename(fileURLToPath(uri));
    if (name === CONFIG_FILE || name === METRIC_CATALOG_FILE) refreshProject();
    else if (name === RESULTS_FILE) void checkOnDiskSafely(uri);
  };

  connection.onInitialize((params): InitializeResult => {
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    project = loadProject(rootUri?.startsWith('file:') ? fileURLToPath(rootUri) : process.cwd());
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
        inlayHintProvider: true,
        hoverProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        completionProvider: { triggerCharacters: [' ', ':', '#'] },
        definitionProvider: true,
      },
      serverInfo: { name: 'pilotplan' },
    };
  });
  connection.onInitialized(warnConfig);

  documents.onDidChangeContent((change) => publish(change.document));
  documents.onDidOpen((event) => {
    // A config or catalogue changed where no client could say so (another editor, a git checkout).
    refreshProject();
    // The results beside it may have changed too: its analysis is made again (results are re-read only if they did).
    analyses.delete(event.document.uri);
    void checkOnDiskSafely(event.document.uri);
  });
  documents.onDidClose((event) => {
    analyses.delete(event.document.uri);
    fromProject.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  documents.onDidSave((event) => {
    refreshProject();
    fileChanged(event.document.uri);
    if (!project || !isProjectPlan(project, event.document.uri)) return;
    // The results beside it may have changed: its analysis is made again, then what only the disk shows.
    analyses.delete(event.document.uri);
    publish(event.document);
    void checkOnDiskSafely(event.document.uri);
  });
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) fileChanged(change.uri);
  });

  connection.languages.inlayHint.on((params) => {
    const found = analysis(documents.get(params.textDocument.uri));
    return found ? criteriaHints(found.explained, found.lines, params.range.start.line, params.range.end.line) : [];
  });

  connection.onHover((params) => {
    const found = analysis(documents.get(params.textDocument.uri));
    if (!found) return null;
    // A frontmatter key: the schema's own line about the field.
    const key = params.position.line < frontmatterEnd(found.lines) ? /^\s*(\w+):/.exec(found.lines[params.position.line] ?? '')?.[1] : undefined;
    const doc = key ? fieldDoc(key) : null;
    if (key && doc) return { contents: { kind: MarkupKind.Markdown, value: `**\`${key}\`**: ${doc}` } };
    const hover = criterionHover(found.explained, params.position.line);
    const path = project ? projectPath(project, params.textDocument.uri) : null;
    const bound = hover && project && path ? boundEntries(project, path, found, params.position.line) : [];
    if (!hover || bound.length === 0) return hover;
    // The catalogue entry each criterion binds to, and the query that measures it.
    const measured = bound.map((entry) => `**Measured by** \`${entry.name}\` in metrics.yaml:\n\n\`\`\`promql\n${entry.query}\n\`\`\``);
    return { contents: { kind: MarkupKind.Markdown, value: [(hover.contents as { value: string }).value, ...measured].join('\n\n') } };
  });

  connection.onCompletion((params) => {
    const found = analysis(documents.get(params.textDocument.uri));
    const path = project ? projectPath(project, params.textDocument.uri) : null;
    return found && project && path ? completionsAt(project, path, found, params.position) : [];
  });

  connection.onDefinition((params) => {
    const found = analysis(documents.get(params.textDocument.uri));
    const path = project ? projectPath(project, params.textDocument.uri) : null;
    return found && project && path ? metricDefinition(project, path, found, params.position.line, open) : [];
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const found = analysis(document);
    if (!document || !found || !project) return [];
    // The catalogue is read only when an unbound metric asks for a fix in it.
    const wanted = params.context.diagnostics.some((item) => item.code === 'unbound-metric');
    return quickFixes(params.textDocument.uri, params.context.diagnostics, diagnosticsOf(document), found.text, wanted ? readCatalogue(project, open) : null);
  });

  connection.onDocumentSymbol((params): DocumentSymbol[] => {
    const found = analysis(documents.get(params.textDocument.uri));
    if (!found) return [];
    return found.model.sections.map((section, index) => {
      const next = found.model.sections[index + 1]?.heading.position?.start;
      const start = rangeOf(section.heading.position, found.lines).start;
      const end = next ? { line: next.line - 2, character: found.lines[next.line - 2]?.length ?? 0 } : { line: found.lines.length - 1, character: found.lines.at(-1)?.length ?? 0 };
      return { name: section.title, kind: SymbolKind.Namespace, range: { start, end }, selectionRange: rangeOf(section.heading.position, found.lines) };
    });
  });

  documents.listen(connection);
  connection.listen();
}
