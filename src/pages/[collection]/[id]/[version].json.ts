import type { APIRoute } from 'astro';
import { versionJson } from '../../../site/plan-json.ts';
import type { PlanVersion } from '../../../site/plan-library.ts';
import { versionPaths } from '../../../site/plan-pages.ts';

export const getStaticPaths = versionPaths;

export const GET: APIRoute<{ version: PlanVersion }> = ({ props }) => new Response(JSON.stringify(versionJson(props.version), null, 2), { headers: { 'Content-Type': 'application/json' } });
