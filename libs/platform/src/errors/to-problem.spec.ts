import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import {
  ConflictError,
  NotFoundError,
  RemoteProblemError,
  RuleViolationError,
  TooManyRequestsError,
  UpstreamTimeoutError,
  waitInGerman,
} from './domain-errors';
import { FieldValidationException, toProblem } from './to-problem';

describe(toProblem.name, () => {
  it.each([
    [new NotFoundError('Mitglied nicht gefunden.'), 404],
    [new ConflictError('Bereits eingeladen.'), 409],
    [new RuleViolationError('Anmeldung geschlossen.'), 422],
    [new UpstreamTimeoutError('Keine Antwort.'), 504],
  ])('keeps the status and detail of %p', (error, status) => {
    expect(toProblem(error, 'corr-1')).toMatchObject({
      status,
      detail: error.message,
      correlationId: 'corr-1',
    });
  });

  it('names the rule a 422 was refused by, when it has one', () => {
    const problem = toProblem(
      new RuleViolationError(
        'Die Kommune hat mehr als 25.000 Einwohner.',
        undefined,
        'target-group-population',
      ),
      'corr-1',
    );
    expect(problem).toMatchObject({ status: 422, rule: 'target-group-population' });
    expect(toProblem(new RuleViolationError('Anmeldung geschlossen.'), 'corr-1')).not.toHaveProperty('rule');
  });

  it('says how long to wait after a 429, also when it came from another service', () => {
    const problem = toProblem(new TooManyRequestsError('Bitte warten Sie 4 Sekunden.', 4), 'corr-1');
    expect(problem).toMatchObject({ status: 429, retryAfterSeconds: 4 });
    expect(toProblem(new RemoteProblemError(problem), 'mine')).toMatchObject({ retryAfterSeconds: 4 });
  });

  it.each([
    [1, '1 Sekunde'],
    [0.2, '1 Sekunde'],
    [45, '45 Sekunden'],
    [60, '1 Minute'],
    [61, '2 Minuten'],
    [900, '15 Minuten'],
  ])('writes a wait of %p s as "%s"', (seconds, text) => {
    expect(waitInGerman(seconds)).toBe(text);
  });

  it('names every invalid field', () => {
    const problem = toProblem(
      new FieldValidationException([
        { field: 'email', message: 'email must be an email' },
        { field: 'address.ags', message: 'ags must be 8 digits' },
      ]),
      'corr-1',
    );
    expect(problem.status).toBe(400);
    expect(problem.detail).toContain('email, address.ags');
    expect(problem.errors).toHaveLength(2);
  });

  it('passes a problem reported by another service through unchanged', () => {
    const remote = { type: 'x', title: 'Konflikt', status: 409, detail: 'schon da', correlationId: 'theirs' };
    expect(toProblem(new RemoteProblemError(remote), 'mine')).toEqual({ ...remote, correlationId: 'mine' });
  });

  it('maps Nest HTTP exceptions below 500 to their status', () => {
    expect(toProblem(new BadRequestException('Unexpected token } in JSON'), 'c')).toMatchObject({
      status: 400,
    });
    expect(toProblem(new PayloadTooLargeException(), 'c')).toMatchObject({
      status: 413,
      title: 'Anfrage zu groß',
    });
  });

  it("words the router's answer to a path no route has in German", () => {
    expect(toProblem(new NotFoundException('Cannot GET /api/v1/nirgends'), 'c')).toMatchObject({
      status: 404,
      detail: 'Unter /api/v1/nirgends gibt es nichts (GET). Bitte prüfen Sie die Adresse.',
    });
  });

  it('reveals nothing of an unexpected error but the correlation id', () => {
    const problem = toProblem(new Error('connection string mongodb://user:secret@db'), 'corr-9');
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret');
    expect(problem.correlationId).toBe('corr-9');
  });
});
