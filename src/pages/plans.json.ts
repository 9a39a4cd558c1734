import { entryJson } from '../site/plan-json.ts';
import { entriesOf } from '../site/plan-pages.ts';

export async function GET() {
  const [plans, examples] = await Promise.all([entriesOf('plans'), entriesOf('examples')]);
  return new Response(JSON.stringify({ plans: plans.map(entryJson), examples: examples.map(entryJson) }, null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
}
