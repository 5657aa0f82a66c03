import { classifySmtpFailure } from './smtp-failure';

/** Errors shaped as nodemailer reports them. */
const smtpError = (fields: Record<string, unknown>, message = 'SMTP error') =>
  Object.assign(new Error(message), fields);

describe(classifySmtpFailure.name, () => {
  it('takes a 5xx answer as permanent, with the answer as reason', () => {
    const error = smtpError(
      { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 Mailbox unavailable', command: 'RCPT TO' },
      "Can't send mail - all recipients were rejected: 550 5.1.1 Mailbox unavailable",
    );

    expect(classifySmtpFailure(error)).toEqual({
      kind: 'permanent',
      reason: '550 5.1.1 Mailbox unavailable',
    });
  });

  it('takes a 4xx answer as transient', () => {
    const error = smtpError({
      code: 'EENVELOPE',
      responseCode: 451,
      response: '451 4.3.0 Temporary failure',
    });

    expect(classifySmtpFailure(error)).toEqual({ kind: 'transient', reason: '451 4.3.0 Temporary failure' });
  });

  it('takes 503 (bad sequence of commands) as transient: a new session can succeed', () => {
    expect(classifySmtpFailure(smtpError({ responseCode: 503, response: '503 5.5.1 Error' })).kind).toBe(
      'transient',
    );
  });

  it.each(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH', 'EABORT'])(
    'takes a connection-level problem (%s) as transient',
    (code) => {
      expect(classifySmtpFailure(smtpError({ code }, 'connect ECONNREFUSED 127.0.0.1:1'))).toEqual({
        kind: 'transient',
        reason: `${code}: connect ECONNREFUSED 127.0.0.1:1`,
      });
    },
  );

  it('takes a message or address problem without server answer as permanent', () => {
    expect(classifySmtpFailure(smtpError({ code: 'EENVELOPE' }, 'No recipients defined'))).toEqual({
      kind: 'permanent',
      reason: 'EENVELOPE: No recipients defined',
    });
  });

  it('takes anything unknown as transient, so that it is retried a bounded number of times', () => {
    expect(classifySmtpFailure('boom')).toEqual({ kind: 'transient', reason: 'boom' });
  });

  it('keeps the reason on one line and within the event limit', () => {
    const error = smtpError({ responseCode: 552, response: `552 5.3.4\r\n${'x'.repeat(3000)}` });

    const { reason } = classifySmtpFailure(error);

    expect(reason).not.toMatch(/[\r\n]/);
    expect(reason).toHaveLength(2000);
  });
});
