import { entriesOf } from '../lib/plan-pages.ts';
import { entryJson } from '../lib/plan-json.ts';

export function GET() {
  return new Response(JSON.stringify({ plans: entriesOf('plans').map(entryJson), examples: entriesOf('examples').map(entryJson) }, null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
}
