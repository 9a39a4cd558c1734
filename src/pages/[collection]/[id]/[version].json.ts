import type { APIRoute } from 'astro';
import { versionJson } from '../../../lib/plan-json.ts';
import type { PlanVersion } from '../../../lib/plan-library.ts';
import { versionPaths } from '../../../lib/plan-pages.ts';

export const getStaticPaths = versionPaths;

export const GET: APIRoute<{ version: PlanVersion }> = ({ props }) =>
  new Response(JSON.stringify(versionJson(props.version), null, 2), { headers: { 'Content-Type': 'application/json' } });
