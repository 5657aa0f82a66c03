import { MergedInserts } from '@ic/persistence';
import mongoose, { Connection, mongo } from 'mongoose';
import { testInfrastructure, uniqueSuffix } from '../../support/test-infrastructure';

interface Claim {
  _id: string;
  by: number;
}

/** Claims by insert against the real database, the inserts of concurrent callers merged. */
describe(MergedInserts.name, () => {
  const infra = testInfrastructure();
  let connection: Connection;
  let claims: mongo.Collection<Claim>;
  const inserts: mongo.CommandStartedEvent[] = [];

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(infra.mongodbUri, {
        dbName: `test_merged_inserts_${uniqueSuffix()}`,
        monitorCommands: true,
      })
      .asPromise();
    connection.getClient().on('commandStarted', (event: mongo.CommandStartedEvent) => {
      if (event.commandName === 'insert' && event.command.insert === 'claims') inserts.push(event);
    });
    claims = connection.db!.collection<Claim>('claims');
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('lets exactly one of concurrent callers win each id, an id taken before losing, in fewer inserts', async () => {
    await claims.insertOne({ _id: 'taken', by: -1 });
    inserts.length = 0;
    const sut = new MergedInserts<Claim>(() => claims);
    const ids = ['taken', ...Array.from({ length: 10 }, (_, index) => `id-${index}`)];
    const callers = [...ids, ...ids].map((_id, by) => ({ _id, by }));

    const won = await Promise.all(callers.map((claim) => sut.insert(claim)));

    const winners = callers.filter((_, index) => won[index]);
    expect(winners.map((claim) => claim._id).sort()).toEqual(ids.filter((id) => id !== 'taken').sort());
    const stored = await claims.find({}).toArray();
    expect(stored).toHaveLength(ids.length);
    for (const winner of winners) expect(stored).toContainEqual(winner);
    expect(inserts.length).toBeLessThan(callers.length / 4);
  });
});
