/**
 * Run parameters hold typed arrays (percentile breakpoints: the sorted values of the population) and non-finite
 * numbers (open cut-offs). JSON has neither, so they travel as JSON with placeholders plus binary blobs: exact to
 * the bit, and a million breakpoints cost 8 MB of bytea instead of 20 MB of text.
 */

const typedArrays = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type TypedArrayName = keyof typeof typedArrays;
type AnyTypedArray = InstanceType<(typeof typedArrays)[TypedArrayName]>;

interface TypedPlaceholder {
  readonly $typed: TypedArrayName;
  readonly blob: number;
}
interface NumberPlaceholder {
  readonly $number: 'NaN' | 'Infinity' | '-Infinity';
}

export interface EncodedParams {
  readonly json: unknown;
  readonly blobs: Uint8Array[];
}

function typedArrayName(value: unknown): TypedArrayName | undefined {
  if (!ArrayBuffer.isView(value)) return undefined;
  return (Object.keys(typedArrays) as TypedArrayName[]).find((name) => value instanceof typedArrays[name]);
}

export function encodeParams(params: unknown): EncodedParams {
  const blobs: Uint8Array[] = [];
  const encode = (value: unknown): unknown => {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return {
        $number: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity',
      } satisfies NumberPlaceholder;
    }
    const typed = typedArrayName(value);
    if (typed) {
      const view = value as AnyTypedArray;
      blobs.push(new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength)));
      return { $typed: typed, blob: blobs.length - 1 } satisfies TypedPlaceholder;
    }
    if (value instanceof Map) return { $map: [...value.entries()].map(([k, v]) => [encode(k), encode(v)]) };
    if (Array.isArray(value)) return value.map(encode);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, inner]) => inner !== undefined)
          .map(([key, inner]) => [key, encode(inner)]),
      );
    }
    return value;
  };
  return { json: encode(params), blobs };
}

export function decodeParams<T>(encoded: EncodedParams): T {
  const decode = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(decode);
    if (!value || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if ('$number' in record) return Number(record.$number);
    if ('$typed' in record) {
      const blob = encoded.blobs[record.blob as number];
      if (!blob) throw new Error(`run parameters refer to a missing blob ${String(record.blob)}`);
      const Constructor = typedArrays[record.$typed as TypedArrayName];
      const copy = new Uint8Array(blob.byteLength);
      copy.set(blob);
      return new Constructor(copy.buffer);
    }
    if ('$map' in record)
      return new Map((record.$map as [unknown, unknown][]).map(([k, v]) => [decode(k), decode(v)]));
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, decode(inner)]));
  };
  return decode(encoded.json) as T;
}
