import { encodeCursor } from '@ic/platform';
import { buildInvitationListQuery } from './invitation-list.query';

const now = new Date('2026-12-06T10:00:00.000Z');

describe(buildInvitationListQuery.name, () => {
  it('lists every invitation, 20 to a page, without a filter', () => {
    const sut = buildInvitationListQuery({}, now);

    expect(sut).toEqual({ filter: {}, limit: 20 });
  });

  it('tells open from expired by the expiry', () => {
    expect(buildInvitationListQuery({ status: 'open' }, now).filter).toEqual({
      status: 'open',
      expiresAt: { $gt: now },
    });
    expect(buildInvitationListQuery({ status: 'expired' }, now).filter).toEqual({
      status: 'open',
      expiresAt: { $lte: now },
    });
    expect(buildInvitationListQuery({ status: 'revoked' }, now).filter).toEqual({ status: 'revoked' });
  });

  it('finds each word of a search in the names, the address, the organisation or the Kommune', () => {
    const sut = buildInvitationListQuery({ q: 'Anna  kalletal.example', status: 'open' }, now);

    const anyField = (pattern: string) => ({
      $or: [
        { 'profile.firstName': { $regex: pattern, $options: 'i' } },
        { 'profile.lastName': { $regex: pattern, $options: 'i' } },
        { 'profile.email': { $regex: pattern, $options: 'i' } },
        { 'profile.organisation': { $regex: pattern, $options: 'i' } },
        { 'profile.municipality.name': { $regex: pattern, $options: 'i' } },
      ],
    });
    expect(sut.filter).toEqual({
      status: 'open',
      expiresAt: { $gt: now },
      $and: [anyField('Anna'), anyField('kalletal\\.example')],
    });
  });

  it('takes a search literally', () => {
    const sut = buildInvitationListQuery({ q: '.*(' }, now);

    expect(JSON.stringify(sut.filter)).toContain('"$regex":"\\\\.\\\\*\\\\("');
  });

  it('goes on after the cursor with the page size asked for', () => {
    const cursor = encodeCursor('invitations', '2026-11-21T10:00:00.000Z|5b0f7a52');

    const sut = buildInvitationListQuery({ cursor, limit: 5 }, now);

    expect(sut).toEqual({
      filter: { listKey: { $lt: '2026-11-21T10:00:00.000Z|5b0f7a52' } },
      limit: 5,
    });
  });
});
