/**
 * For specs: an object of a class's type without running its constructor (so no database or
 * broker), whose methods all throw until the spec gives them a behaviour with `jest.spyOn`. The
 * spies are typed by the real signatures, so a fake cannot drift from the class it stands in for.
 */
export function stubOf<T extends object>(type: abstract new (...args: never[]) => T): T {
  const stub = Object.create(type.prototype as object) as T;
  for (const name of Object.getOwnPropertyNames(type.prototype)) {
    if (name === 'constructor') continue;
    Object.defineProperty(stub, name, {
      configurable: true,
      writable: true,
      value: () => {
        throw new Error(`${type.name}.${name} is not stubbed in this spec`);
      },
    });
  }
  return stub;
}
