import { activeSpanLink, inSpan, SpanKind } from '@ic/platform';
import { Link, ROOT_CONTEXT } from '@opentelemetry/api';

/** Requests on their way at once; the questions asked meanwhile wait and go together. */
const QUESTIONS_IN_FLIGHT = 2;

export interface BatchedQuestionsOptions {
  /** The name of each request's span in the traces. */
  readonly spanName: string;
  /** Questions that go in one request at most. */
  readonly perRequest: number;
  /**
   * How long a question waits for its answer, counted from when it is asked: waiting behind
   * requests on their way counts too, so no question waits for two requests' timeouts.
   */
  readonly answerWithinMs: number;
  /** The error of a question that got no answer in time. */
  readonly unanswered: () => Error;
}

interface WaitingQuestion<Answer> {
  readonly key: string;
  readonly resolve: (answer: Answer) => void;
  readonly reject: (error: unknown) => void;
  readonly deadline: NodeJS.Timeout;
  /** The span of the HTTP request that asks, for the trace of the request that answers it. */
  readonly asker?: Link;
}

/**
 * Questions by key that go to another service together: as long as fewer than QUESTIONS_IN_FLIGHT
 * requests are on their way, a question goes at once; one asked while they are waits, and all that
 * wait then go in the next request (up to `perRequest`). Alone, a question waits for nothing; in a
 * rush of registrations, where every request of another member needs a session check, one request
 * to the membership service and two database queries there answer tens of them.
 *
 * A request that fails fails each of its questions; a question without an answer after
 * `answerWithinMs` fails on its own, whether it still waits or its request is on its way. A request
 * answers for several HTTP requests, so it runs in a trace of its own rather than in the first
 * one's, its span linked to the span of each HTTP request it answers.
 */
export class BatchedQuestions<Answer> {
  private readonly waiting: WaitingQuestion<Answer>[] = [];
  private inFlight = 0;

  constructor(
    private readonly askMany: (keys: string[]) => Promise<readonly Answer[]>,
    private readonly options: BatchedQuestionsOptions,
  ) {}

  ask(key: string): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      const question: WaitingQuestion<Answer> = {
        key,
        resolve,
        reject,
        deadline: setTimeout(() => this.giveUp(question), this.options.answerWithinMs),
        asker: activeSpanLink(),
      };
      this.waiting.push(question);
      this.sendWaiting();
    });
  }

  private giveUp(question: WaitingQuestion<Answer>): void {
    const index = this.waiting.indexOf(question);
    if (index >= 0) this.waiting.splice(index, 1);
    question.reject(this.options.unanswered());
  }

  private sendWaiting(): void {
    while (this.inFlight < QUESTIONS_IN_FLIGHT && this.waiting.length > 0) {
      const questions = this.waiting.splice(0, this.options.perRequest);
      this.inFlight++;
      void this.send(questions).finally(() => {
        this.inFlight--;
        this.sendWaiting();
      });
    }
  }

  private async send(questions: readonly WaitingQuestion<Answer>[]): Promise<void> {
    try {
      const keys = questions.map((question) => question.key);
      const askers = questions.flatMap((question) => (question.asker ? [question.asker] : []));
      const answers = await inSpan(
        this.options.spanName,
        { kind: SpanKind.INTERNAL, parent: ROOT_CONTEXT, links: askers },
        () => this.askMany(keys),
      );
      if (answers.length !== questions.length) {
        throw new Error(`${answers.length} answers to ${questions.length} questions`);
      }
      questions.forEach((question, index) => question.resolve(answers[index]));
    } catch (error) {
      for (const question of questions) question.reject(error);
    } finally {
      for (const question of questions) clearTimeout(question.deadline);
    }
  }
}
