// biome-ignore-all format: the lexicon is a table of word lists, one list to a line, so each is found and read whole
/**
 * Every word list the criteria reader uses, once: what frames a bullet, what compares, what changes,
 * what links a baseline, what carries no meaning in a metric's name. Readers and finders import from here.
 */
import type { Comparator } from '../schemas/criterion-schema.ts';
import { wordTable } from './word-table.ts';

// A comparison without a range, as the lists below map words to it.
type Op = Exclude<Comparator, 'between'>;
// Each list is split once: lists written inline in hot paths would otherwise build a new set per token.
const wordLists = new Map<string, ReadonlySet<string>>();
export const words = (list: string): ReadonlySet<string> => {
  const known = wordLists.get(list);
  if (known) return known;
  const set = new Set(list.split(' '));
  wordLists.set(list, set);
  return set;
};
// Words that carry no meaning of their own in a metric's name.
export const FILLERS = words("目標 目标 achieve achieves attain attains maintain maintains maintained the a an either neither must should shall will would can could may might need needs to be is are was were been being does do did stay stays remain remains keep keeps hold holds of at our its their expect expected target targets aim goal has have get gets than that still always consistently ideally typically generally normally overall based so thus hence also then we see observe anticipate want like which who whose");
// Words a metric never starts or ends with.
export const EDGES = words('and or with for in on per by from when if while during over across within as so but then than to of at the a an under below above around about approximately roughly without against into onto toward towards via through between despite regardless including excluding notwithstanding versus vs');
// A condition after the threshold qualifies it: "error rate < 1% if traffic > 1,000 rps".
export const CONDITIONS = words('sin sem sans senza ohne apart besides beyond save bar if when whenever unless assuming provided given while where except excluding once because since until before after despite regardless notwithstanding');
// Words that mean the sentence is about people or actions, not a measured thing.
export const NOT_METRIC = words("nothing nobody show shows disable disables auto-disable auto-disables auto-rollback auto-revert we blocks block prevents prove proves validate validates demonstrate demonstrates set sets setting pick picks you they i he she us them me our your my took take takes should must shall will would can could may might want wants let lets please consider ensure make makes halt halts stop stops pause pauses notify notifies escalate escalates inform informs trigger triggers cause causes means continues continue significantly quickly slowly similar reasonable likely essentially condition conditions rule rules we're we've you're they're start starts begin begins ramp route send shift expand indicates indicate signals signal suggests suggest shows");
export const LEAD = words("roll rollback revert halt abort pause stop trigger triggers triggered go pass fail exit success proceed promote scale page alert escalate disable back immediately automatically is are be the pilot rollout release deployment canary criteria criterion condition conditions gate out forward of following traffic feature flag metric name exit-criterion exit-criteria");
export const NEGATIONS = words("not never no hasn't haven't hadn't needn't isn't aren't doesn't don't won't shouldn't mustn't can't cannot shan't wasn't weren't");
export const MODALS = words("must should shall will to does do can may is are be stay stays remain remains keep kept held hold holds at consistently always drop drops fall falls rise rises go goes get gets grow grows come comes run runs sit sits by");
export const CHANGE_UP = words('more higher greater slower longer above over up increase increases increased rise rises rose risen growth grow grows grew grown jump jumped spike spiked climbed surged larger bigger heavier costlier sube suben sobe sobem aumenta aumentam');
export const CHANGE_DOWN = words('fewer less lower faster shorter below under down decrease decreases decreased drop drops fall falls fell fallen shrank shrunk dipped sank reduction reduced reduce cut smaller cheaper decline declines cae caen baja bajan cai caem disminuye diminui');
export const CHANGE_EITHER = words('change changes vary varies differ differs deviate deviates fluctuate fluctuates');
export const CHANGE_BAD = words('worse worsen worsens worsened degradation degrades degraded regression regresses regressed deterioration');
export const CHANGE_GOOD = words('better improvement improves improved gain');
export const BASELINE_NAMES = /^(?:baseline|baselines|control|today|yesterday|previous|prior|last|before|current|normal|usual|pre-pilot|pre-launch|pre-feature|legacy|old|existing|original)$/;
export const BASELINE_LINKS: ReadonlyArray<readonly string[]> = [['compared', 'to'], ['compared', 'with'], ['relative', 'to'], ['in', 'comparison', 'to'], ['than'], ['vs', '.'], ['vs'], ['vs.'], ['versus'], ['against'], ['from'], ['over'], ['of'], ['on']];
export const PASS_VERBS: Readonly<Record<string, string>> = wordTable({ pass: 'failing', passes: 'failing', passed: 'failing', passing: 'failing', succeed: 'failing', succeeds: 'failing', green: 'failing', closed: 'open', resolved: 'unresolved', fixed: 'unfixed', addressed: 'unresolved', mitigated: 'unmitigated', remediated: 'unremediated', complete: 'incomplete', completed: 'incomplete', finished: 'unfinished', merged: 'unmerged', approved: 'unapproved', met: 'unmet', verified: 'unverified', signed: 'unsigned', answered: 'unanswered' });
export const TIME_VERBS: Readonly<Record<string, string>> = wordTable({ open: 'open time', opens: 'open time', succeed: 'success time', succeeds: 'success time', succeeding: 'success time', take: 'time', takes: 'time', last: 'time', lasts: 'time', load: 'load time', loads: 'load time', respond: 'response time', responds: 'response time', render: 'render time', renders: 'render time', start: 'start time', starts: 'start time', complete: 'completion time', completes: 'completion time', finish: 'completion time', finishes: 'completion time', sync: 'sync time', syncs: 'sync time', resolve: 'resolution time', resolved: 'resolution time', reflected: 'time', served: 'response time', processed: 'processing time', handled: 'handling time', restored: 'restore time', recover: 'recovery time', recovers: 'recovery time', propagated: 'propagation time', applied: 'time', return: 'time', returns: 'time', answered: 'answer time', delivered: 'delivery time' });
export const SUBJECT_ENDS = words('should must will shall can are is be get gets were was return returns served processed handled answered delivered take takes need needs done reflected');
export const SHARE_VERBS = /^(?:are|is|were|was|have|has|do|does|need|needs|require|requires|want|wants|abandon|abandons|drop|drops|contact|contacts|call|calls|buy|buys|order|orders|click|clicks|submit|submits|use|uses|complete|completes|finish|finishes|return|returns|pass|passes|succeed|succeeds|adopt|adopts|log|logs|sign|signs|report|reports|rate|rates|respond|responds|receive|receives|see|sees|get|gets|make|makes|reach|reaches|opt|opts|choose|chooses|prefer|prefers|can|could|should|must|will|would|run|runs|stay|stays|remain|remains|keep|keeps|hit|hits|meet|meets|show|shows|take|takes|behave|behaves|continue|continues|left|end|ends|be|finishing|returning|running|using)$/;
// Verbs that end a rate's denominator: "1 in 200 orders | fail".
export const PER_STOPS = words('fail fails failed are is was were have has get gets see sees hit hits crash crashes report reports experience experiences need needs require requires abandon abandons drop drops return returns should must will go goes went complete completes submit submits use uses adopt adopts pass passes finish finishes launch launches meet meets achieve achieves show shows opt opts sign signs');
// Prepositions that qualify what is counted rather than end it: "releases in Beta without major bugs".
// Words that open a scope after the threshold, naming whose figure it is: "< 1% for enterprise customers", "via portal".
export const SCOPE_OPENERS = words('for across in on among amongst at via during under');
// Words a scope after the threshold never holds: a vague time ("for a sustained period") is no scope.
export const NOT_SCOPE = words('period periods time times duration durations sustained extended prolonged long short row succession consecutive moment moments while now today yet average total typical worst best case whole entire remainder rest full fortnight fortnights sprint sprints weekend weekends term terms semester semesters morning mornings afternoon afternoons evening evenings overnight check checks sample samples interval intervals run runs evaluation evaluations window windows occasion occasions attempt attempts both either neither most many several few majority minority half vs versus compared relative against baseline baselines control');
export const QUALIFIERS = words('at on in with without to from of about for');
// A state a band of values is called, not a measure: "Stable: within ±5% of baseline".
export const STATES = words('stable stabil estable estável stabile stabiel unstable healthy unhealthy degraded ok okay good bad green amber yellow red warning critical watch breached constrained normal elevated exhausted depleted');
// States that pass, and states that fail: a heading of one kind cannot head the other list.
export const GOOD_STATES = words('stable healthy ok okay good green normal');
export const BAD_STATES = words('unstable unhealthy degraded bad red critical breached exhausted depleted');
// Headings that say a criterion does not gate the decision: "Optional:", "Stretch:", "Monitor only:".
export const NON_GATING = words("ideal should won't won’t wont optional stretch non-blocking nonblocking monitor informational aspirational nice-to-have soft advisory preferred");
// Words that open a scene-setting phrase before a comma: "In the default scheduler, …".
export const INTROS = words('in for on at as with based during after before above below overall also additionally then so ideally generally typically specifically note here there given');
// Words that compare: a metric's name never holds one ("regression exceeds threshold").
export const COMPARING = words('exceeds least most exceed exceeding exceeded below above under over less more fewer greater higher lower reaches reach within between than');
// Words of a rollout step, not a criterion: "Start with 5% of traffic".
export const ROLLOUT = words('start starts begin begins ramp route routes send sends shift shifts deploy deploys expand expands increase increases roll rolls move moves promote');
// What says a sentence is about the outcome of a check: "The deployment is successful if …".
export const OUTCOMES = words('successful success succeeds pass passes passed fail fails failed failure complete completed done met healthy ready considered marked deemed valid invalid green red rollback back halt halted abort aborted');
// A metric that names a measure ("queue depth", "throughput") takes a counted noun after the value as its unit.
export const MEASURES = /\b(?:depth|rate|time|latency|size|count|volume|length|age|usage|percentage|ratio|score|duration|throughput|level|backlog|load|speed|capacity)$/i;
// Words standing where a number belongs: "within X minutes", "below XX%", "< TBD".
export const PLACEHOLDERS = /^(?:x+|n|tbd|tbc|todo|\?+|\.{3}|…)$/i;
// Words that place themselves in reading: percentile and words, what frames a threshold.
export const ACCOUNTED = words('p out off checked evaluated measured sampled polled scraped percentile percentilen pctl median th any single daily weekly hourly monthly nightly every each per threshold mark level absolute');
// Labels that head a criterion without naming what is measured: "Target: …", "Key signals: …".
// Verbs that open an instruction, not a name: "Verify uptime", "Validate process improvements:".
export const INSTRUCTIONS = words('measure confirm verify validate prove demonstrate ensure monitor');
export const HEADINGS = words('目標 目标 回滚条件 回滾條件 ロールバック条件 停止条件 中止条件 guardrail guardrails target targets goal goals metric metrics signal signals key kpi kpis criterion criteria success exit rollback trigger triggers alert alerts threshold thresholds track rationale condition conditions successcondition failurecondition sla slo objective objectives measure measures result results requirement requirements note notes check checks gate hard expected acceptance overall limit limits milestone milestones kr okr');
// Verbs after ", as" that define a metric rather than state a threshold: ", as measured by the number of …".
export const DEFINING = words('measured defined calculated computed counted reported');
// What to do once a threshold is crossed, after a comma or colon ("…, roll back", "…: triggers a freeze"), or done to the rollout it names ("deployment blocked", "Slack alert").
export const CONSEQUENCES = words('then roll rollback auto-rollback auto-revert halt halts revert reverts abort aborts triggers page pages freeze freezes escalate escalates notify notifies block blocks');
export const CONSEQUENCE_STATES = words('blocked frozen halted paused stopped disabled reverted freeze alert alerts');
export const CONSEQUENCE_OBJECTS = words('deployment deployments deploy deploys rollout rollouts release releases launch promotion promotions changes pipeline merges feature flag pilot canary expansion slack pagerduty email team');
// Words that quantify a noun phrase rather than name it: "any regression", "all testers".
export const QUANTIFIERS = words('any all every each some no none');
// Month names, so "31 March" is read as a date and not a count.
export const MONTHS = words('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec');
// Verbs that set a change's direction before its metric: "reduce manual refunds by 25%".
export const CHANGE_VERBS: Readonly<Record<string, 'increase' | 'decrease'>> = wordTable({
  reduce: 'decrease', reduces: 'decrease', lower: 'decrease', lowers: 'decrease', decrease: 'decrease', decreases: 'decrease', shorten: 'decrease', shortens: 'decrease', cut: 'decrease', cuts: 'decrease',
  increase: 'increase', increases: 'increase', raise: 'increase', raises: 'increase', boost: 'increase', boosts: 'increase', grow: 'increase', grows: 'increase',
});
export const WINDOW_ARTICLES = new Set(['the', 'a', 'an', 'any', 'each', 'every', 'one', 'its', 'this']);
export const WINDOW_QUALIFIERS = new Set(['single', 'rolling', 'moving', 'sliding', 'given', 'trailing', 'consecutive', 'whole', 'full', 'entire']);
export const WINDOW_NOUNS = new Set(['window', 'period', 'interval', 'span', 'stretch', 'windows', 'periods', 'intervals', 'spans', 'stretches']);
export const PERIOD_WORDS: Readonly<Record<string, number>> = wordTable({ hour: 3600, day: 86_400, week: 604_800, month: 2_592_000, sprint: 1_209_600 });
export const OPENING = new Set(['first', 'last', 'past', 'next', 'initial', 'opening', 'second', 'third', 'fourth', 'fifth', 'sixth', 'final']);
// Time words a window is counted in, beyond the units a threshold takes: a month is thirty days.
export const SUSTAINING = new Set(['for', 'sustained', 'lasting', 'continuously']);
export const SUSTAIN_LEADS: ReadonlyArray<readonly string[]> = [['at', 'least'], ['more', 'than'], ['>'], ['≥'], ['>='], ['longer', 'than'], ['over'], ['a', 'period', 'of'], ['the', 'next']];
export const PERIOD_LINKS = new Set(['over', 'in', 'during', 'across', 'within', 'throughout']);
// States of things that age ("open for 7 days" may say how long each has been open); words of how a figure is taken over its window.
export const AGED_PLACES = /\bin (?:staging|quarantine|transit|the queue)s?\b/;
export const AGED = /\b(?:open|unresolved|outstanding|active|waiting|pending|stuck|queued|awaiting|unshipped|lasting|absent|unacknowledged|unfilled|unassigned|unpaid|idle|held)s?\b/;
export const MEASURED = words('measured averaged tracked evaluated computed aggregated calculated checked sampled assessed monitored reported observed summed smoothed maintained counted totalled totaled recorded logged rolling audited reviewed mean average aggregate taken');
export const UNIT_PERIODS = new Set(['day', 'hour', 'week', 'month']);
export const PER_PERIOD = /^per-(day|hour|week|month)$/;
export const EXTRA_SECONDS: Readonly<Record<string, number>> = wordTable({ month: 2_592_000, months: 2_592_000, quarter: 7_776_000, year: 31_536_000 });
export const SEQUENCE_STOPS = new Set(['for', 'in', 'on', 'of', 'and', 'or', 'with', 'within', 'during', 'over', 'is', 'are', 'occur', 'occurs', 'happen', 'happens', 'fail', 'fails', 'despite', 'regardless', 'including', 'excluding', 'unless', 'except', 'when', 'if', 'while', 'after', 'before', 'until']);
export const SEQUENCE_STATES = new Set(['failed', 'failing', 'unsuccessful', 'bad', 'red', 'passing', 'successful', 'green', 'missed', 'breaching']);
// Fractions people write for shares: "two thirds of invitees", "half of users", "a quarter of tickets".
export const DENOMINATORS: Readonly<Record<string, number>> = wordTable({ half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10 });
// "five hundred", "two thousand": a number word times its scale.
export const SCALES: Readonly<Record<string, number>> = wordTable({ hundred: 100, thousand: 1000 });
/**
 * Which way a metric is better, from the words in its name: higher uptime, lower latency. Read only
 * where the author gave a value without a direction ("Uptime: 99.9%"); a name with words of both
 * kinds, or of neither, has no polarity and the value stays ambiguous.
 */
// Names whose last word (or "<word> rate") alone says which way is better, so a bare target in an exit
// criterion has one reading: "99.9% monthly uptime" is at least 99.9%. Broader lists guessed wrong ("time savings").
export const HIGHER_HEADS = words('uptime availability accuracy recall f1 f1-score auc roc-auc ndcg mrr coverage adoption retention satisfaction csat nps attendance compliance success-rate completion-rate adoption-rate pass-rate retention-rate compliance-rate satisfaction-score csat-score nps-score accuracy-rate conversion conversion-rate fill-rate hit-rate on-time hit-ratio success-ratio uptime-percentage hit-percentage fix-rate collection-rate graduation-rate immunization-rate resolution-rate attendance-rate revenue throughput sales profit');
export const LOWER_HEADS = words('downtime latency errors defects incidents crashes complaints error-rate crash-rate failure-rate defect-rate churn-rate abandonment-rate stockouts shrinkage default-rate chargeback-rate readmission-rate wait wait-time response-time queue-depth incident-count handle-time handling-time load-time turnaround turnaround-time processing-time resolution-time cycle-time lead-time queue-time hold-time waiting-time startup-time boot-time build-time recovery-time restore-time cost costs churn no-show-rate absence-rate no-shows absences bounce-rate backlog absence abandonment falls');
export const HIGHER_WORDS = ['conversión', 'conversão', 'conversione', 'konversionsrate', 'disponibilidad', 'disponibilidade', 'disponibilità', 'disponibilité', 'verfügbarkeit', 'éxito', 'sucesso', 'successo', 'erfolgsquote', 'réussite', 'başarı', 'erişilebilirlik', 'uptime', 'availability', 'available', 'success', 'successful', 'succeed', 'conversion', 'csat', 'nps', 'satisfaction', 'adoption', 'retention', 'coverage', 'throughput', 'completion', 'completed', 'crash-free', 'accuracy', 'engagement', 'activation', 'pass', 'passing', 'passed', 'uptake', 'take-up', 'usage', 'rating', 'score', 'health', 'healthy', 'signups', 'sign-ups', 'logins', 'reliability', 'apdex', 'hit', 'opt-in', 'resolved', 'savings', 'fixed', 'closed', 'remediated', 'on-time', 'revenue', 'sales', 'precision', 'recall', 'stability', 'velocity'];
export const LOWER_WORDS = ['5xx', '4xx', 'erro', 'errore', 'erreur', 'erreurs', 'fehlerrate', 'fehler', 'hata', 'falha', 'falhas', 'fallos', 'outstanding', 'breach', 'breaches', 'injury', 'injuries', 'chargebacks', 'fraud', 'deaths', 'error', 'errors', 'failure', 'failures', 'failed', 'failing', 'defect', 'defects', 'bug', 'bugs', 'incident', 'incidents', 'latency', 'duration', 'response', 'time', 'crash', 'crashes', 'churn', 'ticket', 'tickets', 'complaint', 'complaints', 'cost', 'costs', 'abandonment', 'bounce', 'downtime', 'timeout', 'timeouts', 'rollback', 'rollbacks', 'drop-off', 'wait', 'queue', 'lag', 'rejection', 'rejections', 'escalation', 'escalations', 'outage', 'outages', 'anr', 'anrs', 'restarts', 'retries', 'loss', 'leak', 'leaks', 'violations', 'alerts', 'pages', 'open', 'unsuccessful', 'unresolved', 'slow', 'backlog', 'delay', 'p99', 'p95', 'p90', 'p50', 'wrong', 'late', 'overdue', 'dissatisfied', 'never', 'incorrect', 'missed', 'rejected', 'overridden', 'override', 'overrides', 'no-show', 'no-shows', 'readmission', 'readmissions', 'mis-pick', 'mis-picks', 'stopped', 'damaged', 'cancelled', 'canceled', 'cancellations', 'opt-out', 'opt-outs', 'unsubscribes', 'poor', 'workload', 'lapsing', 'lapsed', 'readmitted', 'reversed', 'reversal', 'reversals', 'absent', 'absence', 'discontinuing', 'discontinued', 'adverse', 'workaround', 'workarounds', 'leaving', 'waiting', 'old', 'legacy', 'still', 'churned', 'withdrawn', 'abandoned', 'declined', 'hospitalized', 'hospitalised', 'defaulted', 'dormant', 'opted', 'bounced', 'disputed', 'returned', 'defective', 'stock', 'stockout', 'stockouts', 'inactive', 'delayed', 'denied', 'flaky', 'dropped', 'lost'];

/** Comparison symbols, as written in plans and in code: `≤`, `<=`, `=<`. */
export const SYMBOL_COMPARATORS: Readonly<Record<string, Op>> = wordTable({
  '<': '<', '<=': '<=', '=<': '<=', '≤': '<=', '⩽': '<=',
  '>': '>', '>=': '>=', '=>': '>=', '≥': '>=', '⩾': '>=',
  '=': '=', '==': '=', '!=': '!=', '≠': '!=', '<>': '!=',
});

/**
 * Phrases that come before the number, each as its words. Matched longest first, so "no more than"
 * wins over "more than", and negations read the right way round ("must not exceed" is at most).
 */
const WORDS_BEFORE: ReadonlyArray<readonly [readonly string[], Op]> = (
  [
    ['at most', '<='], ['no more than', '<='], ['not more than', '<='], ['no greater than', '<='], ['not greater than', '<='],
    ['no higher than', '<='], ['not higher than', '<='], ['no larger than', '<='], ['no longer than', '<='], ['no slower than', '<='],
    ['not to exceed', '<='], ['not exceed', '<='], ['not exceeding', '<='], ['does not exceed', '<='], ['do not exceed', '<='],
    ['must not exceed', '<='], ['should not exceed', '<='], ['shall not exceed', '<='], ['will not exceed', '<='], ["doesn't exceed", '<='],
    ["don't exceed", '<='], ["shouldn't exceed", '<='], ["mustn't exceed", '<='], ['never exceeds', '<='], ['never exceed', '<='], ["didn't exceed", '<='], ['did not exceed', '<='],
    ['not above', '<='], ['not over', '<='], ['up to', '<='], ['a maximum of', '<='], ['maximum of', '<='], ['max of', '<='], ['maximum', '<='],
    ['at or below', '<='], ['at or under', '<='], ['meets or exceeds', '>='], ['meet or exceed', '>='], ['matches or exceeds', '>='], ['match or exceed', '>='], ['equal to or lower than', '<='], ['as long as or longer than', '>='], ['as high as or higher than', '>='], ['equal to or exceeding', '>='], ['equal to or under', '<='], ['equal to or over', '>='], ['lower than or equal to', '<='], ['fewer than or equal to', '<='], ['shorter than or equal to', '<='], ['longer than or equal to', '>='], ['higher than or equal to', '>='], ['equal to or fewer than', '<='], ['equal to or shorter than', '<='], ['equal to or longer than', '>='], ['equal or lower than', '<='], ['equal or less than', '<='], ['equal or greater than', '>='], ['falls to or under', '<='], ['falls to or beneath', '<='], ['drops to or under', '<='], ['equal to or higher than', '>='], ['hits or exceeds', '>='], ['hit or exceed', '>='], ['falls to or below', '<='], ['drops to or below', '<='], ['rises to or above', '>='], ['matches or is below', '<='], ['smaller than or equal to', '<='], ['as short as or shorter than', '<='], ['as low as or lower than', '<='], ['equal or are below', '<='], ['equal or are under', '<='], ['equal or are above', '>='], ['equals or is below', '<='], ['matches or is under', '<='], ['equals or is under', '<='], ['matches or is above', '>='], ['equals or is above', '>='], ['equals or exceeds', '>='], ['equal or exceed', '>='], ['at or beyond', '>='], ['equal to or less than', '<='], ['less than or equal to', '<='],
    ['equal to or below', '<='], ['within', '<='], ['capped at', '<='], ['limited to', '<='],
    ['at least', '>='], ['no less than', '>='], ['not less than', '>='], ['no fewer than', '>='], ['not fewer than', '>='],
    ['no lower than', '>='], ['not lower than', '>='], ['not below', '>='], ['not under', '>='], ['a minimum of', '>='],
    ['minimum of', '>='], ['min of', '>='], ['minimum', '>='], ['at or above', '>='], ['at or over', '>='], ['equal to or greater than', '>='],
    ['greater than or equal to', '>='], ['more than or equal to', '>='], ['equal to or more than', '>='], ['equal to or above', '>='],
    ['reaches', '>='], ['reach', '>='], ['reached', '>='], ['hits', '>='], ['hit', '>='], ['as much as', '<='],
    ['never drops below', '>='], ['never falls below', '>='], ['must not drop below', '>='], ['must not fall below', '>='],
    ['should not drop below', '>='], ['should not fall below', '>='], ['does not drop below', '>='], ['does not fall below', '>='],
    ["doesn't drop below", '>='], ["doesn't fall below", '>='], ["shouldn't drop below", '>='], ["shouldn't fall below", '>='], ["didn't drop below", '>='], ['did not drop below', '>='], ["didn't fall below", '>='], ['did not fall below', '>='],
    ['fewer than', '<'], ['less than', '<'], ['lower than', '<'], ['shorter than', '<'], ['faster than', '<'], ['smaller than', '<'],
    ['below', '<'], ['under', '<'], ['beneath', '<'], ['falls below', '<'], ['falls under', '<'], ['fall below', '<'], ['fall under', '<'],
    ['drops below', '<'], ['drops under', '<'], ['drop below', '<'], ['drop under', '<'], ['dips below', '<'], ['dip below', '<'],
    ['goes below', '<'], ['go below', '<'], ['sinks below', '<'],
    ['more than', '>'], ['greater than', '>'], ['higher than', '>'], ['longer than', '>'], ['slower than', '>'], ['larger than', '>'],
    ['above', '>'], ['over', '>'], ['exceeds', '>'], ['exceed', '>'], ['exceeding', '>'], ['exceeded', '>'], ['in excess of', '>'],
    ['rises above', '>'], ['rise above', '>'], ['climbs above', '>'], ['climb above', '>'], ['spikes above', '>'], ['spike above', '>'],
    ['goes above', '>'], ['go above', '>'], ['goes over', '>'], ['go over', '>'], ['surpasses', '>'], ['surpass', '>'],
    ['jumps above', '>'], ['jump above', '>'], ['tops', '>'], ['beyond', '>'],
    ['spikes to', '>='], ['spike to', '>='], ['jumps to', '>='], ['jump to', '>='], ['rises to', '>='], ['rise to', '>='], ['climbs to', '>='],
    ['climb to', '>='], ['increases to', '>='], ['increase to', '>='], ['grows to', '>='], ['goes up to', '>='],
    ['drops to', '<='], ['drop to', '<='], ['falls to', '<='], ['fall to', '<='], ['dips to', '<='], ['dip to', '<='], ['decreases to', '<='],
    ['decrease to', '<='], ['sinks to', '<='], ['goes down to', '<='],
    ['equals', '='], ['equal to', '='], ['equal', '='], ['exactly', '='], ['is equal to', '='],
    ['not equal to', '!='], ['other than', '!='], ['anything but', '!='],
  ] as const
)
  .map(([words, op]) => [words.split(' '), op] as const)
  .sort((a, b) => b[0].length - a[0].length);

/** `WORDS_BEFORE` by first word, longest first within each: the grammar tries it at every token. */
export const WORDS_BEFORE_BY_FIRST: ReadonlyMap<string, ReadonlyArray<readonly [readonly string[], Op]>> = WORDS_BEFORE.reduce((index, entry) => {
  const first = entry[0][0] ?? '';
  index.set(first, [...(index.get(first) ?? []), entry]);
  return index;
}, new Map<string, Array<readonly [readonly string[], Op]>>());

/** Phrases that come after the number: "3 or fewer", "4.0 or higher", "two or more". */
export const WORDS_AFTER: ReadonlyArray<readonly [readonly string[], Op]> = (
  [
    ['or more', '>='], ['or higher', '>='], ['or above', '>='], ['or greater', '>='], ['or better', '>='], ['or over', '>='],
    ['and above', '>='], ['and up', '>='], ['and over', '>='], ['at minimum', '>='], ['at least', '>='], ['minimum', '>='], ['or longer', '>='],
    ['or fewer', '<='], ['or less', '<='], ['or lower', '<='], ['or below', '<='], ['or under', '<='], ['and below', '<='],
    ['and under', '<='], ['at most', '<='], ['at maximum', '<='], ['maximum', '<='], ['max', '<='], ['or shorter', '<='], ['or faster', '<='],
  ] as const
)
  .map(([words, op]) => [words.split(' '), op] as const)
  .sort((a, b) => b[0].length - a[0].length);

/** Words in a label that give its value a direction: "Maximum queue age: 15 min", "min: 97". */
export const LABEL_DIRECTIONS: Readonly<Record<string, Op>> = wordTable({
  max: '<=', 'max.': '<=', maximum: '<=', limit: '<=', ceiling: '<=', cap: '<=', upper: '<=', budget: '<=', allowed: '<=', permitted: '<=', tolerated: '<=',
  min: '>=', 'min.': '>=', minimum: '>=', floor: '>=',
});

// Nouns that make a metric a share or a rate already, so a percent change of it may be relative or in points.
export const RATIO_NAMES = words(
  'share rate rates percentage percent proportion ratio fraction conversion recall precision f1 ndcg auc mrr tasa taxa taux tasso quote conversión conversão conversione conversie конверсия конверсія adoption uptime availability churn ctr retention abandonment engagement utilization utilisation occupancy coverage accuracy margin yield attrition turnover bounce click-through penetration participation attendance compliance completion crash-free',
);
// Uncountable names of events a trigger counts: "any data loss", "no downtime or corruption".
export const MASS_EVENTS = words('loss data corruption downtime leak leakage breach exposure outage feedback traffic churn');
// Words that open a clause, not a noun phrase: after "or" they start a second claim ("or the release waits").
export const CLAUSE_OPENERS = words('the a an this that it its there then else otherwise we they you he she i');
/** Verbs that make a value an observed event for a trigger: "a P1 defect occurs", "any data loss is reported". */
export const OCCURS = new Set(['occurs', 'occur', 'occurred', 'happens', 'happen', 'appears', 'appear', 'reported', 'detected', 'found', 'logged', 'observed', 'raised', 'opened', 'confirmed', 'recorded', 'seen', 'discovered']);
/** Numbers written as words, as plans write small counts: "two consecutive", "a dozen", "none". */
export const NUMBER_WORDS: Readonly<Record<string, number>> = wordTable({
  zero: 0, none: 0, nil: 0, one: 1, single: 1, two: 2, pair: 2, three: 3, four: 4, five: 5, six: 6, seven: 7,
  eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, dozen: 12, thirteen: 13, fourteen: 14, fifteen: 15,
  sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
});

// Words that carry meaning wherever they stand: a negation, a change, a comparison, a hedge. The word
// account places one only where a finder used it, or inside a name the reading keeps.
export const SIGNIFICANT = words('not never no nor neither each every only most least always stay stays remain remains keep keeps hold holds total typically usually ideally generally normally unless except excluding without but up down budget limit upper lower max min maximum minimum cap ceiling floor');
// The glue of comparison phrases, placed wherever it stands: "at most", "more than", "should not exceed".
export const GLUE = words('a an the to of in on at as by is are be been being was were and or either with for from per than equal should must shall will would can could does do did that');
// Comparison words that say which way a change went, not how big a threshold is: "more", "less", "above".
export const CHANGE_ADJECTIVES = words('more higher greater slower longer above over larger bigger heavier costlier fewer less lower faster shorter below under smaller cheaper');
// Words that quantify a clause with no number: "no P1 defects", "any data loss", "all tests pass".
export const QUANTIFYING = words('no zero none without any a an one single all every');
// Change words that move a figure, not compare two: "down 2 points", "up 5%", "reduced 15%".
export const CHANGE_MOVES = words('up down rise rises fell fall falls drop drops dropped decline declines declined increase increases increased decrease decreases decreased reduction reduced reduce reduces grow grows growth');
// Leads that make a bullet a rollback trigger, or an exit criterion: the list it stands in must agree.
export const ROLLBACK_LEADS = words('roll rollback revert halt abort stop fail failure trigger triggers triggered page alert escalate disable pause no-go freeze');
export const GO_LEADS = words('go proceed pass exit success promote scale target targets goal goals criterion criteria');
// A label made only of decisions heads the criteria that lead to it: "**Go / expand:**", "**Hold / remediate:**".
export const GO_DECISIONS = words('go proceed expand scale ship launch continue promote graduate');
export const STOP_DECISIONS = words('no-go hold pause remediate stop halt abort rollback auto-rollback roll back revert extend delay postpone kill sunset pivot fail failure retire');
// Decisions between the two lists: a criterion under them neither passes the exit nor rolls back.
export const MIDDLE_DECISIONS = words('iterate amber yellow');
// Words that judge a threshold rather than name what is measured: "is unacceptable", "blocks go-live", "fails".
export const VERDICTS = words('acceptable unacceptable fine ok okay good bad great ideal excellent concerning allowed permitted forbidden prohibited no-go outside');
// Words anywhere in a bullet that say it does not gate the decision, or hedge its number: it is reported, never read as a gate.
export const NOT_GATING = words("roughly hoped hope wish aspiration projected possibly probably might advisable recommended discretion suggest guideline ideally endeavours endeavors likely tentatively provisionally desired desirable stretch aspirational waived deprecated tbc tbd optional deferred fyi tolerated preferably informational nice-to-have could hopefully rarely seldom hardly needn't anticipate anticipates anticipated");
// Words that make a number approximate when they stand next to it: "about 1%", "1% roughly", "~2 s".
export const APPROXIMATE = words('approximately roughly circa about around ~ ≈ approx almost nearly');
// Phrases that say the same: "not gating", "nice to have", "warn only", "out of scope".
export const NOT_GATING_PHRASES: ReadonlyArray<readonly string[]> = [['we’d', 'like'], ["we'd", 'like'], ['would', 'like'], ['aim', 'for'], ['not', 'a', 'hard', 'gate'], ['not', 'hard', 'gate'], ['no', 'hard', 'gate'], ['rule', 'of', 'thumb'], ['we', 'think'], ['for', 'information'], ['not', 'exit'], ['needs', 'validating'], ['for', 'reference'], ['reference', 'only'], ['industry', 'average'], ["won't"], ['won’t'], ['consider', 'rollback'], ['review', 'the', 'rollout'], ['discuss', 'rollback'], ['should', 'be', 'considered'], ['may', 'roll'], ["product's", 'call'], ['target', 'only'], ['best', 'effort'], ['not', 'final'], ['to', 'be', 'reviewed'], ['aim', 'only'], ['nicht', 'verbindlich'], ['do', 'not', 'roll'], ['don’t', 'roll'], ["don't", 'roll'], ['not', 'gating'], ['not', 'a', 'blocker'], ['nice', 'to', 'have'], ['warn', 'only'], ['only', 'warns'], ['no', 'rollback'], ['out', 'of', 'scope'], ['tracking', 'only'], ['monitor', 'only'], ['n/a'], ['or', 'so'], ['need', 'not'], ['fails', 'to'], ['fail', 'to'], ['failed', 'to'], ['is', 'noise'], ['is', 'normal']];
// Scale words after digits: "1.2 million", "5 thousand".
export const SCALE_WORDS: Readonly<Record<string, number>> = wordTable({ hundred: 100, thousand: 1000, lakh: 1e5, lakhs: 1e5, million: 1e6, mn: 1e6, crore: 1e7, crores: 1e7, billion: 1e9, bn: 1e9 });
// Business figures that, like a measure (`MEASURES`), a change word may follow as a verb ("sales fall 5%");
// after any other noun it may be the metric's own noun ("card declines").
export const CHANGING_FIGURES = /\b(?:costs?|revenue|sales|conversion|churn|adoption|traffic|spend|retention|satisfaction|csat|nps|margin|profit|productivity|errors|orders)$/i;
// Time words a rate is counted in: "per day", "a week".
export const TIME_NAMES_SET = words('second minute hour day week month year night quarter shift');
