import { describe, expect, it } from 'vitest';
import {
  detailSearch,
  listSearch,
  offsetOf,
  parseSubmissionParam,
  queueStateOf,
} from './review-params';

const ORG = '0b7c1f4e-2a3d-4c5e-8f90-1a2b3c4d5e6f';
const SUB = '9f8e7d6c-5b4a-4321-8765-43210fedcba9';

describe('review queue address', () => {
  it('reads ?submission=<organisation>:<submission>', () => {
    expect(parseSubmissionParam(`${ORG}:${SUB}`)).toEqual({
      organisationId: ORG,
      submissionId: SUB,
    });
    expect(parseSubmissionParam(null)).toBeNull();
    expect(parseSubmissionParam(ORG)).toBeNull();
    expect(parseSubmissionParam(`${ORG}:${SUB}:x`)).toBeNull();
    expect(parseSubmissionParam(`${ORG}:../x`)).toBeNull();
  });

  it('goes to a submission and back keeping the tab', () => {
    const params = new URLSearchParams('state=decided');
    const detail = detailSearch(params, { organisationId: ORG, submissionId: SUB });
    expect(detail).toBe(`?state=decided&submission=${encodeURIComponent(`${ORG}:${SUB}`)}`);
    expect(listSearch(new URLSearchParams(detail))).toBe('?state=decided');
    expect(listSearch(new URLSearchParams(`submission=${ORG}:${SUB}`))).toBe('');
  });

  it('reads the tab and the offset', () => {
    expect(queueStateOf(new URLSearchParams('state=decided'))).toBe('decided');
    expect(queueStateOf(new URLSearchParams('state=other'))).toBe('open');
    expect(offsetOf(new URLSearchParams('offset=40'))).toBe(40);
    expect(offsetOf(new URLSearchParams('offset=-3'))).toBe(0);
    expect(offsetOf(new URLSearchParams('offset=x'))).toBe(0);
  });
});
