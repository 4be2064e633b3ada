import type { ClientProblem } from '../api/client';

/** The problem without the message of `field` (null once nothing is left to show). */
export function withoutFieldError(
  problem: ClientProblem | null,
  field: string,
): ClientProblem | null {
  if (!problem || !(field in problem.fields)) return problem;
  const fields = Object.fromEntries(
    Object.entries(problem.fields).filter(([key]) => key !== field),
  );
  return { ...problem, fields };
}
