/**
 * The lexicon's words for what is counted and how: events, faults, checks, owners, work items, and the
 * nouns that are no count (changes, promises, settings), the qualities that head a group of criteria, and the verbs
 * and particles that name, tell or roll back (jobs, paging, "held up", "logged in"). It continues `lexicon.ts`, which
 * is at its size limit.
 */
import { CHANGE_BAD, CHANGE_DOWN, CHANGE_EITHER, CHANGE_GOOD, CHANGE_UP, words } from './lexicon.ts';

// A change named as a noun, singular: a drop in some figure, not a count of events.
export const CHANGE_NOUNS = words(
  'degradation degradations deterioration regression impact impacts slowdown decline drop increase decrease uptick surge spike worsening effect hit penalty growth deviation',
);
// Promises and rules, singular: "No SLA" says there is none; "No missed SLAs" counts them.
export const PROMISES = words('sla slo guarantee commitment policy target requirement');
// Checks that run and fail: a failure of one is an event a trigger fires on.
export const CHECKS = words(
  'test tests check checks probe probes webhook webhooks hook hooks job jobs deploy deploys deployment deployments migration migrations build builds pipeline pipelines gate gates analysis analyses canary canaries scan scans suite suites',
);
// Events grave enough that one is a rollback, whose name alone under the triggers says so; errors or crashes come by the many.
export const GRAVE_EVENTS = words('breach breaches corruption outage outages incident incidents violation violations leak');
// The severities that make an event or a fault grave: "P0 bug", "Sev1 incident", "Critical defect".
const SEVERITIES = words('p0 p1 p0/p1 sev0 sev1 sev-0 sev-1 critical');
// Faults grave enough that one is a rollback when a severity alone names them: "P0 bug", "Critical defect".
export const GRAVE_FAULTS = words('bug bugs defect defects regression regressions');
export const SEVERE = new Set([...SEVERITIES, ...words('blocker blocking showstopper')]);
// Words that make such an event graver; "Planned outage" or "Minor incident" say otherwise.
export const GRAVER = new Set([
  ...SEVERITIES,
  ...words('security data major customer financial payment secret production privacy hipaa gdpr phi pii customer-facing patient safety compliance credential database regulatory'),
]);
// What a subject may have none of, read as a count: "Feature has no outstanding P0 bugs"; "Old code has no tests" says a lack.
export const FAULTS = words('bugs defects issues incidents errors vulnerabilities findings blockers regressions failures problems complaints outages crashes breaches violations');
// Subjects that are not one named thing: "Most sites have no issues", "We have no P1 bugs".
export const NOT_ONE = words('we i you they it he she there most some many several few half both either neither majority all every each any no only same other');
// Owners a plan has one of: "The patient must have …" or "The password must contain …" is a rule for each one.
export const OWNERS = words('cohort team release pilot project rollout group panel committee board program programme wave batch sample study trial squad roster');
// Verbs that set a target: only after one does "a retention rate of 40%" state a level to reach.
export const GOALS = words('achieve achieves attain attains maintain maintains reach reaches hit hits sustain sustains deliver delivers');
// Names whose value "of" gives is no level to reach: a tolerance ("accuracy of 10%"), a setting ("rate limit of 100") or context ("baseline churn of 5%").
export const NOT_TARGETS = words(
  'accuracy precision tolerance margin deviation variance drift limit minimum maximum detectable baseline current previous historical expected typical normal usual industry forecast',
);
// Work items a plan closes off, whose plural alone says all of them: "Accounts were closed" or "Calls were answered" count events.
export const WORK_ITEMS = words(
  'defects bugs issues conflicts findings risks blockers vulnerabilities incidents gaps items actions questions tickets tasks errors problems concerns comments recommendations deficiencies discrepancies exceptions jobs migrations tests checks suites scans audits',
);
// Verbs of something going wrong: a share of them within a limit is no percentile of a time.
export const FAILING = words(
  'fall falls fell deteriorate deteriorates deteriorated recur recurs recurred fail fails failed crash crashes crashed churn churns churned uninstall uninstalls uninstalled abandon abandons abandoned bounce bounces bounced cancel cancels cancelled canceled drop drops dropped error errors errored reopen reopens reopened escalate escalates escalated breach breaches breached lost revert reverted relapse relapses relapsed leave leaves quit quits resign resigns resigned late timed re-admitted readmitted',
);
// Verbs of getting to a level: "returns to under 300 ms in 5 minutes", "spikes above 5 in 10 minutes" say when, not how many.
export const SETTLING = words(
  'reach reaches return returns recover recovers drain drains drop drops fall falls settle settles clear clears catch catches converge converges complete completes finish finishes pass get gets go goes back shrink shrinks reduce reduced decrease decreases increase increases grow grows rise rises climb climbs spike spikes jump jumps hit hits',
);
// What lingers ("open bugs", "overdue invoices"): a count of it is a level at a time, not events within a span,
// and "after 5 days" says how long each has stayed.
export const LINGERING = words(
  'open unresolved unassigned untriaged unfixed unclosed unanswered unreviewed unpaid unbilled unmatched unapproved unreconciled uncollected incomplete outstanding pending remaining remain remains left backlog queued waiting awaiting stuck still overdue due aged stale delinquent blocked active concurrent down waitlist boarding',
);
// Words of a state in use: "90% of drivers actively using the app within 30 days" is the share by day 30.
export const STATES_OF_USE = words('using use uses adopting accessing engaging participating active live retained daily weekly');
// What a population may be on: "on the new POS", "on the latest version", "on v2".
const SYSTEM_WORDS = words('the a an new latest current updated upgraded same version versions release build system platform app tier plan stack model');
/** "stores on the new POS": a population on a system or a version, a state; "patients on the waitlist seen" do something. */
export const onASystem = (texts: readonly string[]) => {
  const on = texts.findIndex((text, position) => position > 0 && text.toLowerCase() === 'on');
  const what = texts.slice(on + 1);
  return on > 0 && what.length > 0 && what.every((text) => SYSTEM_WORDS.has(text.toLowerCase()) || /^(?:[A-Z0-9]{2,}|v\d[\d.]*)$/.test(text));
};

/** Patients who come back: a readmission to have few of, or a follow-up to have many of. */
export const returning = (text: string) =>
  /\b(?:patients?|pts|outpatients?|inpatients?|children|residents)\b/i.test(text) &&
  /\b(?:return|returns|returned|returning|come back|comes back|go back|revisit|revisits|re-present|re-presents|re-attend|re-attends|readmitted)\b/i.test(text);

// Qualities that head a group of criteria: "Adoption — Error rate < 1%" heads a name that says what it measures.
export const CATEGORIES = words(
  'adoption stability reliability performance quality safety security usability availability engagement operations operational technical business clinical financial compliance efficiency scalability resilience accessibility',
);

// "clinicians logging in", "patients opting out": a verb's particle at the end is part of what it names.
export const PARTICLES = words('in up out on off down back');
// Verbs that take such a particle in their base form: "staff who log in".
export const PHRASAL = words('log logs sign signs check checks opt opts show shows turn turns come comes drop drops roll rolls');

// Outcomes that tell someone rather than roll back: "→ page the on-call", "→ escalate to CISO".
export const TELLING = words('page pages paging escalate escalates notify notifies alert alerts trigger triggers triggered');

// What rolls back or stops the rollout besides the lexicon's decisions: "triggers roll-back", "turn off the feature".
export const ROLLING = words(
  'roll-back rolled back-out backout kill-switch killswitch off disable disabled disabling deactivate deactivated downgrade downgraded go-back fallback fall-back paused reverted reverting halted stopped aborted frozen blocked',
);

// The last words of a name that says what it measures whatever heads it: "Error rate", "Checkout latency".
export const SELF_NAMED = words('rate rates latency time times duration uptime throughput ratio percentage');

// Verbs whose "up" or "down" is part of them: "backed up", "signed up", "locked down". After "held" or "picked",
// "up" may be a rise ("Revenue picked up > $50k") or a state ("Orders held up"), so the bullet is reported.
export const PARTICLE_VERBS = words('backed tied stuck piled signed locked shut broken');
export const RISING_OR_STUCK = words('held picked');

// Jobs that run on a schedule: "nightly backup", "daily export", "weekly report".
export const JOBS = words(
  'backup backups build builds export exports import imports job jobs batch batches report reports sync syncs snapshot snapshots refresh refreshes reconciliation reconciliations load loads run runs scan scans digest digests feed feeds upload uploads close',
);

// What stands between a name and the verb that says it happened: "bugs have been reported".
export const AUXILIARIES = words('have has had been was were is are be');
// Places and groups that each have their own figure: "All wards: falls < 2", "attendance at each site".
export const PLACES = words(
  'ward wards site sites store stores region regions clinic clinics school schools branch branches hospital hospitals team teams department departments location locations market markets country countries practice practices unit units office offices warehouse warehouses depot depots plant plants campus campuses arm arms cohort cohorts',
);
// Words that make a count a run in a row: "3 consecutive checks", "2 straight months".
export const IN_A_ROW = words('consecutive straight successive');
// Periods with one figure each, so a run of them counts figures: "2 consecutive months" is two monthly figures.
export const FIGURE_PERIODS = /^(?:months?|quarters?|years?)$/;
// Periods with a figure each, or a level held through them: under the triggers "for 3 consecutive days" is either.
export const TRIGGER_FIGURE_PERIODS = /^(?:days?|nights?|weeks?|weekends?|shifts?)$/;
// Every word that names a change, whichever way: "up", "drops", "varies", "improves", "worsens".
export const CHANGES: ReadonlySet<string> = new Set([...CHANGE_UP, ...CHANGE_DOWN, ...CHANGE_EITHER, ...CHANGE_GOOD, ...CHANGE_BAD]);
// Verbs that say a level was reached, after its name: "99.9% uptime achieved" (a plural before them counts what was).
export const REACHED = words('achieved attained maintained met reached');
// Verbs that say things agree, which names no figure: "Tills match", "Ledger matches bank".
export const AGREEING = words('match matches matched agree agrees reconcile reconciles tally tallies');

// Resources a system uses, better low: "Disk usage", "Heap usage".
export const RESOURCES = /\b(?:disk|memory|cpu|heap|ram|gpu|storage|bandwidth|token|quota|pool|inode|inodes)\b/i;

// Words that make a thing better higher one to have less of: the fraud that succeeds, the gap in coverage.
export const TURNED =
  /\b(?:fraud|fraudulent|attack|attacks|attackers|bots?|phishing|spam|chargebacks?|duplicate|double-charge|false|refunds?|drift|gap|leakage|risk|retention|card-testing|stuffing|takeover|brute-force|exploits?|scrapers?|malicious|unauthori[sz]ed|abuse|intrusion|poison|poisoned|stale)\b/i;

// Failures named in a metric, better few, and words that turn them round ("Days without incident", "error budget left").
export const FAILURES_NAMED = /\b(?:fail|fails|failed|failures?|outages?|crash(?:es)?|incidents?|defects?|downtime|detractors)\b/i;
export const FAILURES_TURNED = /\b(?:without|free|since|between|recovery|recovered|removal|removed|budget|headroom|remaining|left|recovered|resolved|fixed|closed)\b/i;

// Verbs of landing at a level: "lands at 90-95%", "settles in", "ends at".
export const LANDING = words('land lands landing landed settle settles settling settled end ends ending arrive arrives come comes finish finishes');

// Heads of a thing wanted, named last: "Days of supply < 5", "Orders < 100 per hour" a volume that fell.
export const WANTED =
  /\b(?:heartbeats?|traffic|requests|messages|events|data|metrics|logs|signals?|pings|supply|acceptance|orders|transactions|sessions|users|visits|bookings|signups|sign-ups|logins|enrolments|enrollments)(?: per \w+)?$/i;
// Kinds of data a "set" may be: "test set", "validation set", "golden set"; after one, "set" is the data, not the verb.
export const DATA_SETS = words('test testing training train validation holdout held-out eval evaluation golden data reference benchmark dev development');
// A tier of severity alone as a label ("Medium:", "Major:"): it may grade what is counted, or say how severe the trigger is.
export const SEVERITY_TIERS = words('high medium moderate low severe major minor mild');
