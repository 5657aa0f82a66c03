import { context, ROOT_CONTEXT } from '@opentelemetry/api';

/** Requests on their way at once; the questions asked meanwhile wait and go together. */
const QUESTIONS_IN_FLIGHT = 2;

interface WaitingQuestion<Answer> {
  readonly key: string;
  readonly resolve: (answer: Answer) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Questions by key that go to another service together: as long as fewer than QUESTIONS_IN_FLIGHT
 * requests are on their way, a question goes at once; one asked while they are waits, and all that
 * wait then go in the next request (up to `perRequest`). Alone, a question waits for nothing; in a
 * rush of registrations, where every request of another member needs a session check, one request
 * to the membership service and two database queries there answer tens of them.
 *
 * A request that fails fails each of its questions. A request answers for several HTTP requests,
 * so it runs in a trace of its own rather than in the first one's.
 */
export class BatchedQuestions<Answer> {
  private readonly waiting: WaitingQuestion<Answer>[] = [];
  private inFlight = 0;

  constructor(
    private readonly askMany: (keys: string[]) => Promise<readonly Answer[]>,
    private readonly perRequest: number,
  ) {}

  ask(key: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      this.sendWaiting();
    });
  }

  private sendWaiting(): void {
    while (this.inFlight < QUESTIONS_IN_FLIGHT && this.waiting.length > 0) {
      const questions = this.waiting.splice(0, this.perRequest);
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
      const answers = await context.with(ROOT_CONTEXT, () => this.askMany(keys));
      if (answers.length !== questions.length) {
        throw new Error(`${answers.length} answers to ${questions.length} questions`);
      }
      questions.forEach((question, index) => question.resolve(answers[index]));
    } catch (error) {
      for (const question of questions) question.reject(error);
    }
  }
}
