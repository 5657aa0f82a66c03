import { SlidingWindowThrottle } from './sliding-window.throttle';

const MINUTE = 60_000;

describe(SlidingWindowThrottle.name, () => {
  const newThrottle = (maxKeys?: number) =>
    new SlidingWindowThrottle({ limit: 3, windowMs: 10 * MINUTE, ...(maxKeys ? { maxKeys } : {}) });

  it('allows up to the limit within the window, then says how long to wait', () => {
    const sut = newThrottle();
    expect(sut.take('1.2.3.4', 0)).toEqual({ allowed: true, remaining: 2 });
    expect(sut.take('1.2.3.4', 1 * MINUTE)).toEqual({ allowed: true, remaining: 1 });
    expect(sut.take('1.2.3.4', 2 * MINUTE)).toEqual({ allowed: true, remaining: 0 });
    expect(sut.take('1.2.3.4', 3 * MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 7 * 60 });
  });

  it('slides: a request is allowed again as soon as the oldest one leaves the window', () => {
    const sut = newThrottle();
    for (const at of [0, MINUTE, 2 * MINUTE]) sut.take('a', at);
    expect(sut.take('a', 10 * MINUTE - 1).allowed).toBe(false);
    expect(sut.take('a', 10 * MINUTE).allowed).toBe(true);
    expect(sut.take('a', 10 * MINUTE + 1).allowed).toBe(false);
  });

  it('does not count refused requests', () => {
    const sut = newThrottle();
    for (const at of [0, 1, 2]) sut.take('a', at);
    for (let at = 3; at < 100; at++) sut.take('a', at);
    expect(sut.take('a', 10 * MINUTE).allowed).toBe(true);
  });

  it('no longer counts a request given back', () => {
    const sut = newThrottle();
    for (const at of [0, 1, 2]) sut.take('a', at);
    sut.giveBack('a', 1);
    sut.giveBack('b', 1);
    expect(sut.take('a', 3)).toEqual({ allowed: true, remaining: 0 });
    expect(sut.take('a', 4).allowed).toBe(false);
  });

  it('keeps clients apart', () => {
    const sut = newThrottle();
    for (const at of [0, 1, 2]) sut.take('a', at);
    expect(sut.take('b', 3).allowed).toBe(true);
  });

  it('forgets the least recently seen clients beyond its bound', () => {
    const sut = newThrottle(100);
    for (let index = 0; index < 1000; index++) sut.take(`client-${index}`, index);
    expect(sut.size).toBeLessThanOrEqual(100);
  });
});
