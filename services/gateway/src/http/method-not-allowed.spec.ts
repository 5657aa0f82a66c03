import { GatewayTestApp, startGatewayTestApp } from '../testing/gateway-test-app';
import { installMethodNotAllowed } from './method-not-allowed';

describe(installMethodNotAllowed.name, () => {
  let sut: GatewayTestApp;

  beforeAll(async () => {
    sut = await startGatewayTestApp();
  });

  afterAll(() => sut.close());

  it('answers a method the path does not have with 405, naming the allowed ones', async () => {
    const response = await sut.request('/api/v1/working-groups', { method: 'DELETE' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.json).toMatchObject({
      status: 405,
      title: 'Methode nicht erlaubt',
      detail: '/api/v1/working-groups kann nicht mit DELETE aufgerufen werden. Erlaubt: GET, HEAD, POST.',
    });
  });

  it('counts the methods of every route of a path with parameters', async () => {
    const response = await sut.request('/api/v1/members/0b0e7c8e-64a3-4f4e-9d1e-3f1b2c3d4e5f', {
      method: 'PUT',
    });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, PATCH');
  });

  it('names only the methods of a literal path where a path with a parameter also matches', async () => {
    const response = await sut.request('/api/v1/invitations/accept', { method: 'PUT' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('leaves paths the API does not have to the not-found answer', async () => {
    const response = await sut.request('/api/v1/nirgends', { method: 'DELETE' });

    expect(response.status).toBe(404);
  });

  it('refuses a path whose %-escapes do not decode with a 400 in German', async () => {
    const response = await sut.request('/api/v1/events/%E0%A4%A');

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      detail: 'Der Pfad der Anfrage enthält eine ungültige %-Kodierung.',
    });
  });
});
