import { smtpPoolOptions, SmtpSettings } from './smtp-mailer';

const settings = (overrides: Partial<SmtpSettings> = {}): SmtpSettings => ({
  SMTP_HOST: 'smtp.dstgb.example',
  SMTP_PORT: 587,
  SMTP_SECURE: 'false',
  SMTP_MAX_CONNECTIONS: 5,
  ...overrides,
});

describe(smtpPoolOptions.name, () => {
  it('pools connections with timeouts, and leaves retries to the delivery (no requeue by the pool)', () => {
    const sut = smtpPoolOptions(settings());

    expect(sut).toMatchObject({
      pool: true,
      host: 'smtp.dstgb.example',
      port: 587,
      secure: false,
      maxRequeues: 0,
      connectionTimeout: expect.any(Number),
      greetingTimeout: expect.any(Number),
      socketTimeout: expect.any(Number),
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    expect(sut.auth).toBeUndefined();
  });

  it('uses STARTTLS opportunistically without credentials, and insists on it with credentials', () => {
    expect(smtpPoolOptions(settings()).opportunisticTLS).toBe(true);

    const withCredentials = smtpPoolOptions(settings({ SMTP_USER: 'ic', SMTP_PASSWORD: 'geheim' }));

    expect(withCredentials.opportunisticTLS).toBe(false);
    expect(withCredentials.auth).toEqual({ user: 'ic', pass: 'geheim' });
  });

  it('keeps as many connections as SMTP_MAX_CONNECTIONS says', () => {
    expect(smtpPoolOptions(settings({ SMTP_MAX_CONNECTIONS: 16 })).maxConnections).toBe(16);
  });

  it('speaks TLS from the start with SMTP_SECURE=true (port 465)', () => {
    expect(smtpPoolOptions(settings({ SMTP_PORT: 465, SMTP_SECURE: 'true' })).secure).toBe(true);
  });
});
