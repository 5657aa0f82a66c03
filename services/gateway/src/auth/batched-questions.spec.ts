import { inSpan, SpanKind } from '@ic/platform';
import { RecordedSpans, recordSpans } from '../../../../libs/platform/src/tracing/testing/recorded-spans';
import { BatchedQuestions } from './batched-questions';

describe(BatchedQuestions.name, () => {
  let spans: RecordedSpans;
  beforeAll(() => (spans = recordSpans()));
  afterAll(() => spans.stop());

  it('asks in a trace of its own, linked to the span of each request it answers', async () => {
    const answers: (() => void)[] = [];
    const sut = new BatchedQuestions<string>(
      (keys) => new Promise((resolve) => answers.push(() => resolve(keys.map((key) => `${key}?`)))),
      {
        spanName: 'ask sessions',
        perRequest: 100,
        answerWithinMs: 5_000,
        unanswered: () => new Error('late'),
      },
    );
    // Two requests on their way; the next two questions wait and go together.
    const asked = ['request 1', 'request 2', 'request 3', 'request 4'].map((name) =>
      inSpan(name, { kind: SpanKind.SERVER }, () => sut.ask(name)),
    );
    await new Promise(setImmediate);
    answers.splice(0).forEach((answer) => answer());
    await new Promise(setImmediate);
    answers.splice(0).forEach((answer) => answer());

    await expect(Promise.all(asked)).resolves.toEqual([
      'request 1?',
      'request 2?',
      'request 3?',
      'request 4?',
    ]);
    const finished = spans.finished();
    const idOf = (name: string) => finished.find((span) => span.name === name)?.spanContext().spanId;
    const asks = finished.filter((span) => span.name === 'ask sessions');
    expect(asks.map((span) => span.links.map((link) => link.context.spanId))).toEqual([
      [idOf('request 1')],
      [idOf('request 2')],
      [idOf('request 3'), idOf('request 4')],
    ]);
    expect(asks.map((span) => span.parentSpanContext)).toEqual([undefined, undefined, undefined]);
  });
});
