type TypedArray = Uint8Array | Int32Array | Uint32Array | Float64Array;

/**
 * A copy of `array` with room for at least `needed` elements. Half as much again, not double: at
 * the end of a large trace a doubled column could hold as much slack as data.
 */
export function grownTo<T extends TypedArray>(array: T, needed: number): T {
  const copy = new (array.constructor as new (length: number) => T)(
    Math.max(needed, Math.ceil(array.length * 1.5)),
  );
  copy.set(array);
  return copy;
}
