import type { APIRoute } from 'astro';
import { type ExportTarget, exportFile } from '../../../../export/export-targets.ts';
import type { PlanExport } from '../../../../export/plan-export.ts';
import { exportPaths } from '../../../../site/plan-pages.ts';

export const getStaticPaths = exportPaths;

export const GET: APIRoute<{ plan: PlanExport; target: ExportTarget }> = ({ props }) =>
  new Response(exportFile(props.plan, props.target), { headers: { 'Content-Type': 'application/yaml; charset=utf-8' } });
