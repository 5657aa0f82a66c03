import { kafkaSecurity } from './kafka-connection-factory';
import { topicReplicationFactor } from './topic-creation';

describe(topicReplicationFactor.name, () => {
  it('gives a topic one replica per broker of a small cluster', () => {
    expect([1, 2].map((brokers) => topicReplicationFactor(brokers))).toEqual([1, 2]);
  });

  it('gives a topic three replicas on three brokers or more', () => {
    expect([3, 6].map((brokers) => topicReplicationFactor(brokers))).toEqual([3, 3]);
  });

  it("keeps the cluster's default, even while fewer brokers are available", () => {
    expect(topicReplicationFactor(2, 3)).toBe(3);
    expect(topicReplicationFactor(6, 5)).toBe(5);
  });
});

describe(kafkaSecurity.name, () => {
  it('speaks plain Kafka by default', () => {
    expect(kafkaSecurity({ KAFKA_SSL: 'false' })).toEqual({});
  });

  it('trusts the system CAs for TLS, or those of the given file', () => {
    expect(kafkaSecurity({ KAFKA_SSL: 'true' })).toEqual({ ssl: true });
    const read = jest.fn(() => '-----BEGIN CERTIFICATE-----');
    expect(kafkaSecurity({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem' }, read)).toEqual({
      ssl: { ca: '-----BEGIN CERTIFICATE-----' },
    });
    expect(read).toHaveBeenCalledWith('/etc/kafka/ca.pem');
  });

  it('signs in with SASL when a mechanism is set', () => {
    expect(
      kafkaSecurity({
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'ic',
        KAFKA_SASL_PASSWORD: 'secret',
      }),
    ).toEqual({ ssl: true, sasl: { mechanism: 'scram-sha-512', username: 'ic', password: 'secret' } });
  });
});
