import { z } from 'astro/zod';

/**
 * One exam question for the quiz. The answer must be one of the options word for word, so a typo
 * in either fails the build instead of making a question unanswerable.
 */
export const ExamQuestionSchema = () =>
  z
    .strictObject({
      /** Stable id, used for the question's anchor. */
      id: z.string().regex(/^[a-z0-9-]+$/),
      /** The question as asked. */
      question: z.string().trim().min(1),
      /** The choices, in the order shown (A, B, C, …). */
      options: z.array(z.string().trim().min(1)).min(2).max(6),
      /** The correct option, written exactly as in `options`. */
      answer: z.string().trim().min(1),
      /** Why the answer is right and the others are not. */
      explanation: z.string().trim().min(1),
    })
    .refine((question) => question.options.includes(question.answer), {
      error: (issue) => `Unexpected answer ${JSON.stringify((issue.input as { answer?: unknown }).answer)}, expected one of the options word for word`,
      path: ['answer'],
    })
    .refine((question) => new Set(question.options).size === question.options.length, { error: 'Unexpected duplicate option; every option must differ', path: ['options'] });

export type ExamQuestion = z.output<ReturnType<typeof ExamQuestionSchema>>;
