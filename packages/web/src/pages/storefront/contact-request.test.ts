import { describe, expect, it } from 'vitest';
import { contactProblems, type ContactRequestInput } from './contact-request';

const filled: ContactRequestInput = {
  name: 'Maria Nowak',
  email: 'maria@example.pl',
  company: 'Kowalski Sp. z o.o.',
  country: 'PL',
  message: 'We would like a demo in January.',
  consent: true,
};

describe('contact request checks', () => {
  it('lets a complete request go', () => {
    expect(contactProblems(filled)).toEqual({});
  });

  it('names every field still to fix at once', () => {
    expect(
      contactProblems({
        name: '  ',
        email: 'maria@',
        company: '',
        country: '',
        message: 'x'.repeat(2001),
        consent: false,
      }),
    ).toEqual({
      name: 'required',
      email: 'invalid',
      company: 'required',
      country: 'required',
      message: 'tooLong',
      consent: 'required',
    });
  });
});
