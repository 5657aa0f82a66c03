import { validateSync } from 'class-validator';
import { API_MODEL_PROPERTIES } from './validation';
import { UuidField } from './uuid-field';

class EventIdPayload {
  @UuidField()
  eventId!: string;
}

function payload(eventId: string): EventIdPayload {
  return Object.assign(new EventIdPayload(), { eventId });
}

describe(UuidField.name, () => {
  it('refuses what is no UUID with a message naming the field', () => {
    const [error] = validateSync(payload('4711'));

    expect(error.constraints).toEqual({ isUuid: 'eventId muss eine UUID sein' });
  });

  it('accepts a UUID and documents the field as one', () => {
    expect(validateSync(payload('5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10'))).toEqual([]);
    expect(Reflect.getMetadata(API_MODEL_PROPERTIES, EventIdPayload.prototype, 'eventId')).toMatchObject({
      format: 'uuid',
    });
  });
});
