import { dirname, join, resolve } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { checkPlan } from '../engine/check-plan.ts';
import { checkerFailed, fileGate, timedOut } from '../engine/file-gate.ts';
import type { Said } from '../engine/rule.ts';
import { withinTimeLimit } from '../engine/run-jobs.ts';
import { type ExplainedCriterion, explainCriteria } from '../model/plan-criteria.ts';
import type { PlanModel } from '../model/plan-model.ts';
import { RESULTS_FILE } from '../model/plan-path.ts';
import { type FolderResults, readResultsBeside, resultsFor } from '../model/plan-results.ts';
import { fileStamp } from '../model/project-file.ts';
import type { Results } from '../schemas/results-schema.ts';
import type { Project } from './project.ts';

/** What the engine made of one open plan: the messages `check` would print, the model, and every criterion's reading. */
export interface PlanAnalysis {
  messages: readonly VFileMessage[];
  model: PlanModel;
  explained: ExplainedCriterion[];
  /** The text it was made from, and its lines, for positions. */
  text: string;
  lines: readonly string[];
}

/** A plan `check` would not read (a link, an option-like name, over the size cap), or one the checker failed on: one message, at the top. */
/** A plan the check refused as a whole: the gate's or the time limit's message, or the checker's failure. */
export type PlanRefusal = Said;

// The results beside each plan folder, read again only when the file changes: not on every keystroke.
const resultsCache = new Map<string, { stamp: string; results: FolderResults | null }>();

/** The results that apply to a plan, read as `check` reads them: never through a link anywhere below the project root. */
function resultsOnDisk(project: Project, path: string): Results | null {
  const planPath = resolve(project.root, path);
  const file = join(dirname(planPath), RESULTS_FILE);
  const stamp = fileStamp(file);
  if (stamp === null) return null;
  let known = resultsCache.get(file);
  if (known?.stamp !== stamp) {
    let results: FolderResults | null = null;
    try {
      results = readResultsBeside(planPath, project.root);
    } catch {
      // Unreadable results are the check's to report, on open and save; the plan is checked without them.
    }
    known = { stamp, results };
    resultsCache.set(file, known);
  }
  return resultsFor(planPath, known.results);
}

/**
 * Checks an open plan's text as `pilotplan check` checks a file: the same gate (links, names, size),
 * engine, rules, config and results. A crash in the checker becomes one message, as in `check`, so
 * the editor keeps working.
 */
export function analysePlan(project: Project, path: string, text: string): PlanAnalysis | PlanRefusal {
  const refused = fileGate(resolve(project.root, path), project.root, Buffer.byteLength(text), project.config);
  if (refused) return refused;
  try {
    let checked: ReturnType<typeof checkPlan> | null = null;
    // The check's own time limit: a shape that would hang it stops here too, and the editor goes on.
    // The results are read inside the limit too: a huge results.yaml must not stall the editor either.
    if (!withinTimeLimit(() => (checked = checkPlan(text, path, project.config, resultsOnDisk(project, path))), project.config.timeLimit * 1000) || !checked) return timedOut(project.config);
    const { file, model } = checked as ReturnType<typeof checkPlan>;
    return { messages: file.messages, model, explained: explainCriteria(model), text, lines: text.split('\n') };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return checkerFailed(reason);
  }
}
