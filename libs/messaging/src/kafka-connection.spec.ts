import { kafkaSecurity } from './kafka-connection-factory';

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
