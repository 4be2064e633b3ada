import { describe, expect, it } from 'vitest';
import { withoutFieldError } from './field-errors';

const problem = {
  status: 422,
  code: 'VALIDATION',
  title: 'Check the fields',
  fields: { email: 'Enter an e-mail address.', password: 'Too short.' },
};

describe('withoutFieldError', () => {
  it('drops the message of the edited field and keeps the others', () => {
    expect(withoutFieldError(problem, 'email')?.fields).toEqual({ password: 'Too short.' });
  });

  it('leaves the problem alone when the field had no message', () => {
    expect(withoutFieldError(problem, 'name')).toBe(problem);
    expect(withoutFieldError(null, 'name')).toBeNull();
  });
});
