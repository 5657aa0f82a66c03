import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { StoredMessage } from './mail-store';
import { startMailSink, type RunningMailSink } from './mail-sink';

describe(startMailSink.name, () => {
  let storeDir: string;
  let sut: RunningMailSink;
  const warnings: string[] = [];

  const start = async (): Promise<RunningMailSink> =>
    startMailSink({
      host: '127.0.0.1',
      smtpPort: 0,
      webPort: 0,
      storeFile: join(storeDir, 'messages.jsonl'),
      warn: (line) => warnings.push(line),
    });
  const web = (path: string, init?: RequestInit): Promise<Response> =>
    fetch(`http://127.0.0.1:${sut.webPort}${path}`, init);
  const send = (to: string, subject = 'Willkommen im Innovators Club') =>
    createTransport({ host: '127.0.0.1', port: sut.smtpPort, secure: false, ignoreTLS: true }).sendMail({
      from: '"Geschäftsstelle" <office@innovators.example>',
      to,
      subject,
      text: 'Hallo Ada, willkommen!',
      html: '<p>Hallo <b>Ada</b>, willkommen!</p>',
      headers: { 'X-Correlation-Id': 'corr-42' },
      attachments: [{ filename: 'agenda.txt', content: 'Tagesordnung', contentType: 'text/plain' }],
    });

  beforeEach(async () => {
    storeDir = await mkdtemp(join(tmpdir(), 'mail-sink-'));
    sut = await start();
  });

  afterEach(async () => {
    await sut.stop();
    await rm(storeDir, { recursive: true, force: true });
    expect(warnings).toEqual([]);
  });

  it('keeps a received message and returns it through the JSON API', async () => {
    await send('ada@members.example');

    const messages = (await (await web('/api/messages?to=ADA@members.example')).json()) as StoredMessage[];

    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message).toMatchObject({
      from: 'office@innovators.example',
      to: ['ada@members.example'],
      subject: 'Willkommen im Innovators Club',
      text: expect.stringContaining('Hallo Ada'),
      html: expect.stringContaining('<b>Ada</b>'),
      headers: expect.objectContaining({ 'x-correlation-id': 'corr-42' }),
      attachments: [
        {
          filename: 'agenda.txt',
          contentType: 'text/plain',
          size: 12,
          content: Buffer.from('Tagesordnung').toString('base64'),
        },
      ],
    });
    expect(message.messageId).toMatch(/^<.+>$/);
    expect(await (await web(`/api/messages/${message.id}`)).json()).toEqual(message);
  });

  it('keeps one copy per Message-ID and counts the redelivery, as a mailbox does', async () => {
    const resend = (to: string) =>
      createTransport({ host: '127.0.0.1', port: sut.smtpPort, secure: false, ignoreTLS: true }).sendMail({
        from: 'office@innovators.example',
        to,
        subject: 'Einladung',
        text: 'Hallo',
        messageId: '<invitation-1@innovators.example>',
      });
    await resend('ada@members.example');
    await resend('ada@members.example');
    await send('ada@members.example', 'Eine andere Mail');

    const messages = (await (await web('/api/messages?to=ada@members.example')).json()) as StoredMessage[];

    expect(messages.map((message) => [message.subject, message.deliveries])).toEqual([
      ['Eine andere Mail', 1],
      ['Einladung', 2],
    ]);
  });

  it('filters by recipient and lists the newest first', async () => {
    await send('ada@members.example', 'first');
    await send('grace@members.example', 'for someone else');
    await send('ada@members.example', 'second');

    const messages = (await (await web('/api/messages?to=ada@members.example')).json()) as StoredMessage[];

    expect(messages.map((message) => message.subject)).toEqual(['second', 'first']);
  });

  it('filters by the domain of the recipients', async () => {
    await send('ada@members.example', 'first');
    await send('grace@other.example', 'for another domain');
    await send('Alan@MEMBERS.example', 'second');

    const messages = (await (await web('/api/messages?domain=members.example')).json()) as StoredMessage[];

    expect(messages.map((message) => message.subject)).toEqual(['second', 'first']);
  });

  it('lists only the messages received since an instant', async () => {
    await send('ada@members.example', 'before');
    const [before] = (await (await web('/api/messages')).json()) as StoredMessage[];
    const since = new Date(Date.parse(before.date) + 1).toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await send('ada@members.example', 'after');

    const messages = (await (
      await web(`/api/messages?domain=members.example&since=${encodeURIComponent(since)}`)
    ).json()) as StoredMessage[];

    expect(messages.map((message) => message.subject)).toEqual(['after']);
    expect((await web('/api/messages?since=yesterday')).status).toBe(400);
  });

  it('shows the inbox and a message as HTML pages', async () => {
    await send('ada@members.example');
    const [message] = (await (await web('/api/messages')).json()) as StoredMessage[];

    const inbox = await (await web('/')).text();
    const detail = await (await web(`/messages/${message.id}`)).text();

    expect(inbox).toContain('Posteingang (1)');
    expect(inbox).toContain('Willkommen im Innovators Club');
    expect(detail).toContain('<iframe sandbox=""');
    expect(detail).toContain('&lt;b&gt;Ada&lt;/b&gt;');
    expect(detail).toContain('agenda.txt');
  });

  it('answers 404 for an unknown message', async () => {
    expect((await web('/api/messages/unknown')).status).toBe(404);
  });

  it('keeps messages across a restart and forgets them when cleared', async () => {
    await send('ada@members.example');
    await sut.stop();
    sut = await start();

    expect(await (await web('/api/messages')).json()).toHaveLength(1);

    expect((await web('/api/messages', { method: 'DELETE' })).status).toBe(204);
    await sut.stop();
    sut = await start();
    expect(await (await web('/api/messages')).json()).toEqual([]);
  });

  it('refuses smtp-transient recipients with a temporary failure', async () => {
    await expect(send('smtp-transient-1@members.example')).rejects.toMatchObject({
      responseCode: 451,
      response: '451 4.3.0 Temporary failure',
    });
  });

  it('refuses smtp-reject recipients with a permanent failure', async () => {
    await expect(send('smtp-reject@members.example')).rejects.toMatchObject({
      responseCode: 550,
      response: '550 5.1.1 Mailbox unavailable',
    });
    expect(await (await web('/api/messages')).json()).toEqual([]);
  });
});
