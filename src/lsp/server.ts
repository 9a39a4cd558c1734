import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  type DocumentSymbol,
  type InitializeResult,
  MarkupKind,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE, METRIC_CATALOG_FILE } from '../model/config-file.ts';
import { RESULTS_FILE } from '../model/plan-path.ts';
import { completionsAt } from './completions.ts';
import { criteriaHints, criterionHover } from './criteria-hints.ts';
import { fieldDoc } from './field-docs.ts';
import { rangeOf, toLspDiagnostic } from './lsp-diagnostics.ts';
import { boundEntries, metricDefinition } from './metric-definition.ts';
import { analysePlan, type PlanAnalysis } from './plan-analysis.ts';
import { isProjectPlan, loadProject, type Project, projectPath } from './project.ts';
import { checkFolder, duplicatePlanProblems, type FolderProblems } from './project-checks.ts';
import { type Catalogue, quickFixes } from './quick-fixes.ts';

/** The project's metrics.yaml as text, for fixes that add to it; an open, unsaved copy wins over the file. */
function catalogueFile(project: Project, documents: TextDocuments<TextDocument>): Catalogue | null {
  const path = join(project.contentDir, METRIC_CATALOG_FILE);
  const uri = pathToFileURL(path).href;
  const open = documents.get(uri)?.getText();
  if (open !== undefined) return { uri, text: open };
  return existsSync(path) ? { uri, text: readFileSync(path, 'utf8') } : null;
}

/**
 * The language server: every open plan checked as `pilotplan check` checks it, on open and on each
 * change, with each criterion's reading as an inlay hint and its account on hover. One analysis per
 * document version serves diagnostics, hints, hovers and symbols alike.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const catalogueOf = (of: Project) => catalogueFile(of, documents);
  const analyses = new Map<string, { version: number; analysis: PlanAnalysis }>();
  let project: Project | null = null;

  const analysis = (document: TextDocument): PlanAnalysis | null => {
    if (!project || !isProjectPlan(project, document.uri)) return null;
    const known = analyses.get(document.uri);
    if (known?.version === document.version) return known.analysis;
    const fresh = analysePlan(project, projectPath(project, document.uri) ?? basename(document.uri), document.getText());
    analyses.set(document.uri, { version: document.version, analysis: fresh });
    return fresh;
  };

  // In reading order, as `check` lists them.
  const diagnosticsOf = (found: PlanAnalysis | null) =>
    found ? found.messages.map((message) => toLspDiagnostic(message, found.text)).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character) : [];
  // What only the project as a whole shows about a plan (another file claiming its id and version), found on open and save.
  const fromProject = new Map<string, Diagnostic[]>();

  const publish = (document: TextDocument) => {
    const diagnostics = [...diagnosticsOf(analysis(document)), ...(fromProject.get(document.uri) ?? [])].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };

  const reloadProject = () => {
    if (!project) return;
    project = loadProject(project.root);
    analyses.clear();
    if (project.configProblem) void connection.window.showWarningMessage(`pilotplan: ${project.configProblem} The defaults apply until it is fixed.`);
    for (const document of documents.all()) publish(document);
  };

  connection.onInitialize((params): InitializeResult => {
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    project = loadProject(rootUri ? fileURLToPath(rootUri) : process.cwd());
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

  connection.onInitialized(() => {
    if (project?.configProblem) void connection.window.showWarningMessage(`pilotplan: ${project.configProblem} The defaults apply until it is fixed.`);
  });

  // What only the files together show (a results.yaml against its plan version) on open and save, from disk.
  const checkOnDisk = async (uri: string) => {
    if (!project) return;
    const path = projectPath(project, uri);
    const name = path ? basename(path) : '';
    if (!path || !(isProjectPlan(project, uri) || name === RESULTS_FILE)) return;
    const toLsp =
      (text: string) =>
      (item: FolderProblems['problems'][number]): Diagnostic => ({
        range: { start: { line: item.line - 1, character: item.column - 1 }, end: { line: item.line - 1, character: Math.max(item.column - 1, text.split('\n')[item.line - 1]?.length ?? 0) } },
        severity: item.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        code: item.ruleId,
        ...(item.url ? { codeDescription: { href: item.url } } : {}),
        source: 'pilotplan',
        message: item.message,
      });
    const plan = documents.get(uri);
    if (plan && isProjectPlan(project, uri)) {
      fromProject.set(uri, duplicatePlanProblems(project, path).map(toLsp(plan.getText())));
      publish(plan);
    }
    const found = await checkFolder(project, path);
    if (!found) return;
    void connection.sendDiagnostics({ uri: found.uri, diagnostics: found.problems.map(toLsp(documents.get(found.uri)?.getText() ?? '')) });
    // A plan's `decision-mismatch` reads the results: the open plans of the folder are checked again.
    if (name === RESULTS_FILE) {
      analyses.clear();
      for (const document of documents.all()) publish(document);
    }
  };

  documents.onDidChangeContent((change) => publish(change.document));
  documents.onDidOpen((event) => void checkOnDisk(event.document.uri));
  documents.onDidClose((event) => {
    analyses.delete(event.document.uri);
    fromProject.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  // The config and the metric catalogue decide every plan's messages: saving either checks them all again.
  documents.onDidSave((event) => {
    if ([CONFIG_FILE, METRIC_CATALOG_FILE].includes(basename(fileURLToPath(event.document.uri)))) reloadProject();
    void checkOnDisk(event.document.uri);
  });

  connection.languages.inlayHint.on((params) => {
    const document = documents.get(params.textDocument.uri);
    const found = document ? analysis(document) : null;
    return found ? criteriaHints(found.explained, found.text, params.range.start.line, params.range.end.line) : [];
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const found = document ? analysis(document) : null;
    if (!found) return null;
    // A frontmatter key: the schema's own line about the field.
    const lines = found.text.split('\n');
    const close = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
    const key = lines[0]?.trim() === '---' && params.position.line < close ? /^(\w+):/.exec(lines[params.position.line] ?? '')?.[1] : undefined;
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
    const document = documents.get(params.textDocument.uri);
    const found = document ? analysis(document) : null;
    const path = project ? projectPath(project, params.textDocument.uri) : null;
    return found && project && path ? completionsAt(project, path, found, params.position) : [];
  });

  connection.onDefinition((params) => {
    const document = documents.get(params.textDocument.uri);
    const found = document ? analysis(document) : null;
    const path = project ? projectPath(project, params.textDocument.uri) : null;
    return found && project && path ? metricDefinition(project, path, found, params.position.line) : [];
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const found = document ? analysis(document) : null;
    return found ? quickFixes(params.textDocument.uri, params.context.diagnostics, diagnosticsOf(found), found.text, project ? catalogueOf(project) : null) : [];
  });

  connection.onDocumentSymbol((params): DocumentSymbol[] => {
    const document = documents.get(params.textDocument.uri);
    const found = document ? analysis(document) : null;
    if (!found) return [];
    return found.model.sections.map((section, index) => {
      const next = found.model.sections[index + 1]?.heading.position?.start;
      const start = rangeOf(section.heading.position, found.text).start;
      const lines = found.text.split('\n');
      const end = next ? { line: next.line - 2, character: lines[next.line - 2]?.length ?? 0 } : { line: lines.length - 1, character: lines.at(-1)?.length ?? 0 };
      return { name: section.title, kind: SymbolKind.Namespace, range: { start, end }, selectionRange: rangeOf(section.heading.position, found.text) };
    });
  });

  documents.listen(connection);
  connection.listen();
}
