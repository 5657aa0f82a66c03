import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { allEventContracts } from './catalog';

describe('allEventContracts', () => {
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));

  it.each(allEventContracts.map((contract) => [contract.type, contract]))(
    '%s: its example satisfies its schema',
    (_type, contract) => {
      const validate = ajv.compile(contract.schema);
      validate(contract.example);
      expect(validate.errors ?? []).toEqual([]);
    },
  );

  it('names every type once', () => {
    const types = allEventContracts.map((contract) => contract.type);
    expect(new Set(types).size).toBe(types.length);
  });
});
