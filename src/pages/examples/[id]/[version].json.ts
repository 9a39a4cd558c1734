import type { APIRoute } from 'astro';
import { entriesOf } from '../../../lib/plan-pages.ts';
import { versionJson } from '../../../lib/plan-json.ts';
import type { PlanVersion } from '../../../lib/plan-library.ts';

export async function getStaticPaths() {
  return (await entriesOf('examples')).flatMap((entry) => entry.versions.map((version) => ({ params: { id: entry.id, version: `v${version.version}` }, props: { version } })));
}

export const GET: APIRoute<{ version: PlanVersion }> = ({ props }) =>
  new Response(JSON.stringify(versionJson(props.version), null, 2), { headers: { 'Content-Type': 'application/json' } });
