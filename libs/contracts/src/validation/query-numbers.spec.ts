import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageQuery } from '../membership/membership.dto';

describe('PageQuery.limit', () => {
  const limitErrors = (limit: string) =>
    validateSync(plainToInstance(PageQuery, { limit })).filter((error) => error.property === 'limit');

  it('takes a limit written in decimal digits', () => {
    const query = plainToInstance(PageQuery, { limit: '16' });
    expect(query.limit).toBe(16);
    expect(validateSync(query)).toEqual([]);
  });

  it.each(['0x10', '1e1', ' 7', '', '0b11', '16.0'])('refuses %p', (limit) => {
    expect(limitErrors(limit)).toHaveLength(1);
  });
});
