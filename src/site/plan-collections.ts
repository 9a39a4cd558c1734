/** The two folders of `content/` that hold plans, and how the site introduces each. */
export const PLAN_COLLECTIONS = {
  plans: {
    title: 'Plans',
    description: 'Every published Pilot Plan, with its latest version.',
    // How a filtered list is described: "Pilot Plans whose latest version is draft."
    noun: 'Pilot Plans',
    label: 'Plans',
  },
  examples: {
    title: 'Example plans',
    description: 'Complete Pilot Plans from different kinds of product, all passing the checks. The flawed-plan gallery shows what the checker says about broken ones.',
    noun: 'Example plans',
    label: 'Examples',
  },
} as const;

export type PlanCollection = keyof typeof PLAN_COLLECTIONS;

export const COLLECTION_NAMES = Object.keys(PLAN_COLLECTIONS) as PlanCollection[];
